package fi.vuoro.domain.queue;

import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.visitor.VisitorProfile;
import fi.vuoro.domain.visitor.VisitorStore;
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
 * profiles, and forgetting a visitor forgets everything under their hash. Thread-safe. For unit tests.
 */
public final class InMemoryQueueStore implements QueueStore, VisitorStore {

    private record Slot(String phoneHash, String siteId) {
    }

    private final Map<String, Integer> counters = new HashMap<>();
    /** Changes staff see per site's day, as the DynamoDB store counts them (its interpreter and site stores too). */
    private final Map<String, Long> changes = new HashMap<>();
    private final Map<TicketRef, Ticket> tickets = new HashMap<>();
    private final Map<Slot, TicketRef> liveSlots = new HashMap<>();
    private final Map<String, List<TicketRef>> history = new HashMap<>();
    private final Map<String, Map<String, Desk>> desks = new HashMap<>();
    private final Map<String, OutboundSms> outbox = new LinkedHashMap<>();
    private final Map<String, VisitorProfile> profiles = new HashMap<>();

    @Override
    public synchronized int nextTicketNumber(String siteId, ServiceDay day, Instant expiresAt) {
        return counters.merge(siteId + "#" + day.date(), 1, Integer::sum);
    }

    @Override
    public synchronized void createTicket(Ticket ticket) {
        String hash = ticket.phoneHash().orElseThrow();
        Slot slot = new Slot(hash, ticket.siteId());
        TicketRef existing = liveSlots.get(slot);
        if (existing != null && existing.day().equals(ticket.day())) {
            throw new LiveTicketExistsException(existing);
        }
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
    public synchronized QueueDay day(String siteId, ServiceDay day, Instant now) {
        List<Ticket> ofDay = tickets.values().stream()
                .filter(t -> t.siteId().equals(siteId) && t.day().equals(day) && t.expiresAt().isAfter(now))
                .sorted(Comparator.comparingInt(Ticket::number)).toList();
        return new QueueDay(ofDay, List.copyOf(desks.getOrDefault(siteId + "#" + day.date(), Map.of()).values()));
    }

    @Override
    public synchronized boolean apply(TicketChange change) {
        Ticket stored = tickets.get(change.before().ref());
        if (stored == null || stored.version() != change.before().version()) {
            return false;
        }
        tickets.put(stored.ref(), change.after().nextVersion());
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

    @Override
    public synchronized Optional<VisitorProfile> find(String phoneHash, Instant now) {
        return Optional.ofNullable(profiles.get(phoneHash));
    }

    @Override
    public synchronized void save(VisitorProfile profile, Instant expiresAt) {
        profiles.put(profile.phoneHash(), profile);
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
