package fi.vuoro.domain.sms;

import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.visitor.VisitorProfile;
import java.util.Optional;

/**
 * What is stored about the sender of one inbound message, read together before it is handled: the reply already given
 * to this very message (a redelivery), the interpreter the number belongs to, the visitor's profile and their live
 * ticket at the site texted (today's only; expired records are absent), whether the number opted out of SMS at the
 * carrier ({@code optedOut}: it sent STOP, or Twilio refused to text it, and has not sent START since), and the
 * replies counted to them in this hour's {@link ReplyBudget} window.
 */
public record SenderRecords(Optional<String> earlierReply, Optional<String> interpreterId,
                            Optional<VisitorProfile> profile, Optional<TicketRef> liveTicket, boolean optedOut,
                            int repliesThisHour) {

    public static final SenderRecords NONE =
            new SenderRecords(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** Records of a number that has not opted out, with no reply counted this hour. */
    public SenderRecords(Optional<String> earlierReply, Optional<String> interpreterId,
                         Optional<VisitorProfile> profile, Optional<TicketRef> liveTicket) {
        this(earlierReply, interpreterId, profile, liveTicket, false, 0);
    }

    /** Records with no reply counted this hour. */
    public SenderRecords(Optional<String> earlierReply, Optional<String> interpreterId,
                         Optional<VisitorProfile> profile, Optional<TicketRef> liveTicket, boolean optedOut) {
        this(earlierReply, interpreterId, profile, liveTicket, optedOut, 0);
    }

    /** Records of a number that has not opted out. */
    public SenderRecords(Optional<String> earlierReply, Optional<String> interpreterId,
                         Optional<VisitorProfile> profile, Optional<TicketRef> liveTicket, int repliesThisHour) {
        this(earlierReply, interpreterId, profile, liveTicket, false, repliesThisHour);
    }
}
