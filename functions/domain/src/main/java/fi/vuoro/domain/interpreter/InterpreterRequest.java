package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.queue.TicketRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The search for an interpreter for one visitor's ticket: asked in waves, confirmed by the first YES, arrived, or
 * none found. {@code expectedAt} is when the visitor is expected to be called (what the offer SMS says);
 * {@code nextWaveAt} when the current wave's silence counts as no. {@code version} guards every change: the first
 * YES wins because a change is written only onto the version it was decided on.
 */
public record InterpreterRequest(
        TicketRef ticket,
        String ticketCode,
        String language,
        Status status,
        int wave,
        List<Offer> offers,
        Optional<String> confirmedBy,
        Optional<Instant> confirmedAt,
        boolean ready,
        Optional<Instant> arrivedAt,
        Instant expectedAt,
        Instant nextWaveAt,
        Instant createdAt,
        Instant expiresAt,
        int version) {

    /** Where a request stands. */
    public enum Status {
        /** Interpreters of the current wave are asked. */
        OFFERING,
        /** One said yes; not at the site yet (unless the site interprets by phone). */
        CONFIRMED,
        /** The confirmed interpreter is at the site. */
        ARRIVED,
        /** Everyone who could was asked; nobody is coming. Staff and the visitor are told. */
        NONE_FOUND,
        /** Staff cancelled it. */
        CANCELLED,
        /** The visit ended, or no longer needs an interpreter. */
        WITHDRAWN;

        public boolean closed() {
            return this == NONE_FOUND || this == CANCELLED || this == WITHDRAWN;
        }
    }

    public InterpreterRequest {
        offers = List.copyOf(offers);
    }

    public List<Offer> openOffers() {
        return offers.stream().filter(Offer::open).toList();
    }

    public Optional<Offer> openOfferOf(String interpreterId) {
        return offers.stream().filter(o -> o.open() && o.interpreterId().equals(interpreterId)).findFirst();
    }

    /**
     * The interpreter's offer that a YES can still confirm: open, or one they let expire or declined while the
     * search goes on (a late yes still helps the visitor).
     */
    public Optional<Offer> answerableOfferOf(String interpreterId) {
        return offers.stream().filter(o -> o.interpreterId().equals(interpreterId)
                && (o.open() || o.state() == Offer.State.EXPIRED || o.state() == Offer.State.DECLINED)).findFirst();
    }

    /** Whether the interpreter was asked for this request before, in any wave. */
    public boolean asked(String interpreterId) {
        return offers.stream().anyMatch(o -> o.interpreterId().equals(interpreterId));
    }

    /** Whether the visitor can be called: the interpreter is there (or ready by phone), or nobody is coming. */
    public boolean readyToCall() {
        return ready || status.closed();
    }

    InterpreterRequest with(Status newStatus, int newWave, List<Offer> newOffers, Optional<String> by,
                            Optional<Instant> byAt, boolean isReady, Optional<Instant> arrived, Instant nextWave) {
        return new InterpreterRequest(ticket, ticketCode, language, newStatus, newWave, newOffers, by, byAt, isReady,
                arrived, expectedAt, nextWave, createdAt, expiresAt, version);
    }

    /** The same state, as it stands once written: one version on. */
    public InterpreterRequest nextVersion() {
        return new InterpreterRequest(ticket, ticketCode, language, status, wave, offers, confirmedBy, confirmedAt,
                ready, arrivedAt, expectedAt, nextWaveAt, createdAt, expiresAt, version + 1);
    }

    @Override
    public String toString() {
        return "InterpreterRequest[" + ticket.siteId() + " " + ticketCode + " " + language + " " + status + " wave "
                + wave + " v" + version + "]";
    }
}
