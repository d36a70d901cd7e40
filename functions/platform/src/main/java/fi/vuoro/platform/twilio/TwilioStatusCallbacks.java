package fi.vuoro.platform.twilio;

import fi.vuoro.domain.outbox.OutboxStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Twilio's message status callbacks: the URL each outbound SMS names ({@code <public base URL>/sms/status?outbox=<id>},
 * which Twilio signs, query included) and what Twilio's status words mean for the outbox.
 */
public final class TwilioStatusCallbacks {

    public static final String PATH = "/sms/status";
    public static final String OUTBOX_PARAMETER = "outbox";

    private TwilioStatusCallbacks() {
    }

    /** The path and query of a message's callback, exactly as given to Twilio and signed by it. */
    public static String pathAndQuery(String outboxId) {
        return PATH + "?" + OUTBOX_PARAMETER + "=" + URLEncoder.encode(outboxId, StandardCharsets.UTF_8);
    }

    /** The full callback URL; empty when no public base URL is configured (Twilio then reports nothing). */
    public static Optional<String> url(String publicBaseUrl, String outboxId) {
        String base = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
        return base.isEmpty() ? Optional.empty() : Optional.of(base + pathAndQuery(outboxId));
    }

    /**
     * Twilio's {@code MessageStatus} as an outbox status: the words meaning Twilio has the message are SENT,
     * the final ones DELIVERED, UNDELIVERED or FAILED. Empty for words that say nothing about an outbound
     * message (e.g. "received").
     */
    public static Optional<OutboxStatus> status(String messageStatus) {
        if (messageStatus == null) {
            return Optional.empty();
        }
        return switch (messageStatus.trim().toLowerCase(Locale.ROOT)) {
            case "accepted", "scheduled", "queued", "sending", "sent" -> Optional.of(OutboxStatus.SENT);
            case "delivered", "read" -> Optional.of(OutboxStatus.DELIVERED);
            case "undelivered" -> Optional.of(OutboxStatus.UNDELIVERED);
            case "failed", "canceled" -> Optional.of(OutboxStatus.FAILED);
            default -> Optional.empty();
        };
    }
}
