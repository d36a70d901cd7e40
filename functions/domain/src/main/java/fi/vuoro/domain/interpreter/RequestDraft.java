package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.interpreter.InterpreterRequest.Status;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.site.Site;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of an interpreter request, applied step by step to one state and gathered into one change: what each
 * step does to the offers, which SMS it owes, whom it asks or assigns. A step that does not apply to the state
 * refuses with {@link IllegalStateException}; the service decides which steps to take.
 */
final class RequestDraft {

    private final InterpreterRequest before;
    private final InterpreterSms sms;
    private final Instant now;
    private InterpreterRequest state;
    private final List<OutboundSms> owed = new ArrayList<>();
    private final List<Offer> opened = new ArrayList<>();
    private final List<Offer> closed = new ArrayList<>();
    private final List<String> assigned = new ArrayList<>();

    /** @param before the request as read, or null for a new one, whose first state is {@code initial} */
    RequestDraft(InterpreterRequest before, InterpreterRequest initial, InterpreterSms sms, Instant now) {
        this.before = before;
        this.state = before == null ? initial : before;
        this.sms = sms;
        this.now = now;
    }

    InterpreterRequest state() {
        return state;
    }

    /** Asks the chosen interpreters (a new wave), each with their own offer code. */
    RequestDraft ask(Site site, List<Interpreter> chosen, List<Integer> codes) {
        require(state.status() == Status.OFFERING, "asks only while offering");
        int wave = state.wave() + 1;
        Instant answerBy = now.plus(site.interpreting().replyTimeout());
        List<Offer> offers = new ArrayList<>(state.offers());
        for (int i = 0; i < chosen.size(); i++) {
            Interpreter interpreter = chosen.get(i);
            Offer offer = new Offer(interpreter.id(), interpreter.name(), codes.get(i), wave, Offer.State.OPEN, now);
            offers.add(offer);
            opened.add(offer);
            owed.add(sms.offer(site, state, interpreter, offer, now, answerBy));
        }
        state = state.with(Status.OFFERING, wave, offers, state.confirmedBy(), state.confirmedAt(), state.ready(),
                state.arrivedAt(), answerBy);
        return this;
    }

    /** Nobody (else) can be asked: staff see it, and the visitor, still waiting, is told. */
    RequestDraft noneFound(Site site, Optional<Ticket> ticket) {
        require(state.status() == Status.OFFERING, "finds none only while offering");
        ticket.flatMap(t -> sms.noneFound(site, t, state, now)).ifPresent(owed::add);
        state = state.with(Status.NONE_FOUND, state.wave(), state.offers(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), state.nextWaveAt());
        return this;
    }

    /** The open offers of the current wave went unanswered in time. */
    RequestDraft expireOpenOffers() {
        return closeOpen(Offer.State.EXPIRED);
    }

    /** The interpreter said no. */
    RequestDraft decline(String interpreterId) {
        Offer offer = state.openOfferOf(interpreterId).orElseThrow(() -> new IllegalStateException("no open offer"));
        replace(offer, offer.in(Offer.State.DECLINED));
        closed.add(offer);
        return this;
    }

    /**
     * The first yes: they get the interpreting (the reply to their YES confirms it), everyone else still asked is
     * told it is taken.
     */
    RequestDraft confirm(Site site, Interpreter winner, Map<String, Interpreter> others) {
        require(state.status() == Status.OFFERING, "is confirmed only while offering");
        Offer accepted = state.answerableOfferOf(winner.id())
                .orElseThrow(() -> new IllegalStateException("no offer to confirm"));
        replace(accepted, accepted.in(Offer.State.ACCEPTED));
        closed.add(accepted);
        assigned.add(winner.id());
        for (Offer other : state.openOffers()) {
            replace(other, other.in(Offer.State.TAKEN));
            closed.add(other);
            Interpreter told = others.get(other.interpreterId());
            if (told != null) {
                owed.add(sms.taken(site, state, told, now));
            }
        }
        boolean ready = site.interpreting().readyOnConfirmation();
        state = state.with(Status.CONFIRMED, state.wave(), state.offers(), Optional.of(winner.id()), Optional.of(now),
                ready, Optional.empty(), state.nextWaveAt());
        return this;
    }

    /** The visitor is called: their confirmed interpreter is texted the desk too. */
    RequestDraft tellDesk(Site site, fi.vuoro.domain.queue.Ticket ticket, Interpreter interpreter, String desk,
                          Instant calledAt) {
        require(state.status() == Status.CONFIRMED || state.status() == Status.ARRIVED, "tells a desk once confirmed");
        owed.add(sms.desk(site, ticket, interpreter, desk, calledAt));
        return this;
    }

    /** The confirmed interpreter is at the site (they texted HERE, or staff said so). */
    RequestDraft arrive() {
        require(state.status() == Status.CONFIRMED, "arrives only once confirmed");
        state = state.with(Status.ARRIVED, state.wave(), state.offers(), state.confirmedBy(), state.confirmedAt(), true,
                Optional.of(now), state.nextWaveAt());
        return this;
    }

    /**
     * The request ends ({@code WITHDRAWN} when the visit no longer needs it, {@code CANCELLED} by staff): open offers
     * are withdrawn, and a confirmed interpreter is told they are not needed.
     */
    RequestDraft end(Status how, Site site, Optional<Interpreter> confirmed) {
        require(how == Status.WITHDRAWN || how == Status.CANCELLED, "ends as withdrawn or cancelled");
        closeOpen(Offer.State.WITHDRAWN);
        if (state.status() == Status.CONFIRMED || state.status() == Status.ARRIVED) {
            state.offers().stream().filter(o -> o.state() == Offer.State.ACCEPTED).findFirst().ifPresent(closed::add);
            confirmed.ifPresent(interpreter -> owed.add(sms.notNeeded(site, state, interpreter, now)));
        }
        state = state.with(how, state.wave(), state.offers(), state.confirmedBy(), state.confirmedAt(), false,
                state.arrivedAt(), state.nextWaveAt());
        return this;
    }

    /** Staff ask again, or the visitor changed language: a new round, everyone can be asked again. */
    RequestDraft restart(String language, Site site, Optional<Interpreter> confirmed) {
        if (!state.status().closed()) {
            end(Status.WITHDRAWN, site, confirmed);
        }
        state = new InterpreterRequest(state.ticket(), state.ticketCode(), language, Status.OFFERING, 0, List.of(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), state.expectedAt(), now,
                state.createdAt(), state.expiresAt(), state.version());
        return this;
    }

    RequestChange change() {
        return new RequestChange(before, state, owed, opened, closed, assigned, now);
    }

    private RequestDraft closeOpen(Offer.State to) {
        for (Offer offer : state.openOffers()) {
            replace(offer, offer.in(to));
            closed.add(offer);
        }
        return this;
    }

    private void replace(Offer old, Offer updated) {
        List<Offer> offers = new ArrayList<>(state.offers());
        offers.set(offers.indexOf(old), updated);
        state = state.with(state.status(), state.wave(), offers, state.confirmedBy(), state.confirmedAt(),
                state.ready(), state.arrivedAt(), state.nextWaveAt());
    }

    private static void require(boolean allowed, String rule) {
        if (!allowed) {
            throw new IllegalStateException("An interpreter request " + rule);
        }
    }
}
