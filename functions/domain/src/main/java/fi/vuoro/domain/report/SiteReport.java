package fi.vuoro.domain.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A site's report for a period, aggregates only. Feedback of any group with fewer than {@link #MINIMUM_GROUP}
 * answers is left out, so nobody can be recognised from their answer; the comments are shown only when the period
 * has at least that many answers.
 */
public record SiteReport(String siteId, String siteName, LocalDate from, LocalDate to, Visits visits,
                         Interpreting interpreters, Feedback feedback) {

    /** The fewest answers a group of feedback must have to be shown. */
    public static final int MINIMUM_GROUP = 5;

    /** Ended visits of the period. */
    public record Visits(long served, long noShows, long left, List<Day> perDay, List<Long> joinedByHour,
                         Optional<Integer> medianWaitMinutes, Optional<Integer> p90WaitMinutes,
                         List<Breakdown> byTopic, List<Breakdown> byLanguage, List<Breakdown> byInterpreter) {
    }

    public record Day(LocalDate date, long served, long noShows, long left) {
    }

    /** The visits of one group: a topic, a language, or with / without an interpreter. */
    public record Breakdown(String group, long served, long noShows, long left, Optional<Integer> medianWaitMinutes,
                            Optional<Integer> p90WaitMinutes) {
    }

    public record Interpreting(long requested, long found) {
    }

    /**
     * @param suppressed whether the period has fewer answers than {@link #MINIMUM_GROUP}, so nothing but the counts
     *                   is shown
     */
    public record Feedback(long invited, long responses, Optional<Double> responseRate, boolean suppressed,
                           int minimumGroup, List<Question> questions, List<FeedbackGroup> byTopic,
                           List<FeedbackGroup> byLanguage, List<FeedbackGroup> byInterpreter, List<Comment> comments) {
    }

    /** How the answers of one question spread over the scale: {@code points.get(0)} chose 1, the worst. */
    public record Question(String question, long answers, List<Long> points, Optional<Double> average) {
    }

    /** The feedback of one group with at least {@link #MINIMUM_GROUP} answers. */
    public record FeedbackGroup(String group, long responses, List<Question> questions) {
    }

    public record Comment(String week, String text) {
    }
}
