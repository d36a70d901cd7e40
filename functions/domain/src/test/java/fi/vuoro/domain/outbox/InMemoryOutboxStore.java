package fi.vuoro.domain.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The outbox in memory, with the same conditions the DynamoDB store writes under. Thread-safe. */
final class InMemoryOutboxStore implements OutboxStore {

    static final class Entry {
        final OutboundSms sms;
        OutboxStatus status = OutboxStatus.PENDING;
        /** When the message should next be looked at; empty once it is out of the due list. */
        Optional<Instant> dueAt;
        int attempts;
        String claimToken;
        Instant attemptStartedAt;
        Optional<Instant> unsureSince = Optional.empty();
        String providerId;
        String lastReason;
        boolean numberKept = true;

        Entry(OutboundSms sms) {
            this.sms = sms;
            this.dueAt = Optional.of(sms.createdAt());
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Instant> nextSlotAt = new HashMap<>();
    private final Map<String, Integer> sentInHour = new HashMap<>();

    synchronized void add(OutboundSms sms) {
        entries.putIfAbsent(sms.id(), new Entry(sms));
    }

    synchronized Entry entry(String id) {
        return entries.get(id);
    }

    /** A dispatcher vanished mid-send: its claim stays, as after a crash. */
    synchronized void expireLeaseOf(String id, Instant at) {
        entries.get(id).dueAt = Optional.of(at);
    }

    @Override
    public synchronized List<DueSms> due(Instant now, int limit) {
        return entries.values().stream()
                .filter(e -> e.dueAt.isPresent() && !e.dueAt.get().isAfter(now))
                .sorted(Comparator.comparing((Entry e) -> e.dueAt.get()).thenComparing(e -> e.sms.id()))
                .limit(limit)
                .map(e -> new DueSms(e.sms.id(), e.sms.from(), e.dueAt.get()))
                .toList();
    }

    @Override
    public synchronized Optional<Instant> nextDueAt() {
        return entries.values().stream().flatMap(e -> e.dueAt.stream()).min(Comparator.naturalOrder());
    }

    @Override
    public synchronized Optional<ClaimedSms> claim(String id, Instant now, Instant leaseUntil) {
        Entry e = entries.get(id);
        boolean claimable = e != null && e.dueAt.isPresent() && !e.dueAt.get().isAfter(now)
                && (e.status == OutboxStatus.PENDING || e.status == OutboxStatus.SENDING);
        if (!claimable) {
            return Optional.empty();
        }
        Optional<Instant> unsure = e.unsureSince.isPresent() ? e.unsureSince
                : e.status == OutboxStatus.SENDING ? Optional.of(e.attemptStartedAt) : Optional.empty();
        e.status = OutboxStatus.SENDING;
        e.claimToken = UUID.randomUUID().toString();
        e.attempts++;
        e.attemptStartedAt = now;
        e.dueAt = Optional.of(leaseUntil);
        return Optional.of(new ClaimedSms(e.sms, e.claimToken, e.attempts, unsure));
    }

    @Override
    public synchronized void release(ClaimedSms claim, Instant dueAt) {
        Entry e = entries.get(claim.id());
        if (!claim.claimToken().equals(e.claimToken) || e.status != OutboxStatus.SENDING) {
            return;
        }
        e.status = OutboxStatus.PENDING;
        e.attempts--;
        e.dueAt = Optional.of(dueAt);
        e.unsureSince = claim.unsureSince();
        e.claimToken = null;
    }

    @Override
    public synchronized SendSlot takeSendSlot(String from, Instant now, Duration interval,
                                              SiteSendCap.Allowance allowance) {
        String hour = allowance.siteId() + "@" + allowance.window();
        if (sentInHour.getOrDefault(hour, 0) >= allowance.perHour()) {
            return new SendSlot.CapReached(allowance.windowEnd());
        }
        Instant next = nextSlotAt.get(from);
        if (next != null && next.isAfter(now)) {
            return new SendSlot.BusyUntil(next);
        }
        nextSlotAt.put(from, now.plus(interval));
        sentInHour.merge(hour, 1, Integer::sum);
        return new SendSlot.Taken();
    }

    /** Sends the site took in the hour starting at {@code window}. */
    synchronized int sentInHour(String siteId, Instant window) {
        return sentInHour.getOrDefault(siteId + "@" + window, 0);
    }

    @Override
    public synchronized void markSent(ClaimedSms claim, String providerId, Instant now) {
        Entry e = entries.get(claim.id());
        if (!claim.claimToken().equals(e.claimToken)) {
            return;
        }
        if (e.status.rank() < OutboxStatus.SENT.rank()) {
            e.status = OutboxStatus.SENT;
            e.dueAt = Optional.empty();
        }
        e.providerId = providerId;
        e.unsureSince = Optional.empty();
        e.numberKept = false;
    }

    @Override
    public synchronized void retryLater(ClaimedSms claim, Instant nextAttemptAt, String reason,
                                        Optional<Instant> unsureSince) {
        Entry e = entries.get(claim.id());
        if (!claim.claimToken().equals(e.claimToken) || e.status != OutboxStatus.SENDING) {
            return;
        }
        e.status = OutboxStatus.PENDING;
        e.dueAt = Optional.of(nextAttemptAt);
        e.unsureSince = unsureSince;
        e.lastReason = reason;
        e.claimToken = null;
    }

    @Override
    public synchronized void markFailed(ClaimedSms claim, String reason, Instant now) {
        Entry e = entries.get(claim.id());
        if (!claim.claimToken().equals(e.claimToken) || e.status != OutboxStatus.SENDING) {
            return;
        }
        e.status = OutboxStatus.FAILED;
        e.dueAt = Optional.empty();
        e.lastReason = reason;
        e.numberKept = false;
    }

    @Override
    public synchronized void markDropped(ClaimedSms claim, String reason, Instant now) {
        Entry e = entries.get(claim.id());
        if (!claim.claimToken().equals(e.claimToken) || e.status != OutboxStatus.SENDING) {
            return;
        }
        e.status = OutboxStatus.DROPPED;
        e.dueAt = Optional.empty();
        e.lastReason = reason;
        e.numberKept = false;
    }

    @Override
    public synchronized boolean recordDelivery(String id, OutboxStatus status, Instant now) {
        Entry e = entries.get(id);
        if (e == null || e.status.rank() >= status.rank()) {
            return false;
        }
        e.status = status;
        e.dueAt = Optional.empty();
        e.numberKept = false;
        return true;
    }

    synchronized List<Entry> all() {
        return new ArrayList<>(entries.values());
    }
}
