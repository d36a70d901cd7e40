package fi.vuoro.staff;

import fi.vuoro.domain.report.SiteReport;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A site's report as the reports page reads it: the domain's {@link SiteReport} field for field, dates as
 * {@code YYYY-MM-DD} and what the period does not have (a median of no waits, a rate of no invitations) as null.
 */
@Introspected
record ReportView(String siteId, String siteName, String from, String to, Visits visits, Interpreters interpreters,
                  Feedback feedback) {

    static ReportView of(SiteReport report) {
        SiteReport.Visits v = report.visits();
        SiteReport.Feedback f = report.feedback();
        return new ReportView(report.siteId(), report.siteName(), report.from().toString(), report.to().toString(),
                new Visits(v.served(), v.noShows(), v.left(),
                        v.perDay().stream().map(d -> new Day(d.date().toString(), d.served(), d.noShows(), d.left()))
                                .toList(),
                        v.joinedByHour(), v.medianWaitMinutes().orElse(null), v.p90WaitMinutes().orElse(null),
                        breakdowns(v.byTopic()), breakdowns(v.byLanguage()), breakdowns(v.byInterpreter())),
                new Interpreters(report.interpreters().requested(), report.interpreters().found()),
                new Feedback(f.invited(), f.responses(), f.responseRate().orElse(null), f.suppressed(),
                        f.minimumGroup(), questions(f.questions()), groups(f.byTopic()), groups(f.byLanguage()),
                        groups(f.byInterpreter()),
                        f.comments().stream().map(c -> new Comment(c.week(), c.text())).toList()));
    }

    @Introspected
    record Visits(long served, long noShows, long left, List<Day> perDay, List<Long> joinedByHour,
                  @Nullable Integer medianWaitMinutes, @Nullable Integer p90WaitMinutes, List<Breakdown> byTopic,
                  List<Breakdown> byLanguage, List<Breakdown> byInterpreter) {
    }

    @Introspected
    record Day(String date, long served, long noShows, long left) {
    }

    @Introspected
    record Breakdown(String group, long served, long noShows, long left, @Nullable Integer medianWaitMinutes,
                     @Nullable Integer p90WaitMinutes) {
    }

    @Introspected
    record Interpreters(long requested, long found) {
    }

    @Introspected
    record Feedback(long invited, long responses, @Nullable Double responseRate, boolean suppressed, int minimumGroup,
                    List<Question> questions, List<FeedbackGroup> byTopic, List<FeedbackGroup> byLanguage,
                    List<FeedbackGroup> byInterpreter, List<Comment> comments) {
    }

    /** {@code points.get(0)} answered 1, the worst. */
    @Introspected
    record Question(String question, long answers, List<Long> points, @Nullable Double average) {
    }

    @Introspected
    record FeedbackGroup(String group, long responses, List<Question> questions) {
    }

    @Introspected
    record Comment(String week, String text) {
    }

    private static List<Breakdown> breakdowns(List<SiteReport.Breakdown> groups) {
        return groups.stream().map(b -> new Breakdown(b.group(), b.served(), b.noShows(), b.left(),
                b.medianWaitMinutes().orElse(null), b.p90WaitMinutes().orElse(null))).toList();
    }

    private static List<Question> questions(List<SiteReport.Question> questions) {
        return questions.stream().map(q -> new Question(q.question(), q.answers(), q.points(), q.average().orElse(null)))
                .toList();
    }

    private static List<FeedbackGroup> groups(List<SiteReport.FeedbackGroup> groups) {
        return groups.stream().map(g -> new FeedbackGroup(g.group(), g.responses(), questions(g.questions()))).toList();
    }
}
