package fi.vuoro.domain.outbox;

import java.time.Instant;

/** Sends SMS through the provider (Twilio). Never throws for a provider failure: the result says what happened. */
public interface SmsGateway {

    SendResult send(SmsToSend sms);

    /**
     * Looks for a message with exactly this recipient, sender and text that the provider accepted at or
     * after {@code since}, to learn whether an attempt without an answer was in fact sent.
     */
    SentCheck findSent(String to, String from, String body, Instant since);
}
