package fi.vuoro.domain.language;

/** A message file is missing, unreadable or breaks a rule; the message names the file and the entry. */
public final class MessageCatalogueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MessageCatalogueException(String message) {
        super(message);
    }

    public MessageCatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
