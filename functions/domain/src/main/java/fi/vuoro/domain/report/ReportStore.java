package fi.vuoro.domain.report;

import fi.vuoro.domain.feedback.ServiceWeek;
import fi.vuoro.domain.feedback.VisitTraits;
import java.time.LocalDate;
import java.util.List;

/**
 * The tallies reports are made of, kept per site and day (visits) or week (feedback) as things happen, so a year of
 * reports is a handful of reads, never a read of every ticket.
 */
public interface ReportStore {

    /** Adds one ended visit to the site's tally of the day for its traits. */
    void countVisit(String siteId, LocalDate day, VisitTraits traits, VisitCount count);

    /** The site's daily tallies from {@code from} to {@code to}, both included. */
    List<DayTally> days(String siteId, LocalDate from, LocalDate to);

    /** The site's weekly feedback tallies from {@code from} to {@code to}, both included. */
    List<WeekTally> weeks(String siteId, ServiceWeek from, ServiceWeek to);

    /** The comments of the site's answers of those weeks. */
    List<FeedbackComment> comments(String siteId, ServiceWeek from, ServiceWeek to);
}
