package fi.vuoro.platform.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.vuoro.domain.outbox.OutboxStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwilioStatusCallbacksTest {

    @Test
    void url_shouldNameTheOutboxMessage_escapedForAQuery() {
        assertEquals(Optional.of("https://api.example/sms/status?outbox=demo.2026-11-24.7.called-1"),
                TwilioStatusCallbacks.url("https://api.example/", "demo.2026-11-24.7.called-1"));
        assertEquals("/sms/status?outbox=a+b%26c", TwilioStatusCallbacks.pathAndQuery("a b&c"));
    }

    @Test
    void url_shouldBeAbsent_withoutAPublicBaseUrl() {
        assertEquals(Optional.empty(), TwilioStatusCallbacks.url("", "x"));
        assertEquals(Optional.empty(), TwilioStatusCallbacks.url(null, "x"));
    }

    @Test
    void status_shouldMapTwiliosWordsToOutboxStatuses() {
        assertEquals(Optional.of(OutboxStatus.SENT), TwilioStatusCallbacks.status("queued"));
        assertEquals(Optional.of(OutboxStatus.SENT), TwilioStatusCallbacks.status("sent"));
        assertEquals(Optional.of(OutboxStatus.DELIVERED), TwilioStatusCallbacks.status("delivered"));
        assertEquals(Optional.of(OutboxStatus.DELIVERED), TwilioStatusCallbacks.status("Read"));
        assertEquals(Optional.of(OutboxStatus.UNDELIVERED), TwilioStatusCallbacks.status("undelivered"));
        assertEquals(Optional.of(OutboxStatus.FAILED), TwilioStatusCallbacks.status("failed"));
        assertEquals(Optional.empty(), TwilioStatusCallbacks.status("received"));
        assertEquals(Optional.empty(), TwilioStatusCallbacks.status(null));
    }
}
