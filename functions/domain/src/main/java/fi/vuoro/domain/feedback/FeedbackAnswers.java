package fi.vuoro.domain.feedback;

import fi.vuoro.domain.language.PageText;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a visitor answered: a point of the scale (1-5) for any of the questions, and an optional comment. Every
 * question is optional, but an answer answers at least one.
 */
public record FeedbackAnswers(Map<FeedbackQuestion, Integer> scores, Optional<String> comment) {

    /** Long enough for a few sentences; the form says so. */
    public static final int MAX_COMMENT_LENGTH = 1000;

    public FeedbackAnswers {
        EnumMap<FeedbackQuestion, Integer> copy = new EnumMap<>(FeedbackQuestion.class);
        scores.forEach((question, point) -> {
            if (point == null || point < 1 || point > PageText.SCALE_POINTS) {
                throw new IllegalArgumentException("A " + question.field() + " answer is 1-" + PageText.SCALE_POINTS);
            }
            copy.put(question, point);
        });
        scores = Collections.unmodifiableMap(copy);
        comment = comment.map(String::strip).filter(text -> !text.isEmpty());
        if (comment.isPresent() && comment.get().length() > MAX_COMMENT_LENGTH) {
            throw new IllegalArgumentException("A comment is at most " + MAX_COMMENT_LENGTH + " characters");
        }
    }

    /** The answer of a digit reply to the invitation SMS: the first question only. */
    public static FeedbackAnswers digit(int point) {
        return new FeedbackAnswers(Map.of(FeedbackQuestion.HELPED, point), Optional.empty());
    }

    /** Whether anything at all was answered: a comment alone counts. */
    public boolean isEmpty() {
        return scores.isEmpty() && comment.isEmpty();
    }
}
