package fi.vuoro.domain.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.staff.StaffRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A site's exceptions to its hours, how long it keeps visits, and its version: what is kept and what is refused. */
class SiteAdminRulesTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();
    private static final StaffMember COORDINATOR = new StaffMember("coordinator", Set.of(), Set.of("hervanta"));
    /** Tuesday 24 November 2026, 12:00 in Helsinki. */
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemorySites store = new InMemorySites();
    private final SiteAdmin admin = new SiteAdmin(store, CATALOGUE, CLOCK, Duration.ofHours(24));

    private static SiteSettings form(List<SiteSettings.DayException> exceptions, Integer retentionHours, Long version) {
        return new SiteSettings("Hervanta", "+358401110001", "Europe/Helsinki",
                Map.of("mon", List.of("09:00-16:00"), "tue", List.of("09:00-16:00")), Set.of("fi", "en"), null, null,
                null, null, null, null, null, null, null, exceptions, retentionHours, version);
    }

    private static SiteSettings.DayException exception(String date, List<String> hours, Map<String, String> note) {
        return new SiteSettings.DayException(date, hours, note);
    }

    private static SiteSettings withExceptions(SiteSettings.DayException... exceptions) {
        return form(Arrays.asList(exceptions), null, null);
    }

    private String refusal(SiteSettings form) {
        return refusal(() -> admin.save(COORDINATOR, "hervanta", form), StaffRequestException.Reason.INVALID);
    }

    private static String refusal(Executable save, StaffRequestException.Reason reason) {
        StaffRequestException e = assertThrows(StaffRequestException.class, save);
        assertEquals(reason, e.reason(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void save_shouldKeepExceptions_andTheCalendarShouldFollowThem() {
        admin.save(COORDINATOR, "hervanta", withExceptions(
                exception("2026-11-24", List.of(), Map.of("en", "Closed today: staff training", "fi", "Suljettu tänään")),
                exception(" 2026-11-30 ", List.of("13:00-16:00", "10:00-12:00"), null)));

        Site site = store.findById("hervanta").orElseThrow();
        OpeningCalendar calendar = site.calendar();
        ZonedDateTime tuesdayNoon = NOW.atZone(Site.ZONE);
        assertTrue(!calendar.isOpen(tuesdayNoon), "closed today although Tuesday's hours say open");
        assertEquals(Optional.of(ZonedDateTime.parse("2026-11-30T10:00+02:00[Europe/Helsinki]")),
                calendar.nextOpening(tuesdayNoon), "Monday's exception replaces its 09:00 opening");
        assertEquals(Optional.of("Suljettu tänään"), calendar.exceptionOn(tuesdayNoon.toLocalDate())
                .flatMap(e -> e.noteIn("fi")));
        assertEquals(Optional.of("Closed today: staff training"), calendar.exceptionOn(tuesdayNoon.toLocalDate())
                .flatMap(e -> e.noteIn("ar")), "a language without a note gets the English one");
        assertEquals(Optional.empty(), calendar.exceptionOn(LocalDate.parse("2026-11-30")).flatMap(e -> e.noteIn("fi")));
        assertEquals(List.of(new SiteSettings.DayException("2026-11-24", List.of(),
                        Map.of("en", "Closed today: staff training", "fi", "Suljettu tänään")),
                new SiteSettings.DayException("2026-11-30", List.of("10:00-12:00", "13:00-16:00"), Map.of())),
                admin.settings(COORDINATOR, "hervanta").exceptions());
    }

    @Test
    void save_shouldRefuseAnExceptionsDate_notWrittenAsADate_namingWhichOne() {
        assertEquals("exceptions[1].date: \"24.12.2026\" is not a date like 2026-12-24", refusal(withExceptions(
                exception("2026-12-23", List.of(), null), exception("24.12.2026", List.of(), null))));
        assertEquals("exceptions[0].date: required", refusal(withExceptions(exception(null, List.of(), null))));
        assertEquals("exceptions[0]: required", refusal(withExceptions((SiteSettings.DayException) null)));
        assertEquals(Optional.empty(), store.findById("hervanta"));
    }

    @Test
    void save_shouldRefuseAnExceptionInThePast_orMoreThanAYearAhead() {
        assertEquals("exceptions[0].date: 2026-11-23 has passed; an exception is for today (2026-11-24) or later",
                refusal(withExceptions(exception("2026-11-23", List.of(), null))));
        assertEquals("exceptions[0].date: 2027-11-26 is more than 366 days ahead",
                refusal(withExceptions(exception("2027-11-26", List.of(), null))));
        admin.save(COORDINATOR, "hervanta", withExceptions(exception("2027-11-25", List.of(), null)));
    }

    @Test
    void save_shouldRefuseADateGivenTwice() {
        assertEquals("exceptions[1].date: 2026-12-24 is given twice; give each date once", refusal(withExceptions(
                exception("2026-12-24", List.of(), null), exception("2026-12-24", List.of("09:00-12:00"), null))));
    }

    @Test
    void save_shouldRefuseAnExceptionsHours_likeAWeekdays() {
        assertEquals("exceptions[0].hours: 09:00-13:30 and 13:00-16:00 overlap", refusal(withExceptions(
                exception("2026-12-24", List.of("13:00-16:00", "09:00-13:30"), null))));
        assertEquals("exceptions[0].hours: 16:00-09:00 ends before it starts", refusal(withExceptions(
                exception("2026-12-24", List.of("16:00-09:00"), null))));
        assertTrue(refusal(withExceptions(exception("2026-12-24", List.of("9-12"), null)))
                .startsWith("exceptions[0].hours: \"9-12\" is not a period like 09:00-16:00"));
        assertEquals("exceptions[0].hours: required", refusal(withExceptions(exception("2026-12-24", null, null))));
    }

    @Test
    void save_shouldRefuseANote_inALanguageTheCatalogueLacks_orTooLongOrEmpty() {
        assertTrue(refusal(withExceptions(exception("2026-12-24", List.of(), Map.of("tlh", "Qapla'"))))
                .startsWith("exceptions[0].note: unknown language \"tlh\"; known: "));
        assertEquals("exceptions[0].note.fi: at most 100 characters (it is sent with the closed reply)",
                refusal(withExceptions(exception("2026-12-24", List.of(), Map.of("fi", "ä".repeat(101))))));
        assertEquals("exceptions[0].note.en: the note is empty; leave the language out instead",
                refusal(withExceptions(exception("2026-12-24", List.of(), Map.of("en", " ")))));
        admin.save(COORDINATOR, "hervanta", withExceptions(exception("2026-12-24", List.of(),
                Map.of("ar", "م".repeat(100)))));
    }

    @Test
    void save_shouldKeepExceptionsLeftOut_exceptThoseWhoseDayHasPassed() {
        admin.save(COORDINATOR, "hervanta", withExceptions(exception("2026-11-24", List.of(), null),
                exception("2026-12-24", List.of(), null)));
        SiteAdmin nextWeek = new SiteAdmin(store, CATALOGUE, Clock.offset(CLOCK, Duration.ofDays(7)),
                Duration.ofHours(24));

        assertEquals(List.of("2026-12-24"), nextWeek.settings(COORDINATOR, "hervanta").exceptions().stream()
                .map(SiteSettings.DayException::date).toList(), "a past exception is not shown");
        SiteAdmin.Saved saved = nextWeek.save(COORDINATOR, "hervanta", form(null, null, null));

        assertEquals(List.of("2026-12-24"), saved.settings().exceptions().stream()
                .map(SiteSettings.DayException::date).toList());
    }

    @Test
    void save_shouldGiveANewSiteTheDeploymentsRetention_cappedAt72Hours() {
        assertEquals(24, admin.save(COORDINATOR, "hervanta", form(null, null, null)).settings().retentionHours());
        assertEquals(Duration.ofHours(24), store.findById("hervanta").orElseThrow().retention());

        InMemorySites other = new InMemorySites();
        new SiteAdmin(other, CATALOGUE, CLOCK, Duration.ofHours(200)).save(COORDINATOR, "hervanta", form(null, null,
                null));
        assertEquals(Duration.ofHours(72), other.findById("hervanta").orElseThrow().retention());
    }

    @Test
    void save_shouldKeepTheSitesRetention_within1To72Hours() {
        assertEquals(6, admin.save(COORDINATOR, "hervanta", form(null, 6, null)).settings().retentionHours());
        assertEquals(6, admin.save(COORDINATOR, "hervanta", form(null, null, null)).settings().retentionHours(),
                "left out keeps it");

        assertEquals("retentionHours: a whole number from 1 to 72", refusal(form(null, 0, null)));
        assertEquals("retentionHours: a whole number from 1 to 72", refusal(form(null, 73, null)));
        assertEquals(Duration.ofHours(6), store.findById("hervanta").orElseThrow().retention());
    }

    @Test
    void save_shouldCountTheSitesSaves_andRefuseAStaleVersion() {
        assertEquals(1L, admin.save(COORDINATOR, "hervanta", form(null, null, null)).settings().version());
        assertEquals(2L, admin.save(COORDINATOR, "hervanta", form(null, 10, 1L)).settings().version());

        String message = refusal(() -> admin.save(COORDINATOR, "hervanta", form(null, 20, 1L)),
                StaffRequestException.Reason.CONFLICT);

        assertEquals("The site's settings were changed meanwhile: reload and try again", message);
        assertEquals(Duration.ofHours(10), store.findById("hervanta").orElseThrow().retention(), "nothing changed");
        assertEquals(3L, admin.save(COORDINATOR, "hervanta", form(null, 30, null)).settings().version(),
                "without a version the write wins");
    }
}
