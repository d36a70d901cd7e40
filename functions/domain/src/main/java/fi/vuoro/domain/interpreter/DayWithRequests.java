package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.queue.QueueDay;
import java.util.List;

/** A site's day as staff see it, its tickets and desks, with the day's interpreter requests: read together. */
public record DayWithRequests(QueueDay queue, List<InterpreterRequest> requests) {

    public DayWithRequests {
        requests = List.copyOf(requests);
    }
}
