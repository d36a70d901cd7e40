package fi.vuoro.local;

import fi.vuoro.platform.twilio.TwimlReplyListener;
import fi.vuoro.testkit.FakeTwilioApi;

/** Local stand-in for Twilio sending a webhook's TwiML reply: the fake Twilio records it as sent. */
final class RecordingTwilio implements TwimlReplyListener {

    private final FakeTwilioApi twilio;

    RecordingTwilio(FakeTwilioApi twilio) {
        this.twilio = twilio;
    }

    @Override
    public void replied(String to, String from, String text) {
        twilio.record(to, from, text);
    }
}
