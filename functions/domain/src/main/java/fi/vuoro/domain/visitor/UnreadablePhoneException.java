package fi.vuoro.domain.visitor;

/**
 * An encrypted number that cannot be opened: damaged, sealed with a key this deployment no longer (or not yet) has,
 * or of an unknown format. It costs that one number, never the page or batch it is part of.
 */
public class UnreadablePhoneException extends RuntimeException {

    public UnreadablePhoneException(String message) {
        super(message);
    }

    public UnreadablePhoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
