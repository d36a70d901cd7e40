package fi.vuoro.domain.feedback;

/**
 * An answer as it is stored: site, service week, the visit's traits and the answers. Never the phone, its hash,
 * the ticket code, the exact time, or anything else that leads back to the visitor.
 */
public record AnonymousAnswer(String siteId, ServiceWeek week, VisitTraits traits, FeedbackAnswers answers) {

    public static AnonymousAnswer of(FeedbackInvitation invitation, FeedbackAnswers answers) {
        return new AnonymousAnswer(invitation.siteId(), invitation.week(), invitation.traits(), answers);
    }
}
