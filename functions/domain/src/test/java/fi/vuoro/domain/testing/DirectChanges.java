package fi.vuoro.domain.testing;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketLifecycle;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.staff.QueueSms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a stored ticket in a state for a test, through the same lifecycle and store operation the services use,
 * optionally owing a message the test made itself.
 */
public final class DirectChanges {

    private static final TicketLifecycle LIFECYCLE = new TicketLifecycle(new QueueSms(MessageCatalogue.loadDefault()));

    private DirectChanges() {
    }

    /** Calls the ticket to the desk at {@code at}, owing {@code sms} (if any) instead of the usual "your turn". */
    public static boolean call(QueueStore queue, Ticket ticket, String desk, Instant at, Optional<OutboundSms> sms) {
        return queue.apply(LIFECYCLE.call(siteOf(ticket), ticket, desk, at).owing(sms.map(List::of).orElse(List.of())));
    }

    private static Site siteOf(Ticket ticket) {
        return new Site(ticket.siteId(), "Test Site", "+358500000999", OpeningHours.always(), Set.of("fi"),
                Duration.ofMinutes(15), 1, ticket.code().charAt(0), Set.of());
    }
}
