package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.staff.CallReadiness;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/**
 * "Call next" waits for a visitor's interpreter: a visitor who needs one is ready when the interpreter has arrived
 * (or is ready by phone), or when the search has ended (none found, cancelled). Staff can still call them at any
 * time with "call".
 */
public final class InterpreterReadiness implements CallReadiness {

    private final InterpreterService interpreters;

    public InterpreterReadiness(InterpreterService interpreters) {
        this.interpreters = interpreters;
    }

    @Override
    public Predicate<Ticket> forDay(Site site, ServiceDay day, Instant now) {
        Map<Integer, InterpreterRequest> requests = interpreters.ofDay(site.id(), day, now);
        return ticket -> {
            InterpreterRequest request = requests.get(ticket.number());
            return request == null ? !ticket.needsInterpreter() : request.readyToCall();
        };
    }
}
