package fi.vuoro.domain.queue;

import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.outbox.Premise;
import fi.vuoro.domain.outbox.UnreachableRecipients;
import fi.vuoro.domain.visitor.VisitorStore;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When Twilio refuses to text the visitor of a ticket (they sent STOP, or their number takes no SMS), their live
 * ticket is marked as one that cannot be texted (staff see it, nothing more is owed to it by SMS) and the number is
 * remembered as opted out, so that a later join that day is marked at once. A message to anyone else about the
 * ticket (its interpreter) names the ticket too, but not its visitor's number: it marks nothing.
 */
public final class TicketReachability implements UnreachableRecipients {

    private static final Logger LOG = LoggerFactory.getLogger(TicketReachability.class);

    private final QueueStore queue;
    private final VisitorStore visitors;
    private final TicketLifecycle lifecycle;
    private final TicketChanges changes;

    public TicketReachability(QueueStore queue, VisitorStore visitors, TicketLifecycle lifecycle, QueueEvents events) {
        this.queue = queue;
        this.visitors = visitors;
        this.lifecycle = lifecycle;
        this.changes = new TicketChanges(queue, events);
    }

    @Override
    public void unreachable(OutboundSms sms, Instant now) {
        if (!(sms.premise().orElse(null) instanceof Premise.TicketState about)) {
            return;
        }
        Optional<Ticket> found = queue.find(new TicketRef(about.siteId(), new ServiceDay(about.day()), about.number()),
                now).filter(ticket -> ticket.phoneCipher().equals(Optional.of(sms.toCipher())));
        if (found.isEmpty()) {
            return;
        }
        Ticket ticket = found.get();
        ticket.phoneHash().ifPresent(hash -> visitors.optOut(hash, now, now.plus(VisitorStore.OPT_OUT_MEMORY)));
        if (ticket.status().isLive() && !ticket.unreachableBySms()) {
            try {
                changes.apply(ticket, now, lifecycle::unreachableBySms);
                LOG.info("Ticket {} at site {} cannot be texted", ticket.code(), ticket.siteId());
            } catch (QueueConflictException endedOrMarked) {
                // It ended or was marked meanwhile: nothing more is owed to it anyway.
            }
        }
    }
}
