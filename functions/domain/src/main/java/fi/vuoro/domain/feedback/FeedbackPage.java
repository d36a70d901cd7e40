package fi.vuoro.domain.feedback;

import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.PageText;
import java.util.Optional;

/** What a feedback link shows, always in the visitor's language (the fallback language for a link not of ours). */
public sealed interface FeedbackPage {

    Language language();

    /** The form, to fill in (again, with {@code problem} said next to it, when a submission was refused). */
    record Form(Language language, String siteName, String token, Optional<PageText> problem,
                FeedbackSubmission previous) implements FeedbackPage {
    }

    /** The answer was stored just now. */
    record Thanks(Language language) implements FeedbackPage {
    }

    /** The link was used already; a second submit changes nothing. */
    record AlreadyAnswered(Language language) implements FeedbackPage {
    }

    record Expired(Language language) implements FeedbackPage {
    }

    /** Not one of our links, or cut short or altered on its way. */
    record Invalid(Language language) implements FeedbackPage {
    }
}
