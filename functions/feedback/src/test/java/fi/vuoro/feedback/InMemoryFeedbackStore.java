package fi.vuoro.feedback;

import fi.vuoro.domain.feedback.AnonymousAnswer;
import fi.vuoro.domain.feedback.DigitReply;
import fi.vuoro.domain.feedback.FeedbackInvitation;
import fi.vuoro.domain.feedback.FeedbackStore;
import fi.vuoro.domain.feedback.VolunteerOffer;
import fi.vuoro.domain.outbox.OutboundSms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Invitations and answers in memory, for the controller's tests; the digit reply is not the form's concern. */
final class InMemoryFeedbackStore implements FeedbackStore {

    final Map<String, FeedbackInvitation> invitations = new HashMap<>();
    final List<AnonymousAnswer> answers = new ArrayList<>();
    final List<VolunteerOffer> volunteers = new ArrayList<>();

    @Override
    public synchronized void invite(FeedbackInvitation invitation, Optional<DigitReply> digitReply,
                                    Optional<OutboundSms> sms) {
        invitations.put(invitation.tokenHash(), invitation);
    }

    @Override
    public synchronized Optional<FeedbackInvitation> find(String tokenHash, Instant now) {
        return Optional.ofNullable(invitations.get(tokenHash)).filter(invitation -> invitation.isOpen(now));
    }

    @Override
    public Optional<DigitReply> digitReplyOf(String phoneHash, Instant now) {
        return Optional.empty();
    }

    @Override
    public synchronized boolean answer(FeedbackInvitation invitation, AnonymousAnswer answer,
                                       Optional<VolunteerOffer> volunteer) {
        if (invitations.remove(invitation.tokenHash()) == null) {
            return false;
        }
        answers.add(answer);
        volunteer.ifPresent(volunteers::add);
        return true;
    }
}
