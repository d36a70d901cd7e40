package fi.vuoro.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.feedback.FeedbackQuestion;
import fi.vuoro.domain.feedback.ServiceWeek;
import fi.vuoro.domain.feedback.VisitTraits;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A report from tallies: sums, waits from their spread, and feedback left out where too few answered. */
class ReportsTest {

    private static final Site SITE = new Site("demo", "Vuoro Demo", "+358500000001", OpeningHours.always(),
            Set.of("fi"), Duration.ofMinutes(15), 2, 'A', Set.of());
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final VisitTraits FI = new VisitTraits(Optional.empty(), "fi", false);
    private static final VisitTraits AR = new VisitTraits(Optional.of("KELA"), "ar", true);

    private final List<DayTally> days = new ArrayList<>();
    private final List<WeekTally> weeks = new ArrayList<>();
    private final Reports reports = new Reports(new ReportStore() {
        @Override
        public void countVisit(String siteId, LocalDate day, VisitTraits traits, VisitCount count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<DayTally> days(String siteId, LocalDate from, LocalDate to) {
            return days;
        }

        @Override
        public List<WeekTally> weeks(String siteId, ServiceWeek from, ServiceWeek to) {
            return weeks;
        }

        @Override
        public List<FeedbackComment> comments(String siteId, ServiceWeek from, ServiceWeek to) {
            return List.of(new FeedbackComment(ServiceWeek.of(MONDAY), FI, "Kiitos avusta"));
        }
    });

    private static DayTally day(LocalDate date, VisitTraits traits, long served, long noShows, Map<Integer, Long> waits) {
        List<Long> hours = new ArrayList<>(java.util.Collections.nCopies(24, 0L));
        hours.set(9, served + noShows);
        return new DayTally(date, traits, served, noShows, 0, hours, waits, traits.interpreterUsed() ? served : 0,
                traits.interpreterUsed() ? served : 0);
    }

    private static WeekTally answered(VisitTraits traits, long responses, int helpedPoint) {
        List<Long> points = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L));
        points.set(helpedPoint - 1, responses);
        return new WeekTally(ServiceWeek.of(MONDAY), traits, responses, responses, Map.of(FeedbackQuestion.HELPED, points));
    }

    @Test
    void visits_areSummedPerDayAndGroup_withWaitsFromTheirSpread() {
        days.add(day(MONDAY, FI, 8, 1, Map.of(5, 4L, 10, 4L, 60, 1L)));
        days.add(day(MONDAY.plusDays(2), AR, 2, 0, Map.of(20, 2L)));

        SiteReport report = reports.report(SITE, MONDAY, MONDAY.plusDays(6));

        assertEquals(10, report.visits().served());
        assertEquals(1, report.visits().noShows());
        assertEquals(7, report.visits().perDay().size(), "every day of the period, visits or not");
        assertEquals(0, report.visits().perDay().get(1).served());
        assertEquals(11, report.visits().joinedByHour().get(9));
        assertEquals(Optional.of(10), report.visits().medianWaitMinutes(), "the 6th of 11 waits");
        assertEquals(Optional.of(20), report.visits().p90WaitMinutes(), "the 10th of 11 waits");
        assertEquals(List.of("ar", "fi"), report.visits().byLanguage().stream().map(SiteReport.Breakdown::group).toList());
        assertEquals(List.of("KELA", Reports.NO_TOPIC),
                report.visits().byTopic().stream().map(SiteReport.Breakdown::group).toList());
        assertEquals(new SiteReport.Interpreting(2, 2), report.interpreters());
    }

    @Test
    void feedbackOfFewerThanFiveAnswers_isNotShown_norAreItsComments() {
        weeks.add(answered(FI, 4, 5));

        SiteReport.Feedback feedback = reports.report(SITE, MONDAY, MONDAY.plusDays(6)).feedback();

        assertTrue(feedback.suppressed());
        assertEquals(4, feedback.responses());
        assertTrue(feedback.questions().isEmpty() && feedback.comments().isEmpty() && feedback.byLanguage().isEmpty());
    }

    @Test
    void aGroupOfFewerThanFiveAnswers_isLeftOutOfTheBreakdowns_whileTheWholeIsShown() {
        weeks.add(answered(FI, 5, 4));
        weeks.add(answered(AR, 2, 1));

        SiteReport.Feedback feedback = reports.report(SITE, MONDAY, MONDAY.plusDays(6)).feedback();

        assertFalse(feedback.suppressed());
        assertEquals(7, feedback.responses());
        SiteReport.Question helped = feedback.questions().get(0);
        assertEquals("helped", helped.question());
        assertEquals(List.of(2L, 0L, 0L, 5L, 0L), helped.points());
        assertEquals(Optional.of(3.1), helped.average());
        assertEquals(List.of("fi"), feedback.byLanguage().stream().map(SiteReport.FeedbackGroup::group).toList(),
                "two Arabic answers would point at two people");
        assertEquals(List.of(Reports.WITHOUT_INTERPRETER),
                feedback.byInterpreter().stream().map(SiteReport.FeedbackGroup::group).toList());
        assertEquals(1, feedback.comments().size());
        assertEquals(Optional.of(1.0), feedback.responseRate());
    }

    @Test
    void aPeriodThatEndsBeforeItStarts_orIsLongerThanAYear_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> reports.report(SITE, MONDAY, MONDAY.minusDays(1)));
        assertThrows(IllegalArgumentException.class, () -> reports.report(SITE, MONDAY, MONDAY.plusDays(366)));
        assertEquals(LocalDate.of(2027, 11, 30), reports.report(SITE, MONDAY, MONDAY.plusDays(365)).to());
    }

    @Test
    void aVisitCount_keepsWaitsWithinItsCap() {
        VisitCount count = new VisitCount(TicketStatus.SERVED, 9, Optional.of(10_000), false, false);
        assertEquals(Optional.of(VisitCount.MAX_WAIT_MINUTES), count.waitMinutes());
        assertThrows(IllegalArgumentException.class,
                () -> new VisitCount(TicketStatus.WAITING, 9, Optional.empty(), false, false));
    }
}
