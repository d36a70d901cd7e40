package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.outbox.Premise;
import fi.vuoro.domain.outbox.PremiseCheck;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketRef;
import java.time.Instant;
import java.util.Optional;

/** An offer SMS is sent only while that offer is still open: nobody took it and the visitor still needs it. */
public final class OfferPremises implements PremiseCheck {

    private final InterpreterRequestStore requests;

    public OfferPremises(InterpreterRequestStore requests) {
        this.requests = requests;
    }

    @Override
    public Optional<String> broken(Premise premise, Instant now) {
        if (!(premise instanceof Premise.OfferOpen offer)) {
            return Optional.of("a premise of another kind");
        }
        Optional<InterpreterRequest> request = requests.find(new TicketRef(offer.siteId(), new ServiceDay(offer.day()),
                offer.number()), now);
        if (request.isEmpty()) {
            return Optional.of("the interpreter request is gone");
        }
        boolean open = request.get().offers().stream().anyMatch(o -> o.interpreterId().equals(offer.interpreterId())
                && o.wave() == offer.wave() && o.open());
        return open ? Optional.empty() : Optional.of("the offer is no longer open (request "
                + request.get().status() + ")");
    }
}
