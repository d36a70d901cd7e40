package fi.vuoro.domain.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.testing.ManualClock;
import fi.vuoro.domain.testing.QueueWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** A site's hourly SMS cap: it holds past the cap, the alarm goes off, and the held messages go out next hour once. */
class SiteSendCapTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:40:00Z");
    private static final Instant NEXT_HOUR = Instant.parse("2026-11-24T11:00:00Z");
    private static final String FLOODED = "flooded";
    private static final String FLOODED_NUMBER = "+358500000001";
    private static final String QUIET = "quiet";
    private static final String QUIET_NUMBER = "+358500000002";
    private static final Duration BUDGET = Duration.ofMinutes(10);

    private record Alarm(String siteId, int perHour, Instant reopensAt, int held) {
    }

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryOutboxStore store = new InMemoryOutboxStore();
    private final ScriptedGateway twilio = new ScriptedGateway(clock);
    private final QueueWorld.TestPhones phones = new QueueWorld.TestPhones();
    private final List<Alarm> alarms = new ArrayList<>();

    private OutboxDispatcher dispatcher(int perHour) {
        return new OutboxDispatcher(store, twilio, phones, clock, clock, RandomGenerator.of("L64X128MixRandom"),
                DispatchPolicy.DEFAULTS, (premise, now) -> Optional.empty(), new SiteSendCap(perHour),
                (siteId, cap, reopensAt, held) -> alarms.add(new Alarm(siteId, cap, reopensAt, held)));
    }

    private void owe(String id, String siteId, String from, Instant validUntil) {
        store.add(new OutboundSms(id, siteId, phones.encrypt("+35840" + Math.abs(id.hashCode())), from,
                "Your turn " + id, clock.instant(), validUntil, Optional.empty()));
        clock.advance(Duration.ofMillis(1));
    }

    private long sendsOf(String siteId) {
        return twilio.attempts().stream().filter(send -> send.sms().outboxId().startsWith(siteId)).count();
    }

    @Test
    void drain_shouldHoldASitesMessagesPastItsCap_untilTheNextHour_andRaiseTheAlarmOnce() {
        for (int i = 0; i < 8; i++) {
            owe(FLOODED + i, FLOODED, FLOODED_NUMBER, T0.plus(Duration.ofHours(3)));
        }

        dispatcher(5).drain(BUDGET);

        assertEquals(5, sendsOf(FLOODED), "the cap holds");
        for (int i = 5; i < 8; i++) {
            InMemoryOutboxStore.Entry held = store.entry(FLOODED + i);
            assertEquals(OutboxStatus.PENDING, held.status, "held, not lost");
            assertEquals(Optional.of(NEXT_HOUR), held.dueAt, "due when the next hour opens");
            assertEquals(0, held.attempts, "holding is no attempt");
        }
        assertEquals(List.of(new Alarm(FLOODED, 5, NEXT_HOUR, 3)), alarms);
    }

    @Test
    void drain_shouldSendTheHeldMessagesOnce_whenTheNextHourOpens() {
        for (int i = 0; i < 8; i++) {
            owe(FLOODED + i, FLOODED, FLOODED_NUMBER, T0.plus(Duration.ofHours(3)));
        }
        dispatcher(5).drain(BUDGET);

        clock.advance(Duration.between(clock.instant(), NEXT_HOUR));
        dispatcher(5).drain(BUDGET);
        dispatcher(5).drain(BUDGET);

        assertEquals(8, sendsOf(FLOODED));
        assertEquals(8, twilio.attempts().stream().map(send -> send.sms().outboxId()).distinct().count(),
                "each message sent exactly once");
        assertTrue(store.all().stream().allMatch(entry -> entry.status == OutboxStatus.SENT));
        assertEquals(1, alarms.size(), "no alarm in an hour within the cap");
    }

    @Test
    void drain_shouldDropAHeldMessage_withItsReason_whenItIsNoLongerWorthSendingNextHour() {
        for (int i = 0; i < 3; i++) {
            owe(FLOODED + i, FLOODED, FLOODED_NUMBER, T0.plus(Duration.ofMinutes(10)));
        }
        dispatcher(2).drain(BUDGET);

        clock.advance(Duration.between(clock.instant(), NEXT_HOUR));
        dispatcher(2).drain(BUDGET);

        InMemoryOutboxStore.Entry late = store.entry(FLOODED + 2);
        assertEquals(OutboxStatus.DROPPED, late.status);
        assertTrue(late.lastReason.startsWith("no longer worth sending"), late.lastReason);
        assertEquals(2, sendsOf(FLOODED));
    }

    @Test
    void drain_shouldKeepSendingOtherSites_whileAFloodedSiteFillsTheDueList() {
        for (int i = 0; i < 40; i++) {
            owe(FLOODED + i, FLOODED, FLOODED_NUMBER, T0.plus(Duration.ofHours(3)));
        }
        owe(QUIET + 0, QUIET, QUIET_NUMBER, T0.plus(Duration.ofHours(3)));
        owe(QUIET + 1, QUIET, QUIET_NUMBER, T0.plus(Duration.ofHours(3)));

        dispatcher(3).drain(BUDGET);

        assertEquals(3, sendsOf(FLOODED));
        assertEquals(2, sendsOf(QUIET), "40 held messages ahead in the due list do not starve another site");
        assertEquals(List.of(new Alarm(FLOODED, 3, NEXT_HOUR, 37)), alarms);
    }

    @Test
    void allowance_shouldBeTheClockHour_andACapBelowOneIsRefused() {
        SiteSendCap.Allowance allowance = SiteSendCap.DEFAULT.allowance("demo", T0);
        assertEquals(new SiteSendCap.Allowance("demo", 500, Instant.parse("2026-11-24T10:00:00Z"), NEXT_HOUR),
                allowance);
        assertThrows(IllegalArgumentException.class, () -> new SiteSendCap(0));
    }
}
