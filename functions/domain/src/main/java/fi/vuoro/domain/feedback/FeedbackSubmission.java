package fi.vuoro.domain.feedback;

import java.util.Map;

/**
 * The form as it was posted, before it is checked: the chosen point of each question as sent (any text), the
 * comment, the advisor box and the contact. Nothing here is trusted.
 */
public record FeedbackSubmission(Map<FeedbackQuestion, String> points, String comment, boolean volunteer,
                                 String contact) {

    public static FeedbackSubmission empty() {
        return new FeedbackSubmission(Map.of(), "", false, "");
    }

    public FeedbackSubmission {
        points = Map.copyOf(points);
        comment = comment == null ? "" : comment;
        contact = contact == null ? "" : contact;
    }
}
