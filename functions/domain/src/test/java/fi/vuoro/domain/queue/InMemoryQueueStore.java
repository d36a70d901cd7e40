package fi.vuoro.domain.queue;

import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.sms.ReplyLog;
import fi.vuoro.domain.visitor.VisitorProfile;
import fi.vuoro.domain.visitor.VisitorStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queue in memory, under the same rules as the DynamoDB store (it passes the same {@link QueueStoreContract}):
 * a change is written only onto the version it was decided on, an owed SMS is stored once, a live slot is freed
 * only while it points at the ticket, expired items are invisible. Like the table, it also keeps the visitors'
 * profiles and the replies to inbound messages, and forgetting a visitor forgets everything under their hash.
 * Thread-safe. For unit tests.
 */
public final class InMemoryQueueStore implements QueueStore, VisitorStore {

    private record Slot(String phoneHash, String siteId) {
    }

    private final Map<String, Integer> counters = new HashMap<>();
    /** The count of waiting kept per day, moved as the DynamoDB store moves it. */
    private final Map<String, Integer> waiting = new HashMap<>();
    private final Map<String, Instant> lastDraws = new HashMap<>();
    private final Map<String, String> replies = new HashMap<>();
    private final Clock clock;

    public InMemoryQueueStore() {
        this(Clock.systemUTC());
    }

    /** {@code clock} dates the draws, as the DynamoDB store's does. */
    public InMemoryQueueStore(Clock clock) {
        this.clock = clock;
    }
    /** Changes staff see per site's day, as the DynamoDB store counts them (its interpreter and site stores too). */
    private final Map<String, Long> changes = new HashMap<>();
    private final Map<TicketRef, Ticket> tickets = new HashMap<>();
    private final Map<Slot, TicketRef> liveSlots = new HashMap<>();
    private final Map<String, List<TicketRef>> history = new HashMap<>();
    private final Map<String, Map<String, Desk>> desks = new HashMap<>();
    private final Map<String, OutboundSms> outbox = new LinkedHashMap<>();
    private final Map<String, VisitorProfile> profiles = new HashMap<>();
    /** Opted-out numbers, until when; kept through erasure, as in the table. */
    private final Map<String, Instant> optedOut = new HashMap<>();

    @Override
    public synchronized NumberDraw drawNumber(String siteId, ServiceDay day, Instant expiresAt) {
        String key = siteId + "#" + day.date();
        if (counters.getOrDefault(key, 0) >= TicketCode.MAX_PER_DAY) {
            throw new DayFullException(siteId);
        }
        lastDraws.put(key, clock.instant());
        return new NumberDraw(counters.merge(key, 1, Integer::sum), waiting.merge(key, 1, Integer::sum) - 1);
    }

    @Override
    public synchronized void createTicket(Ticket ticket, Optional<JoinWrites> with) {
        String hash = ticket.phoneHash().orElseThrow();
        Slot slot = new Slot(hash, ticket.siteId());
        TicketRef existing = liveSlots.get(slot);
        if (existing != null && existing.day().equals(ticket.day())) {
            waiting.merge(ticket.siteId() + "#" + ticket.day().date(), -1, Integer::sum);
            throw new LiveTicketExistsException(existing);
        }
        with.ifPresent(writes -> {
            profiles.put(writes.profile().phoneHash(), writes.profile());
            replies.putIfAbsent(writes.messageId(), writes.reply());
        });
        if (tickets.containsKey(ticket.ref())) {
            throw new IllegalStateException("Ticket " + ticket.ref() + " exists");
        }
        tickets.put(ticket.ref(), ticket);
        liveSlots.put(slot, ticket.ref());
        history.computeIfAbsent(hash, unused -> new ArrayList<>()).add(ticket.ref());
    }

    @Override
    public synchronized void createWalkIn(Ticket ticket) {
        if (tickets.putIfAbsent(ticket.ref(), ticket) != null) {
            throw new IllegalStateException("Ticket " + ticket.ref() + " exists");
        }
        changed(ticket.siteId(), ticket.day());
    }

    @Override
    public synchronized DayVersion dayVersion(String siteId, ServiceDay day) {
        String key = siteId + "#" + day.date();
        return new DayVersion(counters.getOrDefault(key, 0), changes.getOrDefault(key, 0L));
    }

    private void changed(String siteId, ServiceDay day) {
        changes.merge(siteId + "#" + day.date(), 1L, Long::sum);
    }

    @Override
    public synchronized Optional<Ticket> findLiveTicket(String phoneHash, String siteId, Instant now) {
        TicketRef ref = liveSlots.get(new Slot(phoneHash, siteId));
        if (ref == null || !ref.day().equals(ServiceDay.of(now))) {
            return Optional.empty();
        }
        return find(ref, now).filter(ticket -> ticket.status().isLive());
    }

    @Override
    public synchronized Optional<Ticket> find(TicketRef ref, Instant now) {
        return Optional.ofNullable(tickets.get(ref)).filter(ticket -> ticket.expiresAt().isAfter(now));
    }

    @Override
    public synchronized int countWaitingAhead(TicketRef ref, Instant now) {
        return (int) tickets.values().stream()
                .filter(t -> t.siteId().equals(ref.siteId()) && t.day().equals(ref.day()) && t.number() < ref.number())
                .filter(t -> t.status() == TicketStatus.WAITING && t.expiresAt().isAfter(now))
                .count();
    }

    @Override
    public synchronized Optional<TicketPosition> findWithPosition(TicketRef ref, Instant now) {
        return find(ref, now).map(ticket -> new TicketPosition(ticket, countWaitingAhead(ref, now)));
    }

    @Override
    public synchronized QueueDay day(String siteId, ServiceDay day, Instant now) {
        String key = siteId + "#" + day.date();
        List<Ticket> ofDay = tickets.values().stream()
                .filter(t -> t.siteId().equals(siteId) && t.day().equals(day) && t.expiresAt().isAfter(now))
                .sorted(Comparator.comparingInt(Ticket::number)).toList();
        Optional<WaitingTally> tally = counters.containsKey(key)
                ? Optional.of(new WaitingTally(waiting.getOrDefault(key, 0), counters.get(key),
                        Optional.ofNullable(lastDraws.get(key)), changes.getOrDefault(key, 0L)))
                : Optional.empty();
        return new QueueDay(ofDay, List.copyOf(desks.getOrDefault(key, Map.of()).values()), tally);
    }

    @Override
    public synchronized boolean correctWaiting(String siteId, ServiceDay day, WaitingTally read, int count) {
        String key = siteId + "#" + day.date();
        if (waiting.getOrDefault(key, 0) != read.waiting() || counters.getOrDefault(key, 0) != read.drawn()
                || changes.getOrDefault(key, 0L) != read.changes()) {
            return false;
        }
        waiting.put(key, count);
        return true;
    }

    /** The count of waiting kept for the day. */
    public synchronized int waitingCount(String siteId, ServiceDay day) {
        return waiting.getOrDefault(siteId + "#" + day.date(), 0);
    }

    @Override
    public synchronized boolean apply(TicketChange change) {
        Ticket stored = tickets.get(change.before().ref());
        if (stored == null || stored.version() != change.before().version()) {
            return false;
        }
        tickets.put(stored.ref(), change.after().nextVersion());
        int moved = (change.after().status() == TicketStatus.WAITING ? 1 : 0)
                - (stored.status() == TicketStatus.WAITING ? 1 : 0);
        waiting.merge(stored.siteId() + "#" + stored.day().date(), moved, Integer::sum);
        changed(stored.siteId(), stored.day());
        change.owed().forEach(sms -> outbox.putIfAbsent(sms.id(), sms));
        if (change.freesLiveSlot()) {
            change.before().phoneHash().ifPresent(hash ->
                    liveSlots.remove(new Slot(hash, stored.siteId()), stored.ref()));
        }
        return true;
    }

    @Override
    public synchronized void setDesk(String siteId, ServiceDay day, Desk desk, Instant expiresAt) {
        desks.computeIfAbsent(siteId + "#" + day.date(), unused -> new LinkedHashMap<>()).put(desk.label(), desk);
        changed(siteId, day);
    }

    @Override
    public synchronized List<TicketRef> ticketsOf(String phoneHash) {
        return List.copyOf(history.getOrDefault(phoneHash, List.of()));
    }

    @Override
    public synchronized void dropOwedSms(TicketRef ticket) {
        dropOwedWithPrefix(fi.vuoro.domain.staff.QueueSms.idPrefix(ticket));
    }

    /** Deletes the owed SMS whose id starts so, as the outbox's erasure does. */
    public synchronized void dropOwedWithPrefix(String prefix) {
        outbox.keySet().removeIf(id -> id.startsWith(prefix));
    }

    @Override
    public synchronized void forgetVisitor(String phoneHash) {
        history.remove(phoneHash);
        liveSlots.keySet().removeIf(slot -> slot.phoneHash().equals(phoneHash));
        profiles.remove(phoneHash);
    }

    /** The reply log's view of the store (which keeps the replies a join writes with its ticket, as the table does). */
    public ReplyLog replyLog() {
        return new ReplyLog() {
            @Override
            public Optional<String> find(String phoneHash, String messageId, Instant now) {
                synchronized (InMemoryQueueStore.this) {
                    return Optional.ofNullable(replies.get(messageId));
                }
            }

            @Override
            public String saveIfAbsent(String phoneHash, String messageId, String reply,
                                       Instant expiresAt) {
                synchronized (InMemoryQueueStore.this) {
                    return replies.computeIfAbsent(messageId, unused -> reply);
                }
            }
        };
    }

    /** Where the visitor's live slot at the site points, if anywhere. */
    public synchronized Optional<TicketRef> liveSlot(String phoneHash, String siteId) {
        return Optional.ofNullable(liveSlots.get(new Slot(phoneHash, siteId)));
    }

    @Override
    public synchronized Optional<VisitorProfile> find(String phoneHash, Instant now) {
        return Optional.ofNullable(profiles.get(phoneHash));
    }

    @Override
    public synchronized void save(VisitorProfile profile, Instant expiresAt) {
        profiles.put(profile.phoneHash(), profile);
    }

    @Override
    public synchronized void optOut(String phoneHash, Instant at, Instant expiresAt) {
        optedOut.put(phoneHash, expiresAt);
    }

    @Override
    public synchronized void optIn(String phoneHash) {
        optedOut.remove(phoneHash);
    }

    /** Whether the number's opt-out is remembered at {@code now}. */
    public synchronized boolean optedOut(String phoneHash, Instant now) {
        Instant until = optedOut.get(phoneHash);
        return until != null && until.isAfter(now);
    }

    /** Owes an SMS (once per id), as another capability's change writes it into the same outbox. */
    public synchronized void owe(OutboundSms sms) {
        outbox.putIfAbsent(sms.id(), sms);
    }

    /** The SMS owed so far, by id, in the order they were owed. */
    public synchronized Map<String, OutboundSms> owed() {
        return new LinkedHashMap<>(outbox);
    }
}
