package fi.vuoro.domain.outbox;

import java.time.Duration;
import java.util.Optional;

/**
 * What became of one send. Reasons name status codes and error types only, never the number or the text,
 * because they are logged and stored.
 */
public sealed interface SendResult {

    /** Twilio took the message; {@code providerId} is its message SID. */
    record Accepted(String providerId) implements SendResult {
    }

    /**
     * Twilio certainly did not take it (5xx, 429, connection refused): try again later, not before
     * {@code retryAfter} when Twilio said so.
     */
    record Retryable(String reason, Optional<Duration> retryAfter) implements SendResult {
    }

    /** No answer after the request may have reached Twilio (a timeout): it may or may not have been sent. */
    record Ambiguous(String reason) implements SendResult {
    }

    /**
     * Twilio refused it for good because no SMS can reach the recipient from this number: they opted out (texted
     * STOP; error 21610), or the number cannot take SMS (21612, 21614). Never retried; the recipient is marked as
     * one who cannot be texted.
     */
    record Unreachable(String reason) implements SendResult {
    }

    /** Twilio refused it for good (4xx other than 429, e.g. an invalid number): never retried. */
    record Rejected(String reason) implements SendResult {
    }
}
