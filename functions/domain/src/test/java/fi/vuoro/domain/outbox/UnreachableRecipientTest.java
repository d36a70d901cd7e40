package fi.vuoro.domain.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.testing.ManualClock;
import fi.vuoro.domain.testing.QueueWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** A message Twilio refuses because its recipient takes no SMS (STOP: 21610) is dropped with why, never retried. */
class UnreachableRecipientTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryOutboxStore store = new InMemoryOutboxStore();
    private final ScriptedGateway twilio = new ScriptedGateway(clock);
    private final QueueWorld.TestPhones phones = new QueueWorld.TestPhones();
    private final List<String> told = new CopyOnWriteArrayList<>();

    private OutboxDispatcher dispatcher() {
        return new OutboxDispatcher(store, twilio, phones, clock, clock, RandomGenerator.getDefault(),
                DispatchPolicy.DEFAULTS, (premise, now) -> Optional.empty(), (sms, now) -> told.add(sms.id()));
    }

    @Test
    void drain_shouldDropTheMessageWithTheReason_andTellWhoOwedIt_whenTheRecipientOptedOut() {
        twilio.thenAnswer(new SendResult.Unreachable("HTTP 400, Twilio error 21610"));
        store.add(new OutboundSms("demo.2026-11-24.1.called-1", "demo", phones.encrypt("+358401110001"),
                "+358500000001", "Your turn", T0));

        DrainResult result = dispatcher().drain(Duration.ofMinutes(30));

        assertEquals(new DrainResult(0, 0, 0, 1), result, "dropped, not failed and not retried");
        assertEquals(OutboxStatus.DROPPED, store.entry("demo.2026-11-24.1.called-1").status);
        assertTrue(store.entry("demo.2026-11-24.1.called-1").lastReason.contains("cannot be texted")
                && store.entry("demo.2026-11-24.1.called-1").lastReason.contains("21610"));
        assertEquals(List.of("demo.2026-11-24.1.called-1"), told);

        clock.advance(Duration.ofHours(1));
        dispatcher().drain(Duration.ofMinutes(30));
        assertEquals(1, twilio.attempts().size(), "tried once, never again");
    }

    @Test
    void drain_shouldStillDropTheMessage_whenRecordingTheUnreachableRecipientFails() {
        twilio.thenAnswer(new SendResult.Unreachable("HTTP 400, Twilio error 21610"));
        store.add(new OutboundSms("a", "demo", phones.encrypt("+358401110001"), "+358500000001", "Hi", T0));
        OutboxDispatcher failing = new OutboxDispatcher(store, twilio, phones, clock, clock,
                RandomGenerator.getDefault(), DispatchPolicy.DEFAULTS, (premise, now) -> Optional.empty(),
                (sms, now) -> {
                    throw new IllegalStateException("table unavailable");
                });

        assertEquals(new DrainResult(0, 0, 0, 1), failing.drain(Duration.ofMinutes(30)));
        assertEquals(OutboxStatus.DROPPED, store.entry("a").status);
    }
}
