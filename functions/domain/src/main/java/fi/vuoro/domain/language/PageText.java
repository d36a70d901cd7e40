package fi.vuoro.domain.language;

import static fi.vuoro.domain.language.Placeholder.SITE;

import java.util.List;

/**
 * The texts of the pages visitors open from an SMS, such as the feedback form. They live in the same message
 * files as the SMS, so a language is still one file, but they are not SMS: nothing counts their segments. They are
 * plain text; the page that shows them escapes them, and takes its direction from {@link Language#rightToLeft()}.
 */
public enum PageText {
    FEEDBACK_TITLE("page.feedback.title", SITE),
    /** Says the answers are anonymous, in words a reader with little schooling understands. */
    FEEDBACK_INTRO("page.feedback.intro"),
    FEEDBACK_REQUIRED_NOTE("page.feedback.required.note"),
    /** The first question; the digit reply to the invitation SMS answers it too. */
    FEEDBACK_HELPED("page.feedback.helped"),
    FEEDBACK_UNDERSTOOD("page.feedback.understood"),
    FEEDBACK_KNOWS("page.feedback.knows"),
    /** The labels of the five-point smiley scale, 1 the worst; see {@link #feedbackScale(int)}. */
    FEEDBACK_SCALE_1("page.feedback.scale.1"),
    FEEDBACK_SCALE_2("page.feedback.scale.2"),
    FEEDBACK_SCALE_3("page.feedback.scale.3"),
    FEEDBACK_SCALE_4("page.feedback.scale.4"),
    FEEDBACK_SCALE_5("page.feedback.scale.5"),
    FEEDBACK_COMMENT("page.feedback.comment"),
    /** Answers stay anonymous only if the comment names no one. */
    FEEDBACK_COMMENT_HINT("page.feedback.comment.hint"),
    FEEDBACK_VOLUNTEER_TITLE("page.feedback.volunteer.title"),
    /** The consent the visitor ticks to be contacted about becoming a community advisor. */
    FEEDBACK_VOLUNTEER_CONSENT("page.feedback.volunteer.consent", SITE),
    FEEDBACK_VOLUNTEER_CONTACT("page.feedback.volunteer.contact"),
    FEEDBACK_SEND("page.feedback.send"),
    FEEDBACK_THANKS_TITLE("page.feedback.thanks.title"),
    FEEDBACK_THANKS_BODY("page.feedback.thanks.body"),
    FEEDBACK_ALREADY("page.feedback.already"),
    FEEDBACK_EXPIRED("page.feedback.expired"),
    /** The link is not one of ours, or reached the browser cut short. */
    FEEDBACK_INVALID("page.feedback.invalid"),
    /** The form was sent with no question answered. */
    FEEDBACK_MISSING("page.feedback.missing"),
    /** The advisor box was ticked without a way to reach the visitor. */
    FEEDBACK_CONTACT_MISSING("page.feedback.contact.missing"),
    /** The label of the page's language switcher. */
    FEEDBACK_LANGUAGE("page.feedback.language"),
    /** Something failed on the service's side; the answer was not lost if it was not sent. */
    FEEDBACK_FAILED("page.feedback.failed");

    /** The points of the smiley scale. */
    public static final int SCALE_POINTS = 5;

    private final String key;
    private final List<Placeholder> placeholders;

    PageText(String key, Placeholder... placeholders) {
        this.key = key;
        this.placeholders = List.of(placeholders);
    }

    /** The entry name in the message files, e.g. {@code page.feedback.title}. */
    public String key() {
        return key;
    }

    /** The placeholders this text may use; a translation need not use all of them. */
    public List<Placeholder> placeholders() {
        return placeholders;
    }

    /** Whether the text may carry the placeholder with this id. */
    public boolean allows(String placeholderId) {
        return placeholders.stream().anyMatch(placeholder -> placeholder.id().equals(placeholderId));
    }

    /** The label of one point of the smiley scale, 1 (not at all) to {@link #SCALE_POINTS} (completely). */
    public static PageText feedbackScale(int point) {
        return switch (point) {
            case 1 -> FEEDBACK_SCALE_1;
            case 2 -> FEEDBACK_SCALE_2;
            case 3 -> FEEDBACK_SCALE_3;
            case 4 -> FEEDBACK_SCALE_4;
            case 5 -> FEEDBACK_SCALE_5;
            default -> throw new IllegalArgumentException("The scale runs from 1 to " + SCALE_POINTS + ", not " + point);
        };
    }
}
