package fi.vuoro.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.feedback.FeedbackInvitation;
import fi.vuoro.domain.feedback.FeedbackQuestion;
import fi.vuoro.domain.feedback.FeedbackService;
import fi.vuoro.domain.feedback.FeedbackSubmission;
import fi.vuoro.domain.feedback.FeedbackTokens;
import fi.vuoro.domain.feedback.InterpreterUse;
import fi.vuoro.domain.feedback.ServiceWeek;
import fi.vuoro.domain.feedback.VisitTraits;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.testing.InMemoryFeedback;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedbackFormControllerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();
    private static final FeedbackTokens TOKENS =
            new FeedbackTokens(() -> "feedback-form-test-key".getBytes(StandardCharsets.UTF_8));
    private static final Site SITE = new Site("demo", "Kotouttamo & Co's", "+358500000999", OpeningHours.always(),
            Set.of("fi"), Duration.ofMinutes(15), 1, 'A', Set.of());

    private final InMemoryFeedback store = new InMemoryFeedback();
    private final FeedbackService service = new FeedbackService(store, TOKENS, new OneSite(), InterpreterUse.never(),
            CATALOGUE, FeedbackService.Settings.withDefaults("http://localhost:8080"));
    private final FeedbackFormController controller = new FeedbackFormController(service,
            new FeedbackPageRenderer(CATALOGUE), CATALOGUE, Clock.fixed(NOW, ZoneOffset.UTC));

    /** A link as a served visit gets it, open for a week. */
    private String invite(String language) {
        LocalDate lastDay = LocalDate.of(2026, 12, 1);
        String token = TOKENS.issue(language, lastDay);
        store.invite(new FeedbackInvitation(FeedbackTokens.hash(token), SITE.id(), ServiceWeek.of(lastDay),
                new VisitTraits(Optional.empty(), language, false), lastDay.plusDays(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC)), Optional.empty(), Optional.empty());
        return token;
    }

    @Test
    void open_shouldAnswer200WithTheFormInTheLinksLanguage_andHeadersThatKeepTheTokenPrivate() {
        HttpResponse<String> response = controller.open(invite("ar"), null);

        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals("text/html; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
        assertEquals("no-referrer", response.getHeaders().get("Referrer-Policy"));
        assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"));
        assertEquals("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'", response.getHeaders().get("Content-Security-Policy"));
        String html = response.body();
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"), html);
        assertTrue(html.contains("Kotouttamo &amp; Co&#39;s"), "the site's name, escaped: " + html);
    }

    @Test
    void submit_shouldThankAndStoreTheAnswerOnce_thenSayAlreadyAnswered_whenSentAgain() {
        String token = invite("fi");
        Map<String, String> form = Map.of("helped", "5", "understood", "4", "knows", "3", "comment", "Kiitos",
                "contact", "");

        HttpResponse<String> first = controller.submit(token, null, form);
        HttpResponse<String> second = controller.submit(token, null, form);
        HttpResponse<String> reopened = controller.open(token, null);

        assertEquals(HttpStatus.OK, first.getStatus());
        assertTrue(first.body().contains("<h1>Kiitos!</h1>"), first.body());
        assertEquals(1, store.answers.size());
        assertEquals(Map.of(FeedbackQuestion.HELPED, 5, FeedbackQuestion.UNDERSTOOD, 4, FeedbackQuestion.KNOWS, 3),
                store.answers.get(0).answers().scores());
        assertTrue(store.volunteers.isEmpty(), "the advisor box was not ticked");
        for (HttpResponse<String> again : List.of(second, reopened)) {
            assertEquals(HttpStatus.OK, again.getStatus());
            assertTrue(again.body().contains("<h1>Olet jo vastannut. Kiitos!</h1>"), again.body());
            assertEquals("no-store", again.getHeaders().get("Cache-Control"));
        }
        assertEquals(1, store.answers.size(), "a second submit changes nothing");
    }

    @Test
    void submit_shouldAnswer422WithTheFormAndTheProblem_whenNothingWasAnswered() {
        String token = invite("fi");

        HttpResponse<String> response = controller.submit(token, null, Map.of("comment", "", "contact", ""));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, response.getStatus());
        assertTrue(response.body().contains("role=\"alert\">Vastaa ainakin yhteen kysymykseen.</p>"), response.body());
        assertTrue(store.answers.isEmpty());
        assertEquals(HttpStatus.OK, controller.open(token, null).getStatus(), "the link stays open");
    }

    @Test
    void submit_shouldAnswer422KeepingTheChoices_whenTheAdvisorBoxIsTickedWithoutAContact() {
        String token = invite("fi");

        HttpResponse<String> response = controller.submit(token, null,
                Map.of("helped", "2", "volunteer", "yes", "contact", "  "));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, response.getStatus());
        assertTrue(response.body().contains("value=\"2\" checked>"), response.body());
        assertTrue(response.body().contains("aria-invalid=\"true\""), response.body());
        assertTrue(store.answers.isEmpty());
    }

    @Test
    void submit_shouldStoreTheVolunteerOffer_whenTheBoxIsTickedWithAContact() {
        HttpResponse<String> response = controller.submit(invite("so"), null,
                Map.of("volunteer", "yes", "contact", "amina@example.org"));

        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals(1, store.volunteers.size());
        assertEquals("amina@example.org", store.volunteers.get(0).contact());
    }

    @Test
    void submit_shouldTakeAnEmptyPost_asNothingAnswered() {
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, controller.submit(invite("fi"), null, null).getStatus());
    }

    @Test
    void open_shouldAnswer410InTheLinksLanguage_whenTheLinkHasExpired() {
        String token = TOKENS.issue("ru", LocalDate.of(2026, 11, 23));

        HttpResponse<String> response = controller.open(token, null);

        assertEquals(HttpStatus.GONE, response.getStatus());
        assertTrue(response.body().startsWith("<!DOCTYPE html>\n<html lang=\"ru\""), response.body());
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
    }

    @Test
    void open_shouldAnswer404_whenTheLinkIsCutShortOrNotOurs() {
        String token = invite("fi");
        for (String broken : List.of(token.substring(0, FeedbackTokens.LENGTH - 3), "x".repeat(FeedbackTokens.LENGTH), "<script>alert(1)</script>")) {
            HttpResponse<String> response = controller.open(broken, null);
            assertEquals(HttpStatus.NOT_FOUND, response.getStatus(), broken);
            assertTrue(response.body().contains("<h1>This link"), response.body());
            assertFalse(response.body().contains("<script"), response.body());
        }
        assertEquals(HttpStatus.NOT_FOUND, controller.submit("x".repeat(FeedbackTokens.LENGTH), null, Map.of("helped", "5")).getStatus());
    }

    @Test
    void open_shouldShowTheChosenLanguage_whenTheVisitorPicksOne_andIgnoreALanguageWeDoNotHave() {
        String token = invite("fi");

        assertTrue(controller.open(token, "fa").body().startsWith("<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\">"));
        assertTrue(controller.open(token, "xx").body().startsWith("<!DOCTYPE html>\n<html lang=\"fi\" dir=\"ltr\">"));
        HttpResponse<String> thanks = controller.submit(token, "sv", Map.of("knows", "4"));
        assertTrue(thanks.body().startsWith("<!DOCTYPE html>\n<html lang=\"sv\""), thanks.body());
    }

    @Test
    void failure_shouldAnswer500WithAPlainPage_andTheSameHeaders() {
        HttpResponse<String> response = controller.failure(HttpRequest.GET("/f/" + "x".repeat(FeedbackTokens.LENGTH)),
                new IllegalStateException("the table is gone"));

        assertEquals(HttpStatus.INTERNAL_SERVER_ERROR, response.getStatus());
        assertFalse(response.body().contains("table") || response.body().contains("Exception"), response.body());
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
        assertEquals("no-referrer", response.getHeaders().get("Referrer-Policy"));
    }

    @Test
    void stylesheet_shouldBeServedAsCss() {
        HttpResponse<String> response = controller.stylesheet();

        assertEquals("text/css; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertTrue(response.body().contains(".choice"), response.body());
    }

    @Test
    void submission_shouldReadTheAdvisorBoxAsTicked_onlyWhenItWasSent() {
        assertFalse(FeedbackFormController.submission(Map.of("contact", "x")).volunteer());
        FeedbackSubmission ticked = FeedbackFormController.submission(Map.of("volunteer", "yes", "helped", "3"));
        assertTrue(ticked.volunteer());
        assertEquals(Map.of(FeedbackQuestion.HELPED, "3"), ticked.points());
        assertEquals("", ticked.comment());
    }

    private static final class OneSite implements SiteDirectory {
        @Override
        public Optional<Site> findByNumber(String e164Number) {
            return Optional.of(SITE).filter(site -> site.smsNumber().equals(e164Number));
        }

        @Override
        public Optional<Site> findById(String siteId) {
            return Optional.of(SITE).filter(site -> site.id().equals(siteId));
        }

        @Override
        public List<Site> all() {
            return List.of(SITE);
        }
    }
}
