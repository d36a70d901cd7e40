package fi.vuoro.platform.twilio;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;

/** TwiML for a webhook reply, built by Twilio's SDK (it escapes the text). */
public final class TwimlReplies {

    private TwimlReplies() {
    }

    public static String message(String text) {
        return new MessagingResponse.Builder()
                .message(new Message.Builder().body(new Body.Builder(text).build()).build())
                .build()
                .toXml();
    }

    /** A reply that sends nothing back. */
    public static String empty() {
        return new MessagingResponse.Builder().build().toXml();
    }
}
