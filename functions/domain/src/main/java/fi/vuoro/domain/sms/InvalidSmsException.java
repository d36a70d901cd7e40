package fi.vuoro.domain.sms;

/** An inbound message that cannot be handled as it is (a required field is missing). */
public class InvalidSmsException extends RuntimeException {

    public InvalidSmsException(String message) {
        super(message);
    }
}
