package fi.vuoro.domain.outbox;

import fi.vuoro.domain.visitor.PhoneProtector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's due SMS, each exactly once, oldest first.
 *
 * <p>For each message: claim it (so no other dispatcher sends it), decrypt the number, take the sending
 * number's send slot right before sending (about one message per second per number, shared by every dispatcher
 * through the store), send, and record the outcome. Messages of different numbers go out side by side. A failed attempt is retried with exponential backoff and jitter (never
 * before Twilio's Retry-After), up to {@link DispatchPolicy#maxAttempts()}, then the message is FAILED. An
 * attempt without an answer may have reached Twilio: the message is sent again only after Twilio, asked once
 * the ambiguity window has passed, says it does not have it. So a hanging Twilio never texts a visitor twice.
 *
 * <p>Each site sends at most its {@link SiteSendCap} per clock hour, counted with the send slot. Past it, the site's
 * messages are given back unattempted, due when the next hour opens (then sent if still worth sending, or dropped
 * with the reason), and the {@link SendCapAlarm} goes off once per drain.
 *
 * <p>Logs name the outbox id and reasons only, never a phone number or a message text.
 */
public final class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 25;
    /** How long to wait when the due list lags behind a message that is already due. */
    private static final Duration INDEX_LAG = Duration.ofMillis(100);
    /** The longest wait for the next due message, so that messages written meanwhile are not kept waiting. */
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private final OutboxStore store;
    private final SmsGateway gateway;
    private final PhoneProtector phones;
    private final Clock clock;
    private final Pause pause;
    private final RandomGenerator random;
    private final DispatchPolicy policy;
    private final PremiseCheck premises;
    private final UnreachableRecipients unreachable;
    private final SiteSendCap cap;
    private final SendCapAlarm alarm;

    /**
     * @param random retry jitter; in a deployed function one that holds no state from before a SnapStart snapshot
     *               (e.g. a fresh {@code SecureRandom} per draw), or restored instances would retry in step
     */
    public OutboxDispatcher(OutboxStore store, SmsGateway gateway, PhoneProtector phones, Clock clock, Pause pause,
                            RandomGenerator random, DispatchPolicy policy, PremiseCheck premises) {
        this(store, gateway, phones, clock, pause, random, policy, premises, SiteSendCap.DEFAULT, SendCapAlarm.NONE,
                UnreachableRecipients.none());
    }

    /** @param unreachable told of each recipient Twilio says cannot be texted (STOP, a number that takes no SMS) */
    public OutboxDispatcher(OutboxStore store, SmsGateway gateway, PhoneProtector phones, Clock clock, Pause pause,
                            RandomGenerator random, DispatchPolicy policy, PremiseCheck premises,
                            UnreachableRecipients unreachable) {
        this(store, gateway, phones, clock, pause, random, policy, premises, SiteSendCap.DEFAULT, SendCapAlarm.NONE,
                unreachable);
    }

    /**
     * @param cap   the most outbox SMS one site sends per hour
     * @param alarm what is told when a site reaches it
     */
    public OutboxDispatcher(OutboxStore store, SmsGateway gateway, PhoneProtector phones, Clock clock, Pause pause,
                            RandomGenerator random, DispatchPolicy policy, PremiseCheck premises, SiteSendCap cap,
                            SendCapAlarm alarm) {
        this(store, gateway, phones, clock, pause, random, policy, premises, cap, alarm, UnreachableRecipients.none());
    }

    /**
     * @param cap         the most outbox SMS one site sends per hour
     * @param alarm       what is told when a site reaches it
     * @param unreachable told of each recipient Twilio says cannot be texted (STOP, a number that takes no SMS)
     */
    public OutboxDispatcher(OutboxStore store, SmsGateway gateway, PhoneProtector phones, Clock clock, Pause pause,
                            RandomGenerator random, DispatchPolicy policy, PremiseCheck premises, SiteSendCap cap,
                            SendCapAlarm alarm, UnreachableRecipients unreachable) {
        this.store = store;
        this.gateway = gateway;
        this.phones = phones;
        this.clock = clock;
        this.pause = pause;
        this.random = random;
        this.policy = policy;
        this.premises = premises;
        this.unreachable = unreachable;
        this.cap = cap;
        this.alarm = alarm;
    }

    /**
     * Sends what is due, and what falls due meanwhile (retries; new messages, looked for at least every second),
     * until nothing falls due within {@code budget}. An attempt is started only if it can finish within the
     * budget. Stops early, keeping the interrupt, when interrupted.
     */
    public DrainResult drain(Duration budget) {
        Drain drain = new Drain(clock.instant().plus(budget), budget);
        try {
            boolean more = true;
            while (more) {
                Instant now = clock.instant();
                if (!drain.canStartBy(now)) {
                    break;
                }
                List<DueSms> due = store.due(now, BATCH);
                if (due.isEmpty()) {
                    more = waitForNextDue(now, drain);
                } else {
                    more = sendBatch(due, drain);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain.capped.forEach((siteId, hold) -> alarm.reached(siteId, cap.perHour(), hold.reopensAt, hold.held));
        return drain.result();
    }

    /** @return false if nothing falls due within the budget */
    private boolean waitForNextDue(Instant now, Drain drain) throws InterruptedException {
        Optional<Instant> next = store.nextDueAt();
        if (next.isEmpty() || !drain.canStartBy(next.get())) {
            return false;
        }
        Duration wait = Duration.between(now, next.get());
        if (wait.compareTo(INDEX_LAG) < 0) {
            wait = INDEX_LAG;
        } else if (wait.compareTo(IDLE_POLL) > 0) {
            wait = IDLE_POLL;
        }
        return drain.pause(wait);
    }

    /**
     * Sends one listed batch: a message of each number whose send slot should be free, waiting for slots as needed.
     *
     * @return false if the budget ran out, or nothing in the batch could be claimed any more
     */
    private boolean sendBatch(List<DueSms> due, Drain drain) throws InterruptedException {
        Map<String, Deque<DueSms>> byNumber = new LinkedHashMap<>();
        for (DueSms sms : due) {
            byNumber.computeIfAbsent(sms.from(), unused -> new ArrayDeque<>()).add(sms);
        }
        boolean claimedAny = false;
        while (!byNumber.isEmpty()) {
            Instant now = clock.instant();
            if (!drain.canStartBy(now)) {
                return false;
            }
            Optional<String> ready = byNumber.keySet().stream()
                    .filter(number -> !drain.numberFreeAt.getOrDefault(number, Instant.MIN).isAfter(now))
                    .findFirst();
            if (ready.isEmpty()) {
                Instant soonest = byNumber.keySet().stream().map(drain.numberFreeAt::get)
                        .min(Comparator.naturalOrder()).orElseThrow();
                if (!drain.canStartBy(soonest) || !drain.pause(Duration.between(now, soonest))) {
                    return false;
                }
                continue;
            }
            Deque<DueSms> queue = byNumber.get(ready.get());
            Optional<ClaimedSms> claim = Optional.empty();
            while (claim.isEmpty() && !queue.isEmpty()) {
                claim = store.claim(queue.poll().id(), now, now.plus(policy.lease()));
            }
            if (queue.isEmpty()) {
                byNumber.remove(ready.get());
            }
            if (claim.isPresent()) {
                claimedAny = true;
                attempt(claim.get(), drain);
            }
        }
        return claimedAny;
    }

    private void attempt(ClaimedSms claim, Drain drain) throws InterruptedException {
        try {
            send(claim, drain);
        } catch (RuntimeException e) {
            // The claim stays SENDING until its lease ends; the message is then looked up at Twilio before
            // any new send, as the attempt may have reached it.
            LOG.error("Outbox message {} attempt {} broke off; it will be checked and retried after its lease",
                    claim.id(), claim.attempt(), e);
        }
    }

    private void send(ClaimedSms claim, Drain drain) throws InterruptedException {
        OutboundSms sms = claim.sms();
        String to;
        try {
            to = phones.decrypt(sms.toCipher());
        } catch (RuntimeException e) {
            fail(claim, "the visitor's number cannot be decrypted (" + e.getClass().getSimpleName() + ")", drain);
            return;
        }
        boolean attemptsLeft = claim.attempt() <= policy.maxAttempts();
        if (claim.unsureSince().isPresent()) {
            SentCheck check = gateway.findSent(to, sms.from(), sms.body(), claim.unsureSince().get());
            if (check instanceof SentCheck.Found found) {
                store.markSent(claim, found.providerId(), clock.instant());
                drain.sent++;
                LOG.info("Outbox message {} had reached Twilio after all: not sent again", claim.id());
                return;
            }
            if (check instanceof SentCheck.Unknown unknown) {
                String reason = "cannot learn whether Twilio took it: " + unknown.reason();
                if (attemptsLeft) {
                    retry(claim, reason, Optional.empty(), claim.unsureSince(), drain);
                } else {
                    fail(claim, reason + "; not sent again", drain);
                }
                return;
            }
        }
        if (!attemptsLeft) {
            fail(claim, "not accepted by Twilio in " + policy.maxAttempts() + " attempts", drain);
            return;
        }
        // A message no longer worth sending is dropped before it takes the number's send slot, so it never holds
        // up the next one (a feedback invitation right after a "your turn" the served visit made stale).
        Optional<String> stale = staleness(sms, clock.instant());
        if (stale.isEmpty()) {
            Instant beforeSlot = clock.instant();
            if (!takeSendSlot(claim, drain)) {
                return;
            }
            if (clock.instant().isAfter(beforeSlot)) {
                stale = staleness(sms, clock.instant());  // it waited for the slot: checked again right before sending
            }
        }
        if (stale.isPresent()) {
            store.markDropped(claim, stale.get(), clock.instant());
            drain.dropped++;
            LOG.info("Outbox message {} dropped unsent: {}", claim.id(), stale.get());
            return;
        }
        Instant started = clock.instant();
        SendResult result = gateway.send(new SmsToSend(sms.id(), to, sms.from(), sms.body()));
        if (result instanceof SendResult.Accepted accepted) {
            store.markSent(claim, accepted.providerId(), clock.instant());
            drain.sent++;
            LOG.info("Outbox message {} accepted by Twilio on attempt {}", claim.id(), claim.attempt());
        } else if (result instanceof SendResult.Unreachable refused) {
            // Dropped, not failed: nothing is wrong with the message or with Twilio; the recipient takes no SMS.
            String reason = "the recipient cannot be texted: " + refused.reason();
            store.markDropped(claim, reason, clock.instant());
            drain.dropped++;
            LOG.warn("Outbox message {} dropped unsent: {}", claim.id(), reason);
            recipientUnreachable(claim);
        } else if (result instanceof SendResult.Rejected rejected) {
            fail(claim, "rejected by Twilio: " + rejected.reason(), drain);
        } else if (result instanceof SendResult.Retryable retryable) {
            retryable.retryAfter().ifPresent(wait ->
                    drain.numberFreeAt.merge(sms.from(), clock.instant().plus(wait), OutboxDispatcher::later));
            if (claim.attempt() >= policy.maxAttempts()) {
                fail(claim, "not accepted by Twilio in " + policy.maxAttempts() + " attempts, last: "
                        + retryable.reason(), drain);
            } else {
                retry(claim, retryable.reason(), retryable.retryAfter(), Optional.empty(), drain);
            }
        } else if (result instanceof SendResult.Ambiguous ambiguous) {
            // Even after the last attempt: the next claim only asks Twilio, and sends nothing more.
            Instant unsureSince = claim.unsureSince().orElse(started);
            retry(claim, ambiguous.reason(), Optional.of(policy.ambiguityWindow()), Optional.of(unsureSince), drain);
        }
    }

    private void recipientUnreachable(ClaimedSms claim) {
        try {
            unreachable.unreachable(claim.sms(), clock.instant());
        } catch (RuntimeException e) {
            LOG.error("Outbox message {}: could not record that its recipient cannot be texted ({})", claim.id(),
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Takes the sending number's slot right before the send, so that sends, not preparations, are an interval
     * apart; waits for it if another dispatcher has it.
     *
     * @return false if the slot does not come within the budget: the message is then given back unattempted
     */
    private boolean takeSendSlot(ClaimedSms claim, Drain drain) throws InterruptedException {
        String from = claim.sms().from();
        String siteId = claim.sms().siteId();
        while (true) {
            Instant now = clock.instant();
            Hold capped = drain.capped.get(siteId);
            if (capped != null && capped.reopensAt.isAfter(now)) {
                hold(claim, capped);
                return false;
            }
            SendSlot slot = store.takeSendSlot(from, now, policy.sendInterval(), cap.allowance(siteId, now));
            if (slot instanceof SendSlot.CapReached reached) {
                Hold hold = new Hold(reached.reopensAt());
                drain.capped.put(siteId, hold);
                LOG.warn("Site {} reached its cap of {} SMS this hour: its outbox messages wait until {}", siteId,
                        cap.perHour(), reached.reopensAt());
                hold(claim, hold);
                return false;
            }
            if (slot instanceof SendSlot.BusyUntil busy) {
                drain.numberFreeAt.put(from, busy.freeAt());
                boolean waited;
                try {
                    waited = drain.canStartBy(busy.freeAt()) && drain.pause(Duration.between(now, busy.freeAt()));
                } catch (InterruptedException e) {
                    store.release(claim, busy.freeAt());
                    throw e;
                }
                if (!waited) {
                    store.release(claim, busy.freeAt());
                    return false;
                }
            } else {
                drain.numberFreeAt.put(from, now.plus(policy.sendInterval()));
                return true;
            }
        }
    }

    /** Gives the message back, unattempted, due when its site's next hour opens. */
    private void hold(ClaimedSms claim, Hold hold) {
        store.release(claim, hold.reopensAt);
        hold.held++;
        LOG.info("Outbox message {} held until {}: its site reached its hourly SMS cap", claim.id(), hold.reopensAt);
    }

    /** Why the message is no longer worth sending, checked before the send slot is taken and again after a wait. */
    private Optional<String> staleness(OutboundSms sms, Instant now) {
        if (now.isAfter(sms.validUntil())) {
            return Optional.of("no longer worth sending after " + sms.validUntil());
        }
        return sms.premise().flatMap(premise -> premises.broken(premise, now));
    }

    private void retry(ClaimedSms claim, String reason, Optional<Duration> notBefore, Optional<Instant> unsureSince,
                       Drain drain) {
        Duration wait = policy.retryDelay(claim.attempt(), random.nextDouble());
        if (notBefore.isPresent() && notBefore.get().compareTo(wait) > 0) {
            wait = notBefore.get();
        }
        store.retryLater(claim, clock.instant().plus(wait), reason, unsureSince);
        drain.retried++;
        LOG.warn("Outbox message {} attempt {} failed ({}); next attempt in {} ms", claim.id(), claim.attempt(),
                reason, wait.toMillis());
    }

    private void fail(ClaimedSms claim, String reason, Drain drain) {
        store.markFailed(claim, reason, clock.instant());
        drain.failed++;
        LOG.error("Outbox message {} FAILED after {} attempts: {}", claim.id(), claim.attempt(), reason);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A site that reached its cap in this drain: until when, and how many of its messages were held. */
    private static final class Hold {
        final Instant reopensAt;
        int held;

        Hold(Instant reopensAt) {
            this.reopensAt = reopensAt;
        }
    }

    /** One drain's budget, what it learned about send slots and capped sites, and what it did. */
    private final class Drain {
        final Instant deadline;
        /** Waiting is bounded by the budget on its own too, so a clock that stands still cannot hold a drain. */
        Duration waitLeft;
        final Map<String, Instant> numberFreeAt = new HashMap<>();
        final Map<String, Hold> capped = new LinkedHashMap<>();
        int sent;
        int retried;
        int failed;
        int dropped;

        Drain(Instant deadline, Duration budget) {
            this.deadline = deadline;
            this.waitLeft = budget;
        }

        /** Whether an attempt started then would finish within the budget. */
        boolean canStartBy(Instant start) {
            return start.plus(policy.attemptReserve()).isBefore(deadline);
        }

        /** @return false, without waiting, if the wait would exceed what is left of the budget */
        boolean pause(Duration wait) throws InterruptedException {
            if (wait.compareTo(waitLeft) > 0) {
                return false;
            }
            waitLeft = waitLeft.minus(wait);
            pause.sleep(wait);
            return true;
        }

        DrainResult result() {
            return new DrainResult(sent, retried, failed, dropped);
        }
    }
}
