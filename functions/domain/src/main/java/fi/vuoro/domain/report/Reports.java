package fi.vuoro.domain.report;

import fi.vuoro.domain.feedback.FeedbackQuestion;
import fi.vuoro.domain.feedback.ServiceWeek;
import fi.vuoro.domain.feedback.VisitTraits;
import fi.vuoro.domain.site.Site;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Makes a site's report of a period from its tallies: two reads, whatever the length of the period. */
public final class Reports {

    /** The longest period a report covers. */
    public static final int MAX_DAYS = 366;
    public static final String WITH_INTERPRETER = "with";
    public static final String WITHOUT_INTERPRETER = "without";
    public static final String NO_TOPIC = "none";

    private final ReportStore store;

    public Reports(ReportStore store) {
        this.store = store;
    }

    /**
     * The report of {@code from} to {@code to}, both included; feedback counts by the service weeks those days fall
     * in.
     *
     * @throws IllegalArgumentException if the period ends before it starts or is longer than {@link #MAX_DAYS}
     */
    public SiteReport report(Site site, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends before it starts: from " + from + " to " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("A report covers at most " + MAX_DAYS + " days");
        }
        List<DayTally> days = store.days(site.id(), from, to);
        ServiceWeek firstWeek = ServiceWeek.of(from);
        ServiceWeek lastWeek = ServiceWeek.of(to);
        List<WeekTally> weeks = store.weeks(site.id(), firstWeek, lastWeek);
        SiteReport.Feedback feedback = feedback(weeks);
        List<SiteReport.Comment> comments = feedback.suppressed() ? List.of()
                : store.comments(site.id(), firstWeek, lastWeek).stream()
                        .map(comment -> new SiteReport.Comment(comment.week().toString(), comment.text())).toList();
        return new SiteReport(site.id(), site.name(), from, to, visits(days, from, to), interpreting(days),
                new SiteReport.Feedback(feedback.invited(), feedback.responses(), feedback.responseRate(),
                        feedback.suppressed(), feedback.minimumGroup(), feedback.questions(), feedback.byTopic(),
                        feedback.byLanguage(), feedback.byInterpreter(), comments));
    }

    private static SiteReport.Visits visits(List<DayTally> days, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, long[]> perDay = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            perDay.put(day, new long[3]);
        }
        long[] byHour = new long[24];
        for (DayTally tally : days) {
            long[] counts = perDay.computeIfAbsent(tally.day(), d -> new long[3]);
            counts[0] += tally.served();
            counts[1] += tally.noShows();
            counts[2] += tally.left();
            for (int hour = 0; hour < 24; hour++) {
                byHour[hour] += tally.joinedByHour().get(hour);
            }
        }
        Totals all = Totals.of(days);
        List<Long> hours = new ArrayList<>();
        for (long count : byHour) {
            hours.add(count);
        }
        return new SiteReport.Visits(all.served, all.noShows, all.left,
                perDay.entrySet().stream().map(e -> new SiteReport.Day(e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2])).toList(),
                hours, all.percentile(50), all.percentile(90),
                breakdown(days, tally -> tally.traits().topic().orElse(NO_TOPIC)),
                breakdown(days, tally -> tally.traits().language()),
                breakdown(days, tally -> interpreterGroup(tally.traits())));
    }

    private static List<SiteReport.Breakdown> breakdown(List<DayTally> days, Function<DayTally, String> group) {
        TreeMap<String, List<DayTally>> groups = new TreeMap<>();
        days.forEach(tally -> groups.computeIfAbsent(group.apply(tally), g -> new ArrayList<>()).add(tally));
        return groups.entrySet().stream().map(e -> {
            Totals totals = Totals.of(e.getValue());
            return new SiteReport.Breakdown(e.getKey(), totals.served, totals.noShows, totals.left,
                    totals.percentile(50), totals.percentile(90));
        }).toList();
    }

    private static SiteReport.Interpreting interpreting(List<DayTally> days) {
        return new SiteReport.Interpreting(days.stream().mapToLong(DayTally::interpreterRequests).sum(),
                days.stream().mapToLong(DayTally::interpretersFound).sum());
    }

    private static SiteReport.Feedback feedback(List<WeekTally> weeks) {
        long invited = weeks.stream().mapToLong(WeekTally::invited).sum();
        long responses = weeks.stream().mapToLong(WeekTally::responses).sum();
        Optional<Double> rate = invited == 0 ? Optional.empty()
                : Optional.of(Math.min(1.0, (double) responses / invited));
        boolean suppressed = responses < SiteReport.MINIMUM_GROUP;
        if (suppressed) {
            return new SiteReport.Feedback(invited, responses, rate, true, SiteReport.MINIMUM_GROUP, List.of(),
                    List.of(), List.of(), List.of(), List.of());
        }
        return new SiteReport.Feedback(invited, responses, rate, false, SiteReport.MINIMUM_GROUP, questions(weeks),
                feedbackGroups(weeks, tally -> tally.traits().topic().orElse(NO_TOPIC)),
                feedbackGroups(weeks, tally -> tally.traits().language()),
                feedbackGroups(weeks, tally -> interpreterGroup(tally.traits())), List.of());
    }

    /** Only groups with enough answers; a group too small to show is left out altogether. */
    private static List<SiteReport.FeedbackGroup> feedbackGroups(List<WeekTally> weeks,
                                                                 Function<WeekTally, String> group) {
        TreeMap<String, List<WeekTally>> groups = new TreeMap<>();
        weeks.forEach(tally -> groups.computeIfAbsent(group.apply(tally), g -> new ArrayList<>()).add(tally));
        List<SiteReport.FeedbackGroup> shown = new ArrayList<>();
        groups.forEach((name, tallies) -> {
            long responses = tallies.stream().mapToLong(WeekTally::responses).sum();
            if (responses >= SiteReport.MINIMUM_GROUP) {
                shown.add(new SiteReport.FeedbackGroup(name, responses, questions(tallies)));
            }
        });
        return shown;
    }

    private static List<SiteReport.Question> questions(List<WeekTally> weeks) {
        Map<FeedbackQuestion, long[]> sums = new EnumMap<>(FeedbackQuestion.class);
        for (FeedbackQuestion question : FeedbackQuestion.values()) {
            sums.put(question, new long[5]);
        }
        for (WeekTally tally : weeks) {
            tally.points().forEach((question, points) -> {
                long[] sum = sums.get(question);
                for (int i = 0; i < 5 && i < points.size(); i++) {
                    sum[i] += points.get(i);
                }
            });
        }
        List<SiteReport.Question> questions = new ArrayList<>();
        sums.forEach((question, sum) -> {
            long answers = 0;
            long total = 0;
            List<Long> points = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers += sum[i];
                total += sum[i] * (i + 1);
                points.add(sum[i]);
            }
            Optional<Double> average = answers == 0 ? Optional.empty()
                    : Optional.of(Math.round(10.0 * total / answers) / 10.0);
            questions.add(new SiteReport.Question(question.field(), answers, points, average));
        });
        return questions;
    }

    private static String interpreterGroup(VisitTraits traits) {
        return traits.interpreterUsed() ? WITH_INTERPRETER : WITHOUT_INTERPRETER;
    }

    /** Sums of tallies, with the waits of every visit that was called. */
    private static final class Totals {
        long served;
        long noShows;
        long left;
        final TreeMap<Integer, Long> waits = new TreeMap<>();

        static Totals of(List<DayTally> tallies) {
            Totals totals = new Totals();
            for (DayTally tally : tallies) {
                totals.served += tally.served();
                totals.noShows += tally.noShows();
                totals.left += tally.left();
                tally.waits().forEach((minutes, count) -> totals.waits.merge(minutes, count, Long::sum));
            }
            return totals;
        }

        /** The wait in whole minutes that {@code percent} % of called visitors waited at most (nearest rank). */
        Optional<Integer> percentile(int percent) {
            long count = waits.values().stream().mapToLong(Long::longValue).sum();
            if (count == 0) {
                return Optional.empty();
            }
            long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * count));
            long seen = 0;
            for (Map.Entry<Integer, Long> wait : waits.entrySet()) {
                seen += wait.getValue();
                if (seen >= rank) {
                    return Optional.of(wait.getKey());
                }
            }
            return Optional.of(waits.lastKey());
        }
    }
}
