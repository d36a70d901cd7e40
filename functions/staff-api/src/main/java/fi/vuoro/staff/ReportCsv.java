package fi.vuoro.staff;

import fi.vuoro.domain.report.SiteReport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A site's report as CSV for a spreadsheet: one {@code section,group,metric,value} line per figure, aggregates
 * only. The visitors' comments stay on the page, where they are shown only with enough answers; they are free text
 * and do not belong in a file that travels.
 */
final class ReportCsv {

    static final String HEADER = "section,group,metric,value";
    private static final String ALL = "all";

    private final StringBuilder out = new StringBuilder(HEADER).append("\r\n");

    private ReportCsv() {
    }

    static String of(SiteReport report) {
        ReportCsv csv = new ReportCsv();
        csv.report(report);
        return csv.out.toString();
    }

    /** The file name a download is saved as: {@code vuoro-<site>-<from>-<to>.csv}. */
    static String fileName(SiteReport report) {
        return "vuoro-" + report.siteId().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + report.from() + "-" + report.to()
                + ".csv";
    }

    private void report(SiteReport report) {
        line("site", ALL, "id", report.siteId());
        line("site", ALL, "name", report.siteName());
        line("period", ALL, "from", report.from().toString());
        line("period", ALL, "to", report.to().toString());

        SiteReport.Visits visits = report.visits();
        line("visits", ALL, "served", visits.served());
        line("visits", ALL, "noShows", visits.noShows());
        line("visits", ALL, "left", visits.left());
        line("visits", ALL, "medianWaitMinutes", visits.medianWaitMinutes());
        line("visits", ALL, "p90WaitMinutes", visits.p90WaitMinutes());
        for (SiteReport.Day day : visits.perDay()) {
            line("day", day.date().toString(), "served", day.served());
            line("day", day.date().toString(), "noShows", day.noShows());
            line("day", day.date().toString(), "left", day.left());
        }
        for (int hour = 0; hour < visits.joinedByHour().size(); hour++) {
            line("hour", String.format(Locale.ROOT, "%02d", hour), "joined", visits.joinedByHour().get(hour));
        }
        breakdowns("visits by topic", visits.byTopic());
        breakdowns("visits by language", visits.byLanguage());
        breakdowns("visits by interpreter", visits.byInterpreter());

        line("interpreters", ALL, "requested", report.interpreters().requested());
        line("interpreters", ALL, "found", report.interpreters().found());

        SiteReport.Feedback feedback = report.feedback();
        line("feedback", ALL, "invited", feedback.invited());
        line("feedback", ALL, "responses", feedback.responses());
        line("feedback", ALL, "responseRate", feedback.responseRate().map(ReportCsv::decimal).orElse(""));
        line("feedback", ALL, "shown", feedback.suppressed() ? "no: fewer than " + feedback.minimumGroup()
                + " answers" : "yes");
        questions("feedback", ALL, feedback.questions());
        groups("feedback by topic", feedback.byTopic());
        groups("feedback by language", feedback.byLanguage());
        groups("feedback by interpreter", feedback.byInterpreter());
    }

    private void breakdowns(String section, List<SiteReport.Breakdown> groups) {
        for (SiteReport.Breakdown group : groups) {
            line(section, group.group(), "served", group.served());
            line(section, group.group(), "noShows", group.noShows());
            line(section, group.group(), "left", group.left());
            line(section, group.group(), "medianWaitMinutes", group.medianWaitMinutes());
            line(section, group.group(), "p90WaitMinutes", group.p90WaitMinutes());
        }
    }

    private void groups(String section, List<SiteReport.FeedbackGroup> groups) {
        for (SiteReport.FeedbackGroup group : groups) {
            line(section, group.group(), "responses", group.responses());
            questions(section, group.group(), group.questions());
        }
    }

    private void questions(String section, String group, List<SiteReport.Question> questions) {
        for (SiteReport.Question question : questions) {
            line(section, group, question.question() + " answers", question.answers());
            for (int point = 0; point < question.points().size(); point++) {
                line(section, group, question.question() + " " + (point + 1), question.points().get(point));
            }
            line(section, group, question.question() + " average", question.average().map(ReportCsv::decimal)
                    .orElse(""));
        }
    }

    private void line(String section, String group, String metric, long value) {
        line(section, group, metric, Long.toString(value));
    }

    private void line(String section, String group, String metric, Optional<Integer> value) {
        line(section, group, metric, value.map(String::valueOf).orElse(""));
    }

    private void line(String section, String group, String metric, String value) {
        out.append(cell(section)).append(',').append(cell(group)).append(',').append(cell(metric)).append(',')
                .append(cell(value)).append("\r\n");
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * One cell, quoted where it must be. A cell a spreadsheet would take for a formula (starting with = + - @, or a
     * tab or carriage return before one) gets a leading apostrophe, so opening the file runs nothing.
     */
    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
