package fi.vuoro.staff;

import static fi.vuoro.staff.ReportFixtures.KELA_ARABIC;
import static fi.vuoro.staff.ReportFixtures.SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.domain.feedback.FeedbackService;
import fi.vuoro.domain.feedback.FeedbackTokens;
import fi.vuoro.domain.feedback.InterpreterUse;
import fi.vuoro.domain.feedback.VolunteerOffer;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.report.Reports;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.staff.NotSignedInException;
import fi.vuoro.domain.staff.SiteAccessDeniedException;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.staff.StaffRequestException;
import fi.vuoro.domain.testing.InMemoryFeedback;
import fi.vuoro.platform.auth.StaffAuthenticator;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportsControllerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final Map<String, StaffMember> STAFF = Map.of(
            "Bearer coordinator", new StaffMember("coordinator", Set.of(), Set.of("demo")),
            "Bearer anna", new StaffMember("anna", Set.of("demo")));

    private final ReportFixtures.Tallies tallies = new ReportFixtures.Tallies();
    private final StaffAuthenticator authenticator = header -> Optional.ofNullable(header == null ? null : STAFF.get(header))
            .orElseThrow(() -> new NotSignedInException("Not signed in"));
    private final SiteDirectory sites = new SiteDirectory() {
        @Override
        public Optional<Site> findByNumber(String e164Number) {
            return Optional.empty();
        }

        @Override
        public Optional<Site> findById(String siteId) {
            return SITE.id().equals(siteId) ? Optional.of(SITE) : Optional.empty();
        }

        @Override
        public List<Site> all() {
            return List.of(SITE);
        }
    };
    private final InMemoryFeedback feedbackStore = new InMemoryFeedback();
    private final FeedbackService feedback = new FeedbackService(feedbackStore,
            new FeedbackTokens(() -> "a key of sixteen bytes at least".getBytes(StandardCharsets.UTF_8)), sites,
            InterpreterUse.never(), MessageCatalogue.loadDefault(),
            FeedbackService.Settings.withDefaults("http://localhost:8080"));
    private final Clock clock = Clock.fixed(DAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private final ReportsController controller = new ReportsController(authenticator, sites, new Reports(tallies),
            feedback, clock);

    @Test
    void volunteers_shouldListTheKeptOffersWithTheirContacts_toCoordinatorsOnly() {
        Instant now = clock.instant();
        feedbackStore.volunteers.add(new VolunteerOffer("demo", "ar", "+358401234567", now.minusSeconds(86_400),
                now.plusSeconds(86_400 * 300L)));
        feedbackStore.volunteers.add(new VolunteerOffer("demo", "fi", "old@example.org", now.minusSeconds(86_400 * 400L),
                now.minusSeconds(86_400 * 35L)));
        feedbackStore.volunteers.add(new VolunteerOffer("other", "fi", "elsewhere@example.org", now, now.plusSeconds(60)));

        HttpResponse<List<ReportsController.VolunteerView>> response = controller.volunteers("Bearer coordinator", "demo");

        assertEquals(List.of(new ReportsController.VolunteerView("+358401234567", "ar", "2026-11-23", "2027-09-20")),
                response.body(), "only this site's, and only while kept");
        assertEquals("no-store", response.header(HttpHeaders.CACHE_CONTROL));
        assertThrows(SiteAccessDeniedException.class, () -> controller.volunteers("Bearer anna", "demo"),
                "staff who do not coordinate the site never see a contact");
    }

    @Test
    void report_shouldGiveTheSiteReportShape_withEmptyFiguresAsNull() throws Exception {
        tallies.day(DAY, KELA_ARABIC, 6, 1, 12).answers(DAY, KELA_ARABIC, 6, 5, 4);

        HttpResponse<ReportView> response = controller.report("Bearer coordinator", "demo", "2026-11-23", "2026-11-24");

        JsonNode json = new ObjectMapper().valueToTree(response.body());
        assertEquals("no-store", response.header(HttpHeaders.CACHE_CONTROL));
        assertEquals("2026-11-23", json.path("from").asText());
        assertEquals(6, json.path("visits").path("served").asLong());
        assertEquals(1, json.path("visits").path("noShows").asLong());
        assertEquals(2, json.path("visits").path("perDay").size());
        assertEquals("2026-11-23", json.path("visits").path("perDay").get(0).path("date").asText());
        assertEquals(24, json.path("visits").path("joinedByHour").size());
        assertEquals(12, json.path("visits").path("p90WaitMinutes").asInt());
        assertEquals(5, json.path("feedback").path("responses").asLong());
        assertEquals(false, json.path("feedback").path("suppressed").asBoolean());
        JsonNode helped = json.path("feedback").path("questions").get(0);
        assertEquals("helped", helped.path("question").asText());
        assertEquals("[0,0,0,5,0]", helped.path("points").toString());
        assertEquals(4.0, helped.path("average").asDouble());
        assertEquals("ar", json.path("feedback").path("byLanguage").get(0).path("group").asText());
    }

    @Test
    void report_shouldGiveNull_whereThePeriodHasNoFigure() {
        JsonNode json = new ObjectMapper().valueToTree(
                controller.report("Bearer coordinator", "demo", "2026-11-24", "2026-11-24").body());

        assertTrue(json.path("visits").path("medianWaitMinutes").isNull());
        assertTrue(json.path("feedback").path("responseRate").isNull());
        assertTrue(json.path("feedback").path("suppressed").asBoolean());
        assertEquals(0, json.path("feedback").path("questions").size());
    }

    @Test
    void report_shouldRefuseStaffWhoDoNotCoordinateTheSite() {
        SiteAccessDeniedException e = assertThrows(SiteAccessDeniedException.class,
                () -> controller.report("Bearer anna", "demo", "2026-11-24", "2026-11-24"));
        assertEquals("Only a coordinator of site demo can do this", e.getMessage());
    }

    @Test
    void report_shouldSayNotFound_whenTheSiteDoesNotExist() {
        StaffRequestException e = assertThrows(StaffRequestException.class,
                () -> controller.report("Bearer coordinator", "nowhere", "2026-11-24", "2026-11-24"));
        assertEquals(StaffRequestException.Reason.NOT_FOUND, e.reason());
    }

    @Test
    void report_shouldNeedASignIn() {
        assertThrows(NotSignedInException.class, () -> controller.report(null, "demo", "2026-11-24", "2026-11-24"));
    }

    @Test
    void report_shouldCheckWhoAsksBeforeWhatIsAsked_whenAStaffMemberSendsBadDates() {
        assertThrows(SiteAccessDeniedException.class, () -> controller.report("Bearer anna", "demo", "x", null));
        StaffRequestException e = assertThrows(StaffRequestException.class,
                () -> controller.report("Bearer coordinator", "demo", "x", null));
        assertEquals(StaffRequestException.Reason.INVALID, e.reason());
    }

    @Test
    void csv_shouldBeAnAttachmentNamedForTheSiteAndPeriod() {
        tallies.day(DAY, KELA_ARABIC, 2, 0, 5);

        HttpResponse<String> response = controller.csv("Bearer coordinator", "demo", "2026-11-01", "2026-11-24");

        assertEquals("text/csv; charset=utf-8", response.getContentType().orElseThrow().toString());
        assertEquals("attachment; filename=\"vuoro-demo-2026-11-01-2026-11-24.csv\"",
                response.header(HttpHeaders.CONTENT_DISPOSITION));
        assertTrue(response.body().startsWith(ReportCsv.HEADER + "\r\n"));
        assertTrue(response.body().contains("\r\nvisits,all,served,2\r\n"));
    }

    @Test
    void csv_shouldRefuseStaffWhoDoNotCoordinateTheSite() {
        assertThrows(SiteAccessDeniedException.class,
                () -> controller.csv("Bearer anna", "demo", "2026-11-01", "2026-11-24"));
    }
}
