package fi.vuoro.platform.http;

/** A webhook whose Twilio signature is missing or wrong: refused before anything is read or written. */
public class WebhookNotSignedException extends RuntimeException {

    public WebhookNotSignedException() {
        super("The request is not signed by Twilio for this URL");
    }
}
