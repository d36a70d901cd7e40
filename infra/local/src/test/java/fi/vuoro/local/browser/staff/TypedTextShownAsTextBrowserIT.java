package fi.vuoro.local.browser.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.vuoro.domain.testing.FigureLine;
import fi.vuoro.local.feedback.FeedbackVisitSupport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Everything a visitor or staff member can type is shown as text, on every page that shows it, in real headless
 * Chromium: HTML and script put into the site's name, a topic's names, a walk-in's name, an interpreter's name and a
 * visitor's feedback comments appear literally, no script they carry runs (each would set {@code window.__xss}) and
 * no element they describe exists. Needs the system's Chromium and chromedriver; skipped where they are not installed.
 */
class TypedTextShownAsTextBrowserIT extends FeedbackVisitSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Each sets window.__xss if it ever runs; each fits the shortest field it goes into (a topic name, 30). */
    private static final String IMG = "<img src=x onerror=__xss=1>";
    private static final String SCRIPT = "</script><script>__xss=2//";
    private static final String SVG = "\"'><svg onload=__xss=3>";
    private static final String LINK = "javascript:__xss=4";
    private static final String IFRAME = "<iframe onload=__xss=5>";
    /**
     * A site's name is held to letters, digits and .,'()/&- (it goes into SMS): no tag fits, but character
     * references do, which a page that parses text as HTML would turn into other characters.
     */
    private static final String SITE_NAME = "Vuoro Demo &lt &amp 'x'";
    private static final List<String> PAYLOADS = List.of(IMG, SCRIPT, SVG, LINK, IFRAME, SITE_NAME);

    private static Chromium chromium;
    private static WebDriver browser;
    private static StaffPages page;

    @BeforeAll
    static void startABrowser_withTheServiceOnTheTimeOfDay() throws IOException {
        List<String> missing = Chromium.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Chromium and chromedriver are not installed: "
                + String.join(", ", missing) + " missing (apt-get install chromium chromium-driver)");
        // The pages' default day is the browser's today in Helsinki: the service's day must be the same.
        clock.set(Instant.now());
        chromium = Chromium.start(1280, 900);
        browser = chromium.driver();
        page = new StaffPages(browser, PATIENCE);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static JsonNode ok(HttpResponse<String> response) throws IOException {
        assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.body());
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    @Test
    void everythingTyped_isShownAsText_onEveryPage_andNoScriptRuns() throws Exception {
        String coordinator = token("coordinator");
        // Feedback first: the visits it needs run under the site's settings as they are.
        for (String comment : List.of(IMG + " kiitos", SCRIPT, SVG, LINK, IFRAME)) {
            answerFeedback(servedVisitorsLink("JONO"), comment);
        }
        ObjectNode settings = (ObjectNode) ok(get("/staff/api/sites/demo/settings", coordinator));
        settings.put("name", SITE_NAME);
        ObjectNode topic = JSON.createObjectNode().put("word", "KELA").put("letter", "K");
        topic.putObject("names").put("en", IMG).put("fi", IMG).put("sv", IFRAME);
        settings.putArray("topics").add(topic);
        ok(put("/staff/api/sites/demo/settings", coordinator, JSON.writeValueAsString(settings)));
        ok(post("/staff/api/sites/demo/walk-ins", coordinator, JSON.writeValueAsString(
                Map.of("name", SCRIPT, "language", "en", "topic", "KELA"))));
        ok(post("/staff/api/sites/demo/walk-ins", coordinator, JSON.writeValueAsString(
                Map.of("name", LINK, "language", "en", "topic", "KELA"))));
        Map<String, Object> interpreter = new LinkedHashMap<>();
        interpreter.put("name", IFRAME);
        interpreter.put("phone", newPhone());
        interpreter.put("language", "en");
        interpreter.put("languages", List.of("fa"));
        interpreter.put("sites", List.of("demo"));
        interpreter.put("active", true);
        ok(post("/staff/api/sites/demo/interpreters", coordinator, JSON.writeValueAsString(interpreter)));
        JsonNode called = ok(post("/staff/api/sites/demo/call-next", coordinator, "{\"desk\": \"2\"}"));

        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("/staff/index.html?site=demo", List.of(SCRIPT, LINK, IMG));
        pages.put("/lobby/index.html?site=demo", List.of(SITE_NAME, called.get("code").asText()));
        pages.put("/staff/interpreters.html", List.of(IFRAME));
        pages.put("/staff/sites.html", List.of(SITE_NAME));
        pages.put("/staff/reports.html", List.of(IMG + " kiitos", SCRIPT, SVG, LINK, IFRAME));
        pages.put("/staff/audit.html", List.of());
        pages.put(servedVisitorsLink("JONO").substring(runtime.baseUrl().toString().length()), List.of(SITE_NAME));

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<String>> shown : pages.entrySet()) {
            browser.get(runtime.baseUrl() + shown.getKey());
            if (shown.getKey().startsWith("/staff/")) {
                page.until("the sign-in form or the session", () -> page.shown(By.id("sign-in-username"))
                        || page.shown(By.id("session")));
                if (page.shown(By.id("sign-in-username"))) {
                    page.signIn("coordinator");
                }
            }
            for (String literal : shown.getValue()) {
                try {
                    page.until(literal + " as text on " + shown.getKey(), () -> bodyText().contains(literal));
                } catch (org.openqa.selenium.TimeoutException notShown) {
                    chromium.screenshot("typed-text-not-shown.png");
                    wrong.add(shown.getKey() + ": " + literal + " not shown as text");
                }
            }
            if (shown.getKey().equals("/staff/sites.html")) {
                page.click(By.cssSelector("[data-testid='open-demo']"));
                page.until("the site's name in its field", () -> inputValues().contains(SITE_NAME));
                page.until("the topic's names in their fields", () -> inputValues().containsAll(List.of(IMG, IFRAME)));
                wrong.addAll(injected(shown.getKey() + " (the site open)"));
            }
            wrong.addAll(injected(shown.getKey()));
        }
        FigureLine.publish("xss payloads=" + PAYLOADS.size() + " pages=" + pages.size() + " executed="
                + wrong.stream().filter(w -> w.contains("ran")).count() + " injected-elements="
                + wrong.stream().filter(w -> w.contains("element")).count());
        assertEquals(List.of(), wrong);
    }

    private static String bodyText() {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText;");
    }

    @SuppressWarnings("unchecked")
    private static List<String> inputValues() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('input, textarea')).map(e => e.value);");
    }

    /** What the payloads did on the page: a script that ran, or an element they describe. */
    private static List<String> injected(String path) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        List<String> found = new ArrayList<>();
        Object ran = js.executeScript("return typeof window.__xss === 'undefined' ? null : String(window.__xss);");
        if (ran != null) {
            found.add(path + ": payload " + ran + " ran");
        }
        // The payloads' own elements: the pages' own svg (charts, the form's faces) carry no handlers.
        Object elements = js.executeScript("return Array.from(document.querySelectorAll("
                + "'img[src=\"x\"], [onerror], [onload], iframe, a[href^=\"javascript\"], script'))"
                + ".filter(e => e.tagName !== 'SCRIPT' || e.textContent.includes('__xss'))"
                + ".map(e => e.outerHTML.slice(0, 80));");
        for (Object element : (List<?>) elements) {
            found.add(path + ": element " + element);
        }
        return found;
    }

    private static void answerFeedback(String link, String comment) throws IOException, InterruptedException {
        Map<String, String> answer = Map.of("helped", "5", "understood", "4", "knows", "4", "comment", comment);
        String form = String.join("&", answer.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).toList());
        HttpResponse<String> thanks = HTTP.send(HttpRequest.newBuilder(URI.create(link))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, thanks.statusCode(), thanks.body());
    }
}
