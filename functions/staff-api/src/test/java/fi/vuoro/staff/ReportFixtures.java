package fi.vuoro.staff;

import fi.vuoro.domain.feedback.FeedbackQuestion;
import fi.vuoro.domain.feedback.ServiceWeek;
import fi.vuoro.domain.feedback.VisitTraits;
import fi.vuoro.domain.report.DayTally;
import fi.vuoro.domain.report.FeedbackComment;
import fi.vuoro.domain.report.ReportStore;
import fi.vuoro.domain.report.VisitCount;
import fi.vuoro.domain.report.WeekTally;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A site and the tallies of its report, kept in memory. */
final class ReportFixtures {

    static final Site SITE = new Site("demo", "Vuoro Demo", "+358500000001", OpeningHours.always(), Set.of("fi"),
            Duration.ofMinutes(10), 2, 'A', Set.of("kela", "housing"));
    static final VisitTraits KELA_ARABIC = new VisitTraits(Optional.of("kela"), "ar", true);

    private ReportFixtures() {
    }

    /** Holds what a test puts in; answers reads of a site's days and weeks. */
    static final class Tallies implements ReportStore {
        final List<DayTally> days = new ArrayList<>();
        final List<WeekTally> weeks = new ArrayList<>();
        final List<FeedbackComment> comments = new ArrayList<>();

        /** {@code served} visits at ten o'clock who waited {@code waited} minutes, and {@code noShows}. */
        Tallies day(LocalDate day, VisitTraits traits, long served, long noShows, int waited) {
            List<Long> hours = new ArrayList<>(Collections.nCopies(24, 0L));
            hours.set(10, served + noShows);
            days.add(new DayTally(day, traits, served, noShows, 0, hours, Map.of(waited, served + noShows),
                    traits.interpreterUsed() ? served : 0, traits.interpreterUsed() ? served : 0));
            return this;
        }

        /** {@code responses} answers, each of them {@code point} to every question. */
        Tallies answers(LocalDate day, VisitTraits traits, long invited, long responses, int point) {
            List<Long> points = new ArrayList<>(Collections.nCopies(5, 0L));
            points.set(point - 1, responses);
            weeks.add(new WeekTally(ServiceWeek.of(day), traits, invited, responses,
                    Map.of(FeedbackQuestion.HELPED, points, FeedbackQuestion.UNDERSTOOD, points,
                            FeedbackQuestion.KNOWS, points)));
            return this;
        }

        Tallies comment(LocalDate day, String text) {
            comments.add(new FeedbackComment(ServiceWeek.of(day), KELA_ARABIC, text));
            return this;
        }

        @Override
        public void countVisit(String siteId, LocalDate day, VisitTraits traits, VisitCount count) {
            throw new UnsupportedOperationException("reports only read");
        }

        @Override
        public List<DayTally> days(String siteId, LocalDate from, LocalDate to) {
            return days.stream().filter(d -> !d.day().isBefore(from) && !d.day().isAfter(to)).toList();
        }

        @Override
        public List<WeekTally> weeks(String siteId, ServiceWeek from, ServiceWeek to) {
            return weeks.stream().filter(w -> w.week().compareTo(from) >= 0 && w.week().compareTo(to) <= 0).toList();
        }

        @Override
        public List<FeedbackComment> comments(String siteId, ServiceWeek from, ServiceWeek to) {
            return comments.stream().filter(c -> c.week().compareTo(from) >= 0 && c.week().compareTo(to) <= 0).toList();
        }
    }
}
