package fi.vuoro.platform.twilio;

/**
 * Told of every reply a webhook hands back as TwiML, which Twilio then sends as an SMS. In AWS nobody
 * listens; the local runtime records the replies as its stand-in for Twilio's outbound messages.
 */
public interface TwimlReplyListener {

    void replied(String to, String from, String text);
}
