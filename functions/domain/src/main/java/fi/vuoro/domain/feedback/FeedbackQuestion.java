package fi.vuoro.domain.feedback;

import fi.vuoro.domain.language.PageText;

/** The three questions of the feedback form, each answered on the five-point smiley scale. */
public enum FeedbackQuestion {
    /** Was I helped with my matter. The digit reply to the invitation SMS answers this one. */
    HELPED("helped", PageText.FEEDBACK_HELPED),
    /** Was I understood, language-wise. */
    UNDERSTOOD("understood", PageText.FEEDBACK_UNDERSTOOD),
    /** Do I now know better where to get help. */
    KNOWS("knows", PageText.FEEDBACK_KNOWS);

    private final String field;
    private final PageText text;

    FeedbackQuestion(String field, PageText text) {
        this.field = field;
        this.text = text;
    }

    /** The form field and report name of the question, e.g. {@code helped}. */
    public String field() {
        return field;
    }

    /** The question as the form asks it. */
    public PageText text() {
        return text;
    }
}
