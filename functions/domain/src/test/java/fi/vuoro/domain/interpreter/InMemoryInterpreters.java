package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import fi.vuoro.domain.queue.InMemoryQueueStore;

/**
 * Interpreters and their requests in memory, under the same rules as the DynamoDB adapter (it passes the same
 * {@link InterpreterStoresContract}): a request changes only onto the version it was decided on, a new one only if
 * none exists for the ticket, an owed SMS is stored once. Thread-safe. For unit tests.
 */
public final class InMemoryInterpreters implements InterpreterDirectory, InterpreterRequestStore {

    private record Held(String interpreterId, TicketRef ticket) {
    }

    private final Map<String, Interpreter> interpreters = new LinkedHashMap<>();
    private final Map<String, Integer> codes = new HashMap<>();
    private final Map<TicketRef, InterpreterRequest> requests = new HashMap<>();
    private final Map<Held, HeldOffer> held = new LinkedHashMap<>();
    private final InMemoryQueueStore outbox;

    /** @param outbox whose outbox owed SMS go to, as they share one table in DynamoDB */
    public InMemoryInterpreters(InMemoryQueueStore outbox) {
        this.outbox = outbox;
    }

    @Override
    public synchronized void dropOwedSmsOf(String interpreterId) {
        outbox.dropOwedWithPrefix(InterpreterSms.idPrefix(interpreterId));
    }

    @Override
    public synchronized Optional<Interpreter> findByPhoneHash(String phoneHash) {
        return interpreters.values().stream().filter(i -> i.phoneHash().equals(phoneHash)).findFirst();
    }

    @Override
    public synchronized Optional<Interpreter> find(String interpreterId) {
        return Optional.ofNullable(interpreters.get(interpreterId));
    }

    @Override
    public synchronized List<Interpreter> all() {
        return List.copyOf(interpreters.values());
    }

    @Override
    public synchronized void create(Interpreter interpreter) {
        if (findByPhoneHash(interpreter.phoneHash()).isPresent()) {
            throw new InterpreterConflictException("That number already belongs to an interpreter");
        }
        if (interpreters.putIfAbsent(interpreter.id(), interpreter) != null) {
            throw new InterpreterConflictException("Interpreter " + interpreter.id() + " exists");
        }
    }

    @Override
    public synchronized boolean update(Interpreter before, Interpreter after) {
        Interpreter stored = interpreters.get(before.id());
        if (stored == null || stored.version() != before.version()) {
            return false;
        }
        interpreters.put(after.id(), withVersion(after, before.version() + 1));
        return true;
    }

    @Override
    public synchronized int nextOfferCode(String interpreterId) {
        return codes.merge(interpreterId, 1, (old, one) -> old % 99 + 1);
    }

    @Override
    public synchronized void remove(String interpreterId) {
        interpreters.remove(interpreterId);
        held.keySet().removeIf(key -> key.interpreterId().equals(interpreterId));
    }

    @Override
    public synchronized Optional<InterpreterRequest> find(TicketRef ticket, Instant now) {
        return Optional.ofNullable(requests.get(ticket)).filter(r -> r.expiresAt().isAfter(now));
    }

    @Override
    public synchronized DayWithRequests dayWithRequests(String siteId, ServiceDay day, Instant now) {
        return new DayWithRequests(outbox.day(siteId, day, now), ofDay(siteId, day, now));
    }

    @Override
    public synchronized List<InterpreterRequest> ofDay(String siteId, ServiceDay day, Instant now) {
        return requests.values().stream()
                .filter(r -> r.ticket().siteId().equals(siteId) && r.ticket().day().equals(day))
                .filter(r -> r.expiresAt().isAfter(now))
                .sorted(Comparator.comparingInt(r -> r.ticket().number())).toList();
    }

    @Override
    public synchronized boolean apply(RequestChange change) {
        TicketRef ticket = change.after().ticket();
        InterpreterRequest stored = requests.get(ticket);
        if (change.before() == null ? stored != null : stored == null || stored.version() != change.before().version()) {
            return false;
        }
        requests.put(ticket, change.after().nextVersion());
        change.owed().forEach(outbox::owe);
        for (Offer opened : change.opened()) {
            held.put(new Held(opened.interpreterId(), ticket),
                    new HeldOffer(opened.interpreterId(), ticket, opened.code(), HeldOffer.Hold.OPEN));
            touch(opened.interpreterId(), change.at(), true);
        }
        for (Offer closed : change.closed()) {
            held.computeIfPresent(new Held(closed.interpreterId(), ticket), (key, offer) ->
                    new HeldOffer(offer.interpreterId(), ticket, offer.code(), HeldOffer.Hold.CLOSED));
        }
        for (String interpreterId : change.assigned()) {
            held.computeIfPresent(new Held(interpreterId, ticket), (key, offer) ->
                    new HeldOffer(interpreterId, ticket, offer.code(), HeldOffer.Hold.ASSIGNED));
            touch(interpreterId, change.at(), false);
        }
        return true;
    }

    @Override
    public synchronized List<HeldOffer> offersOf(String interpreterId, Instant now) {
        ServiceDay today = ServiceDay.of(now);
        return held.values().stream().filter(o -> o.interpreterId().equals(interpreterId))
                .filter(o -> o.ticket().day().equals(today)).toList();
    }

    private void touch(String interpreterId, Instant at, boolean offered) {
        Interpreter i = interpreters.get(interpreterId);
        if (i != null) {
            interpreters.put(i.id(), new Interpreter(i.id(), i.name(), i.phoneHash(), i.phoneCipher(), i.language(),
                    i.languages(), i.siteIds(), i.availability(), i.today(), i.active(),
                    offered ? Optional.of(at) : i.lastOfferedAt(), offered ? i.lastAssignedAt() : Optional.of(at),
                    i.version() + 1));
        }
    }

    private static Interpreter withVersion(Interpreter i, int version) {
        return new Interpreter(i.id(), i.name(), i.phoneHash(), i.phoneCipher(), i.language(), i.languages(),
                i.siteIds(), i.availability(), i.today(), i.active(), i.lastOfferedAt(), i.lastAssignedAt(), version);
    }

    /** Every request so far, for tests that look at all of them. */
    public synchronized List<InterpreterRequest> requests() {
        return new ArrayList<>(requests.values());
    }
}
