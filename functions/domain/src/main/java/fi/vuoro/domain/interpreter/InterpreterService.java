package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.estimate.ServiceHistorySource;
import fi.vuoro.domain.estimate.WaitEstimator;
import fi.vuoro.domain.estimate.WaitRange;
import fi.vuoro.domain.interpreter.InterpreterRequest.Status;
import fi.vuoro.domain.queue.QueueBusyException;
import fi.vuoro.domain.queue.QueueConflictException;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds interpreters for visitors by SMS: a request per ticket that needs one, offered in waves to the interpreters
 * who fit, fairly; the first YES wins (a change is written only onto the version it was decided on, so of two YESes
 * at the same moment exactly one lands and the other is told it is taken); NO and silence move on to the next wave;
 * when nobody is left, staff see it and the visitor is told. Every step is idempotent and safe to run late or twice:
 * it re-reads the request and decides on what it finds.
 */
public final class InterpreterService {

    private static final Logger LOG = LoggerFactory.getLogger(InterpreterService.class);
    private static final int ATTEMPTS = 6;

    /** What an interpreter's YES, NO or HERE came to, for the reply. */
    public sealed interface Answer {
        record Confirmed(InterpreterRequest request, Site site) implements Answer {
        }

        record Declined() implements Answer {
        }

        record Arrived(InterpreterRequest request) implements Answer {
        }

        /** Someone else said yes first. */
        record Taken(InterpreterRequest request, Site site) implements Answer {
        }

        /** The visitor no longer needs it (left, served, cancelled). */
        record NotNeeded(InterpreterRequest request, Site site) implements Answer {
        }

        record NoOpenOffer() implements Answer {
        }

        /** Several open offers and no code: which one? */
        record WhichOffer(int exampleCode) implements Answer {
        }

        record NothingConfirmed() implements Answer {
        }
    }

    private final SiteDirectory sites;
    private final QueueStore queue;
    private final InterpreterDirectory directory;
    private final InterpreterRequestStore requests;
    private final InterpreterSms sms;
    private final ServiceHistorySource history;
    private final Clock clock;

    public InterpreterService(SiteDirectory sites, QueueStore queue, InterpreterDirectory directory,
                              InterpreterRequestStore requests, InterpreterSms sms, ServiceHistorySource history,
                              Clock clock) {
        this.sites = sites;
        this.queue = queue;
        this.directory = directory;
        this.requests = requests;
        this.sms = sms;
        this.history = history;
        this.clock = clock;
    }

    // --- what happens in the queue ---

    /**
     * The visitor needs an interpreter (their language is not the staff's, or staff said so): a request is made if
     * there is none, or a new round is started if the last one ended or asked for another language; the first
     * wave is asked at once.
     */
    public InterpreterRequest request(Site site, Ticket ticket, Instant now) {
        return change(ticket.ref(), now, existing -> {
            if (existing.isPresent() && !existing.get().status().closed()
                    && existing.get().language().equals(ticket.language())) {
                return Optional.empty();
            }
            RequestDraft draft = existing.isEmpty()
                    ? new RequestDraft(null, fresh(site, ticket, now), sms, now)
                    : new RequestDraft(existing.get(), null, sms, now)
                            .restart(ticket.language(), site, confirmedInterpreter(existing.get()));
            return Optional.of(nextWave(site, draft, Optional.of(ticket)));
        }).orElseGet(() -> requests.find(ticket.ref(), now).orElseThrow());
    }

    /** The visit ended or no longer needs an interpreter: open offers are withdrawn, a confirmed interpreter told. */
    public void withdraw(Site site, TicketRef ticket, Instant now) {
        end(site, ticket, Status.WITHDRAWN, now);
    }

    /** Staff cancel the search (or the interpreting). */
    public Optional<InterpreterRequest> cancel(Site site, TicketRef ticket, Instant now) {
        return end(site, ticket, Status.CANCELLED, now);
    }

    /** The visitor is called to a desk: their confirmed interpreter is texted the desk too. */
    public void called(Site site, Ticket ticket, String desk, Instant calledAt) {
        change(ticket.ref(), calledAt, existing -> existing
                .filter(r -> (r.status() == Status.CONFIRMED || r.status() == Status.ARRIVED)
                        && r.confirmedBy().isPresent())
                .flatMap(r -> directory.find(r.confirmedBy().get())
                        .map(interpreter -> new RequestDraft(r, null, sms, calledAt)
                                .tellDesk(site, ticket, interpreter, desk, calledAt))));
    }

    /** Staff say the confirmed interpreter has arrived. */
    public InterpreterRequest arrived(Site site, TicketRef ticket, Instant now) {
        Optional<InterpreterRequest> arrived = change(ticket, now, existing -> existing
                .filter(r -> r.status() == Status.CONFIRMED)
                .map(r -> new RequestDraft(r, null, sms, now).arrive()));
        if (arrived.isPresent()) {
            return arrived.get();
        }
        InterpreterRequest current = requests.find(ticket, now)
                .orElseThrow(() -> new InterpreterConflictException("No interpreter request for that ticket"));
        if (current.status() != Status.ARRIVED) {
            throw new QueueConflictException("No interpreter has confirmed for ticket " + current.ticketCode()
                    + " yet");
        }
        return current;
    }

    // --- what interpreters text ---

    public Answer yes(Interpreter interpreter, OptionalInt code, Instant now) {
        Optional<HeldOffer> offer = pick(interpreter, code, now);
        if (offer.isEmpty()) {
            return code.isPresent() ? new Answer.NoOpenOffer() : noOfferOrWhich(interpreter, now);
        }
        Site site = siteOf(offer.get().ticket());
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<InterpreterRequest> found = requests.find(offer.get().ticket(), now);
            if (found.isEmpty()) {
                return new Answer.NoOpenOffer();
            }
            InterpreterRequest request = found.get();
            if (request.confirmedBy().equals(Optional.of(interpreter.id()))) {
                return request.status().closed() ? new Answer.NotNeeded(request, site)
                        : new Answer.Confirmed(request, site);
            }
            if (request.status() == Status.CONFIRMED || request.status() == Status.ARRIVED) {
                return new Answer.Taken(request, site);
            }
            if (request.status() != Status.OFFERING || request.answerableOfferOf(interpreter.id()).isEmpty()) {
                return new Answer.NotNeeded(request, site);
            }
            RequestChange change = new RequestDraft(request, null, sms, now)
                    .confirm(site, interpreter, interpretersOf(request.openOffers())).change();
            if (requests.apply(change)) {
                LOG.info("Interpreter {} confirmed for ticket {} at site {}", interpreter.id(), request.ticketCode(),
                        site.id());
                return new Answer.Confirmed(change.after(), site);
            }
        }
        throw new QueueBusyException("The interpreter request kept changing; nothing was written");
    }

    public Answer no(Interpreter interpreter, OptionalInt code, Instant now) {
        Optional<HeldOffer> offer = pick(interpreter, code, now);
        if (offer.isEmpty()) {
            return code.isPresent() ? new Answer.Declined() : noOfferOrWhich(interpreter, now);
        }
        Site site = siteOf(offer.get().ticket());
        change(offer.get().ticket(), now, existing -> existing
                .filter(r -> r.status() == Status.OFFERING && r.openOfferOf(interpreter.id()).isPresent())
                .map(r -> {
                    RequestDraft draft = new RequestDraft(r, null, sms, now).decline(interpreter.id());
                    return draft.state().openOffers().isEmpty() ? nextWave(site, draft, ticket(r.ticket(), now))
                            : draft;
                }));
        return new Answer.Declined();
    }

    public Answer here(Interpreter interpreter, Instant now) {
        Optional<HeldOffer> assignment = requests.offersOf(interpreter.id(), now).stream()
                .filter(held -> held.hold() == HeldOffer.Hold.ASSIGNED).findFirst();
        if (assignment.isEmpty()) {
            return new Answer.NothingConfirmed();
        }
        return change(assignment.get().ticket(), now, existing -> existing
                .filter(r -> r.status() == Status.CONFIRMED && r.confirmedBy().equals(Optional.of(interpreter.id())))
                .map(r -> new RequestDraft(r, null, sms, now).arrive()))
                .<Answer>map(Answer.Arrived::new)
                .orElseGet(Answer.NothingConfirmed::new);
    }

    /** What the interpreter said about today: available (perhaps a window only), or away. */
    public Interpreter availableToday(Interpreter interpreter, AvailabilityToday said) {
        Interpreter current = interpreter;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Interpreter updated = current.withToday(said);
            if (directory.update(current, updated)) {
                return updated;
            }
            current = directory.find(interpreter.id()).orElseThrow(
                    () -> new InterpreterConflictException("The interpreter is no longer registered"));
        }
        throw new QueueBusyException("The interpreter kept changing; nothing was written");
    }

    /**
     * The interpreter asked to be removed (STOP) or a coordinator removed them: their open offers count as no, an
     * interpreting they had is offered to others, the SMS still owed to them are dropped, and then they are gone.
     */
    public void remove(Interpreter interpreter, Instant now) {
        for (HeldOffer held : requests.offersOf(interpreter.id(), now)) {
            if (held.hold() == HeldOffer.Hold.OPEN) {
                no(interpreter, OptionalInt.of(held.code()), now);
            } else if (held.hold() == HeldOffer.Hold.ASSIGNED) {
                Site site = siteOf(held.ticket());
                change(held.ticket(), now, existing -> existing
                        .filter(r -> !r.status().closed() && r.confirmedBy().equals(Optional.of(interpreter.id())))
                        .map(r -> nextWave(site, new RequestDraft(r, null, sms, now)
                                .restart(r.language(), site, Optional.empty()), ticket(r.ticket(), now))));
            }
        }
        requests.dropOwedSmsOf(interpreter.id());
        directory.remove(interpreter.id());
        LOG.info("Interpreter {} removed", interpreter.id());
    }

    // --- the schedule ---

    /**
     * What the minutes that passed owe: waves whose time is up move on (or end as none found), and a waiting
     * visitor who needs an interpreter but has no request (it could not be made when they joined) gets one.
     *
     * @return how many requests moved
     */
    public int advance(Instant now) {
        int moved = 0;
        for (Site site : sites.all()) {
            try {
                moved += advance(site, now);
            } catch (RuntimeException e) {
                LOG.error("Interpreter waves of site {} wait for the next run: {}", site.id(),
                        e.getClass().getSimpleName(), e);
            }
        }
        return moved;
    }

    int advance(Site site, Instant now) {
        ServiceDay day = ServiceDay.of(now);
        List<InterpreterRequest> ofDay = requests.ofDay(site.id(), day, now);
        Map<Integer, InterpreterRequest> byNumber = new HashMap<>();
        ofDay.forEach(r -> byNumber.put(r.ticket().number(), r));
        int moved = 0;
        for (InterpreterRequest due : ofDay) {
            if (due.status() == Status.OFFERING && !due.nextWaveAt().isAfter(now)) {
                Optional<InterpreterRequest> after = change(due.ticket(), now, existing -> existing
                        .filter(r -> r.status() == Status.OFFERING && !r.nextWaveAt().isAfter(now))
                        .map(r -> nextWave(site, new RequestDraft(r, null, sms, now).expireOpenOffers(),
                                ticket(r.ticket(), now))));
                moved += after.isPresent() ? 1 : 0;
            }
        }
        for (Ticket ticket : queue.day(site.id(), day, now).waiting()) {
            if (ticket.needsInterpreter() && !byNumber.containsKey(ticket.number())) {
                request(site, ticket, now);
                moved++;
            }
        }
        return moved;
    }

    // --- reading ---

    /** The site's day with its requests, in one read of the store: the staff's view of the queue. */
    public DayWithRequests dayWithRequests(String siteId, ServiceDay day, Instant now) {
        return requests.dayWithRequests(siteId, day, now);
    }

    /** The requests of a site's day by ticket number, for the staff's view and for "call next". */
    public Map<Integer, InterpreterRequest> ofDay(String siteId, ServiceDay day, Instant now) {
        Map<Integer, InterpreterRequest> byNumber = new HashMap<>();
        requests.ofDay(siteId, day, now).forEach(r -> byNumber.put(r.ticket().number(), r));
        return byNumber;
    }

    // --- the steps ---

    /** Asks the next wave, or, when nobody who fits is left, ends the search as none found. */
    private RequestDraft nextWave(Site site, RequestDraft draft, Optional<Ticket> ticket) {
        List<Interpreter> chosen = InterpreterMatching.nextWave(draft.state(), directory.all(),
                site.interpreting().waveSize());
        if (chosen.isEmpty()) {
            LOG.info("No interpreter left to ask for ticket {} at site {}", draft.state().ticketCode(), site.id());
            return draft.noneFound(site, ticket);
        }
        List<Integer> codes = new ArrayList<>();
        chosen.forEach(interpreter -> codes.add(directory.nextOfferCode(interpreter.id())));
        LOG.info("Wave {} of ticket {} at site {} asks {} interpreters", draft.state().wave() + 1,
                draft.state().ticketCode(), site.id(), chosen.size());
        return draft.ask(site, chosen, codes);
    }

    private Optional<InterpreterRequest> end(Site site, TicketRef ticket, Status how, Instant now) {
        return change(ticket, now, existing -> existing.filter(r -> !r.status().closed())
                .map(r -> new RequestDraft(r, null, sms, now).end(how, site, confirmedInterpreter(r))));
    }

    /**
     * Decides on the request as read and writes the change onto its version; when it changed meanwhile, reads it
     * again and decides again. A decision of "nothing to do" writes nothing.
     *
     * @return the request as written, or empty if nothing needed writing
     */
    private Optional<InterpreterRequest> change(TicketRef ticket, Instant now,
                                                Function<Optional<InterpreterRequest>, Optional<RequestDraft>> decide) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<RequestDraft> draft = decide.apply(requests.find(ticket, now));
            if (draft.isEmpty()) {
                return Optional.empty();
            }
            RequestChange change = draft.get().change();
            if (requests.apply(change)) {
                return Optional.of(change.after().nextVersion());
            }
        }
        throw new QueueBusyException("The interpreter request kept changing; nothing was written");
    }

    private InterpreterRequest fresh(Site site, Ticket ticket, Instant now) {
        int ahead = ticket.status() == TicketStatus.WAITING ? queue.countWaitingAhead(ticket.ref(), now) : 0;
        WaitRange wait = WaitEstimator.estimate(ahead, history.recent(site.id()), site.defaultServiceTime(),
                site.desks());
        Instant expected = now.plus(Duration.ofMinutes((wait.minMinutes() + wait.maxMinutes()) / 2));
        return new InterpreterRequest(ticket.ref(), ticket.code(), ticket.language(), Status.OFFERING, 0, List.of(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), expected, now, now, ticket.expiresAt(),
                0);
    }

    /** The offer a YES or NO means: the one with that code, or without a code the only open one. */
    private Optional<HeldOffer> pick(Interpreter interpreter, OptionalInt code, Instant now) {
        List<HeldOffer> held = requests.offersOf(interpreter.id(), now);
        if (code.isPresent()) {
            return held.stream().filter(o -> o.code() == code.getAsInt()).findFirst();
        }
        List<HeldOffer> open = held.stream().filter(o -> o.hold() == HeldOffer.Hold.OPEN).toList();
        return open.size() == 1 ? Optional.of(open.get(0)) : Optional.empty();
    }

    private Answer noOfferOrWhich(Interpreter interpreter, Instant now) {
        List<HeldOffer> open = requests.offersOf(interpreter.id(), now).stream()
                .filter(o -> o.hold() == HeldOffer.Hold.OPEN).toList();
        return open.size() > 1 ? new Answer.WhichOffer(open.get(0).code()) : new Answer.NoOpenOffer();
    }

    private Map<String, Interpreter> interpretersOf(List<Offer> offers) {
        Map<String, Interpreter> byId = new HashMap<>();
        offers.forEach(offer -> directory.find(offer.interpreterId()).ifPresent(i -> byId.put(i.id(), i)));
        return byId;
    }

    private Optional<Interpreter> confirmedInterpreter(InterpreterRequest request) {
        return request.confirmedBy().flatMap(directory::find);
    }

    private Optional<Ticket> ticket(TicketRef ref, Instant now) {
        return queue.find(ref, now);
    }

    private Site siteOf(TicketRef ticket) {
        return sites.findById(ticket.siteId())
                .orElseThrow(() -> new InterpreterConflictException("The site of that request is gone"));
    }
}
