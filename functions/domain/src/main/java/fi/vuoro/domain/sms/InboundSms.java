package fi.vuoro.domain.sms;

/**
 * A text a visitor sent to a site's number. {@code from} and {@code body} are personal data: they are
 * never logged.
 */
public record InboundSms(String messageId, String from, String to, String body) {

    public InboundSms {
        requireText(messageId, "MessageSid");
        requireText(from, "From");
        requireText(to, "To");
        body = body == null ? "" : body;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidSmsException(field + " is required");
        }
    }

    @Override
    public String toString() {
        return "InboundSms[messageId=" + messageId + ", to=" + to + "]";
    }
}
