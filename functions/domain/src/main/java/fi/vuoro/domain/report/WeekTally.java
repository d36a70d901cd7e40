package fi.vuoro.domain.report;

import fi.vuoro.domain.feedback.FeedbackQuestion;
import fi.vuoro.domain.feedback.ServiceWeek;
import fi.vuoro.domain.feedback.VisitTraits;
import java.util.List;
import java.util.Map;

/**
 * A site's feedback of one service week for one combination of traits: how many were invited, how many answered,
 * and per question how many chose each point of the scale ({@code points.get(q).get(0)} is point 1).
 */
public record WeekTally(ServiceWeek week, VisitTraits traits, long invited, long responses,
                        Map<FeedbackQuestion, List<Long>> points) {

    public WeekTally {
        points = Map.copyOf(points);
    }
}
