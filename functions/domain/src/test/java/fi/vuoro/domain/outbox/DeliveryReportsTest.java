package fi.vuoro.domain.outbox;

import fi.vuoro.domain.testing.ManualClock;
import fi.vuoro.domain.testing.QueueWorld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DeliveryReportsTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryOutboxStore store = new InMemoryOutboxStore();
    private final DeliveryReports reports = new DeliveryReports(store, clock);

    private void oweAndSend(String id) {
        QueueWorld.TestPhones phones = new QueueWorld.TestPhones();
        store.add(new OutboundSms(id, "demo", phones.encrypt("+358401110001"), "+358500000001", "text", T0));
        new OutboxDispatcher(store, new ScriptedGateway(clock), phones, clock, clock, RandomGenerator.getDefault(),
                DispatchPolicy.DEFAULTS, (premise, now) -> java.util.Optional.empty()).drain(Duration.ofMinutes(1));
    }

    @Test
    void report_shouldMoveASentMessageToDelivered_andALateSentReportShouldNotMoveItBack() {
        oweAndSend("a");

        assertTrue(reports.report("a", OutboxStatus.DELIVERED));
        assertFalse(reports.report("a", OutboxStatus.SENT));
        assertFalse(reports.report("a", OutboxStatus.UNDELIVERED), "a final status stays final");

        assertEquals(OutboxStatus.DELIVERED, store.entry("a").status);
    }

    @Test
    void report_shouldSettleAMessage_whoseSendWentUnanswered() {
        store.add(new OutboundSms("a", "demo", "enc:1", "+358500000001", "text", T0));

        assertTrue(reports.report("a", OutboxStatus.SENT));

        assertTrue(store.due(T0.plus(Duration.ofDays(1)), 10).isEmpty(), "Twilio has it: it is never sent again");
    }

    @Test
    void report_shouldChangeNothing_forAnUnknownMessage() {
        assertFalse(reports.report("nobody", OutboxStatus.DELIVERED));
    }

    @Test
    void report_shouldRefuseStatusesOnlyVuoroSets() {
        assertThrows(IllegalArgumentException.class, () -> reports.report("a", OutboxStatus.SENDING));
    }
}
