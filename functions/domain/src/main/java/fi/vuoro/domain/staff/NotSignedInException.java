package fi.vuoro.domain.staff;

/** A staff request without a valid sign-in token. */
public class NotSignedInException extends RuntimeException {

    public NotSignedInException(String message) {
        super(message);
    }
}
