package fi.vuoro.domain.sms;

import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.visitor.VisitorProfile;
import java.util.Optional;

/**
 * What is stored about the sender of one inbound message, read together before it is handled: the reply already given
 * to this very message (a redelivery), the interpreter the number belongs to, the visitor's profile and their live
 * ticket at the site texted (today's only; expired records are absent), and the replies counted to them in this
 * hour's {@link ReplyBudget} window.
 */
public record SenderRecords(Optional<String> earlierReply, Optional<String> interpreterId,
                            Optional<VisitorProfile> profile, Optional<TicketRef> liveTicket, int repliesThisHour) {

    public static final SenderRecords NONE =
            new SenderRecords(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** A sender with no reply counted this hour. */
    public SenderRecords(Optional<String> earlierReply, Optional<String> interpreterId,
                         Optional<VisitorProfile> profile, Optional<TicketRef> liveTicket) {
        this(earlierReply, interpreterId, profile, liveTicket, 0);
    }
}
