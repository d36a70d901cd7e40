package fi.vuoro.domain.outbox;

import fi.vuoro.domain.testing.ManualClock;
import fi.vuoro.domain.testing.QueueWorld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final String SITE_NUMBER = "+358500000001";
    private static final DispatchPolicy POLICY = DispatchPolicy.DEFAULTS;
    private static final Duration LONG_BUDGET = Duration.ofMinutes(30);

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryOutboxStore store = new InMemoryOutboxStore();
    private final ScriptedGateway twilio = new ScriptedGateway(clock);
    private final QueueWorld.TestPhones phones = new QueueWorld.TestPhones();
    /** Premises by what they name; one not listed holds. */
    private final Map<Premise, String> brokenPremises = new java.util.concurrent.ConcurrentHashMap<>();
    private final PremiseCheck premises = (premise, now) -> Optional.ofNullable(brokenPremises.get(premise));

    private OutboxDispatcher dispatcher(double jitter) {
        return new OutboxDispatcher(store, twilio, phones, clock, clock, fixedRandom(jitter), POLICY, premises);
    }

    private OutboxDispatcher dispatcher() {
        return dispatcher(1.0);
    }

    private OutboundSms owe(String id, String to, String from, Instant createdAt) {
        OutboundSms sms = new OutboundSms(id, "demo", phones.encrypt(to), from, "Your turn " + id, createdAt);
        store.add(sms);
        return sms;
    }

    private OutboundSms owe(String id, String to) {
        return owe(id, to, SITE_NUMBER, clock.instant());
    }

    @Test
    void drain_shouldSendEachDueMessageOnce_oldestFirst_toTheDecryptedNumber() {
        owe("b", "+358401110002", SITE_NUMBER, T0.plusMillis(2));
        owe("a", "+358401110001", "+358500000002", T0.plusMillis(1));
        owe("c", "+358401110003", "+358500000003", T0.plusMillis(3));
        clock.advance(Duration.ofMillis(5));

        DrainResult result = dispatcher().drain(LONG_BUDGET);

        assertEquals(new DrainResult(3, 0, 0, 0), result);
        assertEquals(List.of("a", "b", "c"), twilio.attempts().stream().map(s -> s.sms().outboxId()).toList());
        assertEquals("+358401110001", twilio.attempts().get(0).sms().to());
        for (InMemoryOutboxStore.Entry entry : store.all()) {
            assertEquals(OutboxStatus.SENT, entry.status);
            assertFalse(entry.numberKept, "no SMS is owed any more, so the number is forgotten");
            assertTrue(entry.providerId.startsWith("SM"));
        }
        assertEquals(new DrainResult(0, 0, 0, 0), dispatcher().drain(LONG_BUDGET), "a second drain sends nothing");
        assertEquals(3, twilio.attempts().size());
    }

    @Test
    void drain_shouldLeaveMessagesThatAreNotDueYet() {
        owe("later", "+358401110001", SITE_NUMBER, T0.plus(Duration.ofHours(1)));

        DrainResult result = dispatcher().drain(Duration.ofSeconds(30));

        assertEquals(0, result.handled());
        assertEquals(OutboxStatus.PENDING, store.entry("later").status);
    }

    @Test
    void drain_shouldSendAtMostOneMessagePerIntervalFromOneNumber_butNotHoldBackOtherNumbers() {
        for (int i = 0; i < 5; i++) {
            owe("same" + i, "+35840222000" + i, SITE_NUMBER, T0.plusMillis(i));
        }
        for (int i = 0; i < 5; i++) {
            owe("other" + i, "+35840333000" + i, "+35850000010" + i, T0.plusMillis(10 + i));
        }
        clock.advance(Duration.ofMillis(20));

        dispatcher().drain(LONG_BUDGET);

        List<Instant> sameNumber = sendTimes(s -> s.sms().from().equals(SITE_NUMBER));
        assertEquals(5, sameNumber.size());
        for (int i = 1; i < sameNumber.size(); i++) {
            assertFalse(Duration.between(sameNumber.get(i - 1), sameNumber.get(i)).compareTo(POLICY.sendInterval()) < 0,
                    "sends from one number are an interval apart: " + sameNumber);
        }
        List<Instant> otherNumbers = sendTimes(s -> !s.sms().from().equals(SITE_NUMBER));
        assertEquals(5, otherNumbers.size());
        assertTrue(Duration.between(T0, otherNumbers.get(4)).compareTo(Duration.ofSeconds(1)) < 0,
                "five numbers send side by side, not one per second: " + otherNumbers);
    }

    @Test
    void drain_shouldWaitForASlotAnotherDispatcherTook() {
        owe("a", "+358401110001");
        store.takeSendSlot(SITE_NUMBER, clock.instant(), POLICY.sendInterval(),
                SiteSendCap.DEFAULT.allowance("elsewhere", clock.instant()));

        dispatcher().drain(LONG_BUDGET);

        assertEquals(T0.plus(POLICY.sendInterval()), twilio.attempts().get(0).at());
    }

    @Test
    void drain_shouldGiveAMessageBackUnattempted_whenItsNumbersSlotDoesNotComeWithinTheBudget() {
        owe("a", "+358401110001");
        store.takeSendSlot(SITE_NUMBER, clock.instant(), Duration.ofMinutes(5),
                SiteSendCap.DEFAULT.allowance("elsewhere", clock.instant()));

        DrainResult result = dispatcher().drain(Duration.ofSeconds(30));

        assertEquals(0, result.handled());
        assertTrue(twilio.attempts().isEmpty());
        InMemoryOutboxStore.Entry entry = store.entry("a");
        assertEquals(OutboxStatus.PENDING, entry.status);
        assertEquals(0, entry.attempts, "no attempt was spent");
        assertEquals(java.util.Optional.of(T0.plus(Duration.ofMinutes(5))), entry.dueAt, "due when the slot is free");
    }

    @Test
    void drain_shouldRetryWithGrowingBackoff_andSendOnce_whenTwilioFailsTwiceThenAccepts() {
        twilio.thenAnswer(ScriptedGateway.serverError()).thenAnswer(ScriptedGateway.serverError());
        owe("a", "+358401110001");

        DrainResult result = dispatcher(1.0).drain(LONG_BUDGET);

        assertEquals(new DrainResult(1, 2, 0, 0), result);
        List<Instant> times = sendTimes(s -> true);
        assertEquals(List.of(T0, T0.plusSeconds(2), T0.plusSeconds(6)), times,
                "2 s after the first failure, 4 s after the second (upper jitter bound)");
        assertEquals(1, twilio.accepted().size());
        assertEquals(OutboxStatus.SENT, store.entry("a").status);
        assertEquals(3, store.entry("a").attempts);
    }

    @Test
    void drain_shouldJitterTheBackoffWithinItsUpperHalf() {
        twilio.thenAnswer(ScriptedGateway.serverError());
        owe("a", "+358401110001");

        dispatcher(0.0).drain(LONG_BUDGET);

        assertEquals(T0.plusSeconds(1), sendTimes(s -> true).get(1),
                "half of the 2 s first retry at the lowest jitter");
    }

    @Test
    void drain_shouldNotRetryBeforeRetryAfter_whenTwilioSaysTooManyRequests() {
        twilio.thenAnswer(ScriptedGateway.tooManyRequests(Duration.ofSeconds(30)));
        owe("a", "+358401110001");

        dispatcher().drain(LONG_BUDGET);

        assertEquals(List.of(T0, T0.plusSeconds(30)), sendTimes(s -> true));
        assertEquals(OutboxStatus.SENT, store.entry("a").status);
    }

    @Test
    void drain_shouldFailTheMessage_afterTheLastAttempt() {
        for (int i = 0; i < POLICY.maxAttempts(); i++) {
            twilio.thenAnswer(ScriptedGateway.serverError());
        }
        owe("a", "+358401110001");

        DrainResult result = dispatcher().drain(LONG_BUDGET);

        assertEquals(new DrainResult(0, POLICY.maxAttempts() - 1, 1, 0), result);
        assertEquals(POLICY.maxAttempts(), twilio.attempts().size());
        InMemoryOutboxStore.Entry entry = store.entry("a");
        assertEquals(OutboxStatus.FAILED, entry.status);
        assertTrue(entry.dueAt.isEmpty(), "a failed message leaves the due list");
        assertFalse(entry.numberKept, "the number is forgotten");
    }

    @Test
    void drain_shouldFailAtOnce_whenTwilioRejectsTheMessage() {
        twilio.thenAnswer(new SendResult.Rejected("HTTP 400, Twilio error 21211"));
        owe("a", "+358401110001");

        DrainResult result = dispatcher().drain(LONG_BUDGET);

        assertEquals(new DrainResult(0, 0, 1, 0), result);
        assertEquals(1, twilio.attempts().size());
        assertEquals(OutboxStatus.FAILED, store.entry("a").status);
        assertTrue(store.entry("a").lastReason.contains("21211"));
    }

    @Test
    void drain_shouldNotSendAgain_whenAnAttemptWithoutAnswerHadReachedTwilio() {
        twilio.thenTimeOut(true);
        owe("a", "+358401110001");

        DrainResult result = dispatcher().drain(LONG_BUDGET);

        assertEquals(new DrainResult(1, 1, 0, 0), result);
        assertEquals(1, twilio.attempts().size(), "one send only: the visitor is texted once");
        assertEquals(1, twilio.lookups().size());
        assertFalse(twilio.lookups().get(0).at().isBefore(T0.plus(POLICY.ambiguityWindow())),
                "Twilio is asked only after the ambiguity window");
        assertEquals(T0, twilio.lookups().get(0).since(), "from the start of the unanswered attempt");
        assertEquals(OutboxStatus.SENT, store.entry("a").status);
        assertEquals("SM-found-a", store.entry("a").providerId);
    }

    @Test
    void drain_shouldSendAgain_onlyAfterTwilioSaysItDoesNotHaveTheMessage() {
        twilio.thenTimeOut(false);
        owe("a", "+358401110001");

        dispatcher().drain(LONG_BUDGET);

        assertEquals(2, twilio.attempts().size());
        assertEquals(1, twilio.accepted().size());
        assertTrue(twilio.lookups().get(0).at().isBefore(twilio.attempts().get(1).at())
                || twilio.lookups().get(0).at().equals(twilio.attempts().get(1).at()), "asked before sending again");
        assertEquals(OutboxStatus.SENT, store.entry("a").status);
    }

    @Test
    void drain_shouldNeitherSendNorGiveUp_whileTwilioCannotBeAsked() {
        twilio.thenTimeOut(false).thenLookupFails().thenLookupFails();
        owe("a", "+358401110001");

        DrainResult result = dispatcher().drain(Duration.ofSeconds(80));

        assertEquals(1, twilio.attempts().size(), "no second send while it is unknown whether the first went out");
        assertEquals(2, twilio.lookups().size());
        assertEquals(new DrainResult(0, 3, 0, 0), result);
        assertEquals(OutboxStatus.PENDING, store.entry("a").status);
        assertTrue(store.entry("a").unsureSince.isPresent(), "still unsure: the next attempt asks Twilio first");
    }

    @Test
    void drain_shouldOnlyAskTwilio_afterTheLastAttemptWentUnanswered() {
        for (int i = 0; i < POLICY.maxAttempts() - 1; i++) {
            twilio.thenAnswer(ScriptedGateway.serverError());
        }
        twilio.thenTimeOut(false);
        owe("a", "+358401110001");

        dispatcher().drain(LONG_BUDGET);

        assertEquals(POLICY.maxAttempts(), twilio.attempts().size(), "never more sends than the limit");
        assertEquals(1, twilio.lookups().size());
        assertEquals(OutboxStatus.FAILED, store.entry("a").status);
    }

    @Test
    void drain_shouldAskTwilioFirst_whenADispatcherVanishedMidSend() {
        OutboundSms sms = owe("a", "+358401110001");
        ClaimedSms lost = store.claim("a", clock.instant(), clock.instant().plus(POLICY.lease())).orElseThrow();
        twilio.send(new SmsToSend(sms.id(), "+358401110001", sms.from(), sms.body()));
        clock.advance(POLICY.lease());

        DrainResult result = dispatcher().drain(LONG_BUDGET);

        assertEquals(new DrainResult(1, 0, 0, 0), result);
        assertEquals(1, twilio.attempts().size(), "found at Twilio, so not sent again");
        assertEquals(OutboxStatus.SENT, store.entry("a").status);
        store.markFailed(lost, "late outcome of the vanished dispatcher", clock.instant());
        assertEquals(OutboxStatus.SENT, store.entry("a").status, "an expired claim cannot overwrite the result");
    }

    @Test
    void drain_shouldStartNoAttemptThatCouldOutlastItsBudget() {
        for (int i = 0; i < 10; i++) {
            owe("m" + i, "+35840444000" + i, SITE_NUMBER, T0.plusMillis(i));
        }
        clock.advance(Duration.ofMillis(10));
        Duration budget = POLICY.attemptReserve().plusSeconds(5);

        DrainResult result = dispatcher().drain(budget);

        assertEquals(5, result.sent(), "one per second for the 5 s before the reserve");
        assertFalse(clock.instant().isAfter(T0.plusMillis(10).plus(budget)));
        assertEquals(5, store.all().stream().filter(e -> e.status == OutboxStatus.PENDING).count());
    }

    @Test
    void drain_shouldFailTheMessage_whenItsNumberCannotBeDecrypted() {
        store.add(new OutboundSms("bad", "demo", "garbage", SITE_NUMBER, "text", T0));

        DrainResult result = dispatcher().drain(LONG_BUDGET);

        assertEquals(new DrainResult(0, 0, 1, 0), result);
        assertTrue(twilio.attempts().isEmpty());
    }

    @Test
    void drain_shouldDropAMessageUnsent_onceItIsNoLongerWorthSending() {
        OutboundSms late = new OutboundSms("late", "demo", phones.encrypt("+358401110009"), SITE_NUMBER,
                "Your turn, desk 3", T0, T0.plusSeconds(60), Optional.empty());
        store.add(late);
        clock.advance(Duration.ofMinutes(2));

        DrainResult result = dispatcher().drain(LONG_BUDGET);

        assertEquals(new DrainResult(0, 0, 0, 1), result);
        assertTrue(twilio.accepted().isEmpty(), "a stale message is never sent");
        assertEquals(OutboxStatus.DROPPED, store.entry("late").status);
        assertTrue(store.entry("late").lastReason.startsWith("no longer worth sending"), store.entry("late").lastReason);
        assertFalse(store.entry("late").numberKept, "the number is forgotten");
    }

    @Test
    void drain_shouldDropAMessage_whosePremiseNoLongerHolds_andSendOneWhosePremiseDoes() {
        Premise servedSince = new Premise.TicketState("demo", T0.atZone(java.time.ZoneOffset.UTC).toLocalDate(), 7,
                "CALLED", Optional.of(T0));
        Premise stillCalled = new Premise.TicketState("demo", T0.atZone(java.time.ZoneOffset.UTC).toLocalDate(), 8,
                "CALLED", Optional.of(T0));
        brokenPremises.put(servedSince, "the ticket is SERVED now, not CALLED");
        store.add(new OutboundSms("seven", "demo", phones.encrypt("+358401110007"), SITE_NUMBER, "Your turn A7",
                T0, T0.plusSeconds(600), Optional.of(servedSince)));
        store.add(new OutboundSms("eight", "demo", phones.encrypt("+358401110008"), SITE_NUMBER, "Your turn A8",
                T0.plusMillis(1), T0.plusSeconds(600), Optional.of(stillCalled)));

        DrainResult result = dispatcher().drain(LONG_BUDGET);

        assertEquals(new DrainResult(1, 0, 0, 1), result);
        assertEquals(OutboxStatus.DROPPED, store.entry("seven").status);
        assertEquals("the ticket is SERVED now, not CALLED", store.entry("seven").lastReason);
        assertEquals(List.of("+358401110008"), twilio.accepted().stream().map(send -> send.sms().to()).toList());
    }

    @Test
    void aDroppedMessage_shouldNotTakeItsNumbersSendSlot_soTheNextOneGoesAtOnce() {
        Premise servedSince = new Premise.TicketState("demo", T0.atZone(java.time.ZoneOffset.UTC).toLocalDate(), 7,
                "CALLED", Optional.of(T0));
        brokenPremises.put(servedSince, "the ticket is SERVED now, not CALLED");
        store.add(new OutboundSms("a-your-turn", "demo", phones.encrypt("+358401110007"), SITE_NUMBER, "Your turn A7",
                T0, T0.plusSeconds(600), Optional.of(servedSince)));
        store.add(new OutboundSms("b-feedback", "demo", phones.encrypt("+358401110007"), SITE_NUMBER, "How was it?",
                T0, T0.plusSeconds(600), Optional.empty()));
        Pause noWait = duration -> { };
        OutboxDispatcher standingStill = new OutboxDispatcher(store, twilio, phones, Clock.fixed(T0, clock.getZone()),
                noWait, fixedRandom(1), POLICY, premises);

        DrainResult result = standingStill.drain(Duration.ofSeconds(20));

        assertEquals(new DrainResult(1, 0, 0, 1), result, "with the clock standing still, only a free slot sends it");
        assertEquals(List.of("How was it?"), twilio.accepted().stream().map(send -> send.sms().body()).toList());
    }

    @Test
    void drain_shouldStop_whenInterrupted() {
        owe("a", "+358401110001");
        owe("b", "+358401110002");
        Pause interrupted = duration -> {
            throw new InterruptedException();
        };
        OutboxDispatcher dispatcher = new OutboxDispatcher(store, twilio, phones, clock, interrupted, fixedRandom(1),
                POLICY, premises);

        DrainResult result = dispatcher.drain(LONG_BUDGET);

        assertEquals(1, result.sent(), "the second message waits for its slot, and the wait is interrupted");
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    }

    @Test
    void drain_shouldEnd_evenWhenTheClockStandsStill() {
        owe("a", "+358401110001");
        owe("b", "+358401110002");
        Pause noWait = duration -> { };
        OutboxDispatcher dispatcher = new OutboxDispatcher(store, twilio, phones, Clock.fixed(T0, clock.getZone()),
                noWait, fixedRandom(1), POLICY, premises);

        DrainResult result = dispatcher.drain(Duration.ofSeconds(20));

        assertEquals(1, result.sent(), "the second waits for a slot that never comes, until the budget is waited out");
    }

    @Test
    void dispatchersSideBySide_shouldSendEveryMessageExactlyOnce() throws Exception {
        DispatchPolicy fast = new DispatchPolicy(Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofMillis(20), 8,
                Duration.ofMillis(50), Duration.ofMillis(20));
        Clock real = Clock.systemUTC();
        ScriptedGateway realTwilio = new ScriptedGateway(real);
        for (int i = 0; i < 40; i++) {
            store.add(new OutboundSms("m" + i, "demo", phones.encrypt("+3584055500" + (10 + i)),
                    "+35850000020" + (i % 4), "text " + i, real.instant().minusSeconds(1)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<DrainResult>> drains = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                OutboxDispatcher dispatcher = new OutboxDispatcher(store, realTwilio, phones, real,
                        Pause.threadSleep(), RandomGenerator.getDefault(), fast, premises);
                drains.add(threads.submit(() -> dispatcher.drain(Duration.ofSeconds(5))));
            }
            int sent = 0;
            for (Future<DrainResult> drain : drains) {
                sent += drain.get().sent();
            }
            assertEquals(40, sent);
        } finally {
            threads.shutdownNow();
        }
        Map<String, Long> sendsPerMessage = realTwilio.attempts().stream()
                .collect(Collectors.groupingBy(s -> s.sms().outboxId(), Collectors.counting()));
        assertEquals(40, sendsPerMessage.size());
        assertTrue(sendsPerMessage.values().stream().allMatch(n -> n == 1), "each exactly once: " + sendsPerMessage);
    }

    private List<Instant> sendTimes(java.util.function.Predicate<ScriptedGateway.Send> which) {
        return twilio.attempts().stream().filter(which).map(ScriptedGateway.Send::at).toList();
    }

    private static RandomGenerator fixedRandom(double value) {
        double bounded = Math.min(value, Math.nextDown(1.0));
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return bounded;
            }
        };
    }
}
