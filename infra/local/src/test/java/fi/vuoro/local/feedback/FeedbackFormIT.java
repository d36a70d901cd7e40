package fi.vuoro.local.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.feedback.FeedbackTokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The feedback form served by the local runtime, reached the way a visitor reaches it: they text the demo site, staff
 * call and serve them, the one SMS after the visit carries the link, and the link opens the form in their language.
 */
class FeedbackFormIT extends FeedbackVisitSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> open(String link) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String link, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(link))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servedVisitor_shouldGetOneSmsWithALink_thatOpensTheFormInFinnish_withHeadersThatKeepTheLinkPrivate()
            throws Exception {
        HttpResponse<String> form = open(servedVisitorsLink("JONO"));

        assertEquals(200, form.statusCode(), form.body());
        assertEquals("text/html; charset=utf-8", form.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", form.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-referrer", form.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("nosniff", form.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'", form.headers().firstValue("Content-Security-Policy")
                .orElse(""));
        assertTrue(form.body().startsWith("<!DOCTYPE html>\n<html lang=\"fi\" dir=\"ltr\">"), form.body());
        assertTrue(form.body().contains("Vuoro Demo\u2069: millainen käyntisi oli?</h1>"), form.body());
        assertTrue(form.body().contains("name=\"helped\" value=\"5\""), form.body());
    }

    @Test
    void form_shouldTakeOneAnswer_thenSayAlreadyAnswered_onASecondSubmitAndWhenReopened() throws Exception {
        String link = servedVisitorsLink("JONO");
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("helped", "5");
        answer.put("understood", "4");
        answer.put("knows", "4");
        answer.put("comment", "Selkeä neuvonta, kiitos");
        answer.put("contact", "");

        HttpResponse<String> thanks = send(link, answer);
        assertEquals(200, thanks.statusCode(), thanks.body());
        assertTrue(thanks.body().contains("<h1>Kiitos!</h1>"), thanks.body());

        HttpResponse<String> again = send(link, answer);
        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("<h1>Olet jo vastannut. Kiitos!</h1>"), again.body());
        HttpResponse<String> reopened = open(link);
        assertEquals(200, reopened.statusCode());
        assertTrue(reopened.body().contains("<h1>Olet jo vastannut. Kiitos!</h1>"), reopened.body());
    }

    @Test
    void form_shouldAnswer422AtTheContactField_whenTheAdvisorBoxIsTickedWithoutAContact_andStayOpen()
            throws Exception {
        String link = servedVisitorsLink("JONO");

        HttpResponse<String> refused = send(link, Map.of("helped", "3", "volunteer", "yes", "contact", ""));

        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("role=\"alert\">Kerro, miten tavoitamme sinut"), refused.body());
        assertTrue(refused.body().contains("name=\"helped\" value=\"3\" checked>"), "the choice is kept");
        assertEquals("no-store", refused.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(200, send(link, Map.of("helped", "3", "volunteer", "yes", "contact", "044 123")).statusCode());
    }

    @Test
    void aVisitorWhoJoinedInArabic_shouldGetTheFormInArabic_rightToLeft() throws Exception {
        HttpResponse<String> form = open(servedVisitorsLink("JOIN ARABIC"));

        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().startsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"), form.body());
        assertTrue(form.body().contains("<legend>هل ساعدناك في أمرك؟</legend>"), form.body());
    }

    @Test
    void aLinkThatIsNotOurs_shouldAnswer404WithAPlainPage() throws Exception {
        for (String token : List.of("x".repeat(FeedbackTokens.LENGTH), "short", "%3Cscript%3E")) {
            HttpResponse<String> page = open(runtime.baseUrl() + "/f/" + token);
            assertEquals(404, page.statusCode(), token);
            assertTrue(page.body().contains("<h1>This link does not work"), page.body());
            assertFalse(page.body().contains("<script"), page.body());
        }
        assertEquals(404, send(runtime.baseUrl() + "/f/" + "x".repeat(FeedbackTokens.LENGTH), Map.of("helped", "1")).statusCode());
    }

    @Test
    void theStylesheet_shouldBeServedBesideTheForm() throws Exception {
        HttpResponse<String> css = open(runtime.baseUrl() + "/f/feedback.css");

        assertEquals(200, css.statusCode());
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElse(""));
        assertTrue(css.body().contains(".choice"), css.body());
    }
}
