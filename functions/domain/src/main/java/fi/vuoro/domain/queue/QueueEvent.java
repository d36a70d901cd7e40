package fi.vuoro.domain.queue;

import fi.vuoro.domain.site.Site;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What happened to a ticket, once written. Listeners react to it (come-back notices, service times, interpreter
 * requests, feedback invitations), so a capability adds a listener instead of editing the queue.
 */
public sealed interface QueueEvent {

    Site site();

    /** The ticket as it stands after the event. */
    Ticket ticket();

    Instant at();

    /** A visitor joined the queue, with {@code ahead} waiting before them. */
    record Joined(Site site, Ticket ticket, int ahead, Instant at) implements QueueEvent {
    }

    /** Staff called the visitor to a desk, or called them again ({@code recall}). */
    record Called(Site site, Ticket ticket, String desk, boolean recall, Instant at) implements QueueEvent {
    }

    /**
     * The visit ended at the desk: served or no-show; {@code serviceTime} from the call to the end. The ended ticket
     * has forgotten the visitor's number; {@code replyTo} is its encrypted copy as the ticket held it until now, for
     * the one SMS an ended visit may still owe (the feedback invitation). It is never stored from here.
     */
    record Finished(Site site, Ticket ticket, TicketStatus outcome, Optional<Duration> serviceTime,
                    Optional<String> replyTo, Instant at) implements QueueEvent {

        @Override
        public String toString() {
            return "Finished[" + ticket + " " + outcome + "]";
        }
    }

    /** Staff put a called or no-show visitor back in the queue. */
    record Requeued(Site site, Ticket ticket, Instant at) implements QueueEvent {
    }

    /** The visitor left the queue themselves. */
    record Left(Site site, Ticket ticket, Instant at) implements QueueEvent {
    }

    /**
     * Staff removed the ticket from the queue (a junk join): it ended without a visit, owes no SMS, and is no visit
     * in the reports.
     */
    record Removed(Site site, Ticket ticket, Instant at) implements QueueEvent {
    }

    /** The visitor asked for everything about them to be deleted; this ticket ended and lost their number. */
    record Erased(Site site, Ticket ticket, Instant at) implements QueueEvent {
    }

    /** The visitor chose another language while in the queue. */
    record LanguageChanged(Site site, Ticket ticket, Instant at) implements QueueEvent {
    }
}
