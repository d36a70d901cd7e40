package fi.vuoro.local.browser.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.local.RunningService;
import fi.vuoro.testkit.FakeTwilioApi.RecordedMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;

/**
 * The coordinator's reports page and the walk-in's feedback card, in real headless Chromium against the local
 * runtime. Visits are made as visitors and staff make them: texts through the signed webhook, calls and "served"
 * through the staff API, feedback answered from the link the fake Twilio carried. The page draws a bar per day and
 * series and one per hour, says in words that fewer than five answers are not shown, and draws how the answers
 * spread once five have answered; axe finds nothing wrong; staff who coordinate no site are told the server's
 * refusal. On the live queue, a served walk-in's "Feedback card" shows the link and its QR code. Needs the system's
 * Chromium and chromedriver; skipped where they are not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsPageBrowserIT extends RunningService {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/f/([A-Za-z0-9_-]+))");
    private static final Pattern WALK_IN_NUMBER = Pattern.compile("with number ([A-Z][0-9]{1,3})\\.");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Chromium chromium;
    private static WebDriver browser;
    private static StaffPages page;
    private static String coordinatorWindow;
    private static String coordinatorToken;
    /** The feedback links the served visitors got by SMS, not yet answered. */
    private static final List<String> links = new ArrayList<>();

    @BeforeAll
    static void startABrowser_withTheServiceOnTheTimeOfDay() throws IOException {
        List<String> missing = Chromium.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Chromium and chromedriver are not installed: "
                + String.join(", ", missing) + " missing (apt-get install chromium chromium-driver)");
        // The page's default period ends on the browser's today: the service's day must be the same.
        clock.set(Instant.now());
        chromium = Chromium.start(1280, 1000);
        browser = chromium.driver();
        page = new StaffPages(browser, PATIENCE);
        coordinatorWindow = browser.getWindowHandle();
        coordinatorToken = signInByApi("coordinator");
    }

    @AfterAll
    static void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @Order(1)
    void theCoordinator_seesTheLast28Days_withABarPerDayAndHour_andNoFeedbackYet() {
        browser.get(runtime.baseUrl() + "/staff/reports.html");
        page.signIn("coordinator");
        page.until("the report of Vuoro Demo", () -> page.shown(By.id("report"))
                && page.text(By.id("site-name")).equals("Vuoro Demo"));

        assertEquals(28 * 2, bars("chart-per-day"), "a served and a no-show bar for each of the 28 days");
        assertEquals(24, bars("chart-by-hour"), "a bar for each hour of the day");
        assertTrue(ariaLabel("chart-per-day").startsWith("Visits per day. 0 served and 0 did not come when called over"
                + " 28 days"), ariaLabel("chart-per-day"));
        assertEquals("0 answered. Fewer than 5 answers: not shown so nobody can be recognised.",
                page.text(testId("feedback-suppressed")));
        assertEquals(List.of(), Axe.violations(browser), "the empty report meets WCAG 2.1 AA");
    }

    @Test
    @Order(2)
    void fourAnswers_areCountedButNotShown() throws Exception {
        for (int i = 0; i < 5; i++) {
            links.add(servedVisitorsLink());
        }
        noShowVisitor();
        for (int i = 0; i < 4; i++) {
            answer(links.remove(0));
        }

        showTheReport();
        page.until("five served in the figures", () -> page.text(testId("figure-served")).equals("5"));
        assertEquals("1", page.text(testId("figure-no-shows")));
        assertEquals("4 (80 %)", page.text(testId("figure-responses")));
        assertEquals("4 answered. Fewer than 5 answers: not shown so nobody can be recognised.",
                page.text(testId("feedback-suppressed")));
        assertFalse(page.find(testId("chart-feedback")).isPresent(), "no distribution of four answers");
        assertEquals("5", barValue("chart-per-day", "bar-served", 27), "today's served bar, the last of the days");
        assertEquals("1", barValue("chart-per-day", "bar-no-show", 27));
    }

    @Test
    @Order(3)
    void theFifthAnswer_showsHowTheAnswersSpread_perQuestion() throws Exception {
        answer(links.remove(0));

        showTheReport();
        page.until("the feedback distribution", () -> page.find(testId("chart-feedback")).isPresent());
        assertEquals(3 * 5, bars("chart-feedback"), "five parts for each of the three questions");
        assertEquals("5", barValue("chart-feedback", "part-p5", 0), "all five were helped: 5");
        assertEquals("5", barValue("chart-feedback", "part-p4", 1), "understood: 4");
        assertEquals("5", barValue("chart-feedback", "part-p3", 2), "knew better: 3");
        assertEquals("How the 5 answers spread from 1 (worst) to 5 (best). Averages: Was I helped 5.0; Was I understood"
                + " 4.0; Do I now know better where to get help 3.0.", ariaLabel("chart-feedback"));
        assertTrue(page.text(testId("print-text")).isEmpty(), "the printed summary shows only on paper");
        assertTrue(page.spoken(testId("print-text")).contains("\"Was I helped?\" 5 answered, on average 5.0 out of 5."),
                page.spoken(testId("print-text")));
        assertEquals(List.of(), Axe.violations(browser), "the report with feedback meets WCAG 2.1 AA");
        chromium.screenshot("reports.png");
    }

    @Test
    @Order(4)
    void downloadCsv_savesTheReport_whichTheApiGivesAsAnAttachmentOfAggregates() throws Exception {
        page.click(testId("download"));
        String from = browser.findElement(By.id("from")).getDomProperty("value");
        String to = browser.findElement(By.id("to")).getDomProperty("value");
        page.waitForFeedback("The report was saved as vuoro-demo-" + from + "-" + to + ".csv.", "success");

        HttpResponse<String> csv = get("/staff/api/sites/demo/reports.csv?from=" + from + "&to=" + to,
                coordinatorToken);
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"vuoro-demo-" + from + "-" + to + ".csv\"",
                csv.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(csv.body().contains("\r\nvisits,all,served,5\r\n"), csv.body());
        assertTrue(csv.body().contains("\r\nfeedback,all,helped 5,5\r\n"), csv.body());
    }

    @Test
    @Order(5)
    void theApi_namesTheRefusedParameter() throws Exception {
        HttpResponse<String> missing = get("/staff/api/sites/demo/reports?to=2026-11-24", coordinatorToken);
        assertEquals(400, missing.statusCode());
        assertTrue(JSON.readTree(missing.body()).path("error").asText().startsWith("from is missing"), missing.body());
        HttpResponse<String> backwards = get("/staff/api/sites/demo/reports?from=2026-11-24&to=2026-11-01",
                coordinatorToken);
        assertEquals(400, backwards.statusCode());
        HttpResponse<String> unknown = get("/staff/api/sites/nowhere/reports?from=2026-11-01&to=2026-11-24",
                coordinatorToken);
        assertEquals(404, unknown.statusCode());
    }

    @Test
    @Order(6)
    void staffWhoCoordinateNoSite_areToldTheReportsAreNotTheirs() throws Exception {
        browser.switchTo().newWindow(WindowType.WINDOW);
        browser.get(runtime.baseUrl() + "/staff/reports.html");
        page.signIn("anna");
        page.until("the refusal", () -> page.shown(By.id("not-coordinator")));
        assertEquals("Only a coordinator of site demo can do this. Reports are for a site's coordinators: ask yours for "
                + "the figures.", page.text(testId("not-coordinator-text")));
        assertFalse(page.shown(By.id("main")), "no report");
        assertEquals(403, get("/staff/api/sites/demo/reports?from=2026-11-01&to=2026-11-24",
                signInByApi("anna")).statusCode());
    }

    @Test
    @Order(7)
    void aServedWalkIn_getsAFeedbackCard_withTheLinkAndItsQrCode() {
        browser.get(runtime.baseUrl() + "/staff/index.html");
        page.until("the live queue", () -> page.shown(By.id("main"))
                && page.text(By.id("refreshed")).startsWith("Updates by itself"));
        org.openqa.selenium.WebElement desk = browser.findElement(By.id("my-desk"));
        desk.clear();
        desk.sendKeys("2");
        if (page.text(By.id("desk-toggle")).equals("Open desk")) {
            page.click(By.id("desk-toggle"));
            page.waitForFeedback("Desk 2 is open.", "success");
        }
        browser.findElement(By.id("walk-in-name")).sendKeys("Leyla");
        new Select(browser.findElement(By.id("walk-in-language"))).selectByValue("fi");
        browser.findElement(By.id("walk-in-name")).sendKeys(Keys.ENTER);
        String code = page.waitFor("the walk-in's number", b -> {
            Matcher matcher = WALK_IN_NUMBER.matcher(page.text(By.id("feedback")));
            return matcher.find() ? matcher.group(1) : null;
        });

        page.click(testId("call-" + code));
        page.click(testId("served-" + code));
        page.click(testId("feedback-card-" + code));

        page.until("the feedback card", () -> page.shown(testId("card-dialog")));
        String link = page.text(testId("card-link"));
        assertTrue(LINK.matcher(link).matches(), "the link in large text: " + link);
        String src = browser.findElement(testId("card-qr")).getDomAttribute("src");
        assertTrue(src.startsWith("data:image/svg+xml;charset=utf-8,%3Csvg"), src);
        page.until("the QR code drawn", () -> ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('card-qr').naturalWidth;")).intValue() > 0);
        assertEquals("Suomi", page.text(testId("card-language")), "the card names the visitor's language");
        assertEquals(List.of(), Axe.violations(browser), "the card meets WCAG 2.1 AA");
        chromium.screenshot("feedback-card.png");
        page.click(testId("card-close"));
        page.until("the card closed", () -> !page.shown(testId("card-dialog")));
    }

    // ---------- the page ----------

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private static void showTheReport() {
        browser.switchTo().window(coordinatorWindow);
        page.click(testId("show"));
    }

    private static int bars(String chart) {
        return browser.findElements(By.cssSelector("#" + chart + " svg rect.bar")).size();
    }

    private static String barValue(String chart, String kind, int index) {
        return browser.findElements(By.cssSelector("#" + chart + " svg rect." + kind)).get(index)
                .getDomAttribute("data-value");
    }

    private static String ariaLabel(String chart) {
        return browser.findElement(By.cssSelector("#" + chart + " svg")).getDomAttribute("aria-label");
    }

    // ---------- visits, made as visitors and staff make them ----------

    /** A visitor texts to join, is called to desk 1 and served; returns the feedback link their SMS carried. */
    private static String servedVisitorsLink() throws Exception {
        String phone = newPhone();
        int before = runtime.sentMessages().size();
        int number = joinAndCall(phone);
        assertEquals(200, post("/staff/api/sites/demo/tickets/" + number + "/served", "").statusCode());
        RecordedMessage invitation = awaitSms(phone, before, m -> LINK.matcher(m.body()).find());
        Matcher link = LINK.matcher(invitation.body());
        assertTrue(link.find());
        return link.group(1);
    }

    private static void noShowVisitor() throws Exception {
        int number = joinAndCall(newPhone());
        assertEquals(200, post("/staff/api/sites/demo/tickets/" + number + "/no-show", "").statusCode());
    }

    private static int joinAndCall(String phone) throws Exception {
        String code = text(phone, "JONO").ticketCode();
        assertEquals(200, put("/staff/api/sites/demo/desks/1", "{\"open\":true}").statusCode());
        JsonNode queue = JSON.readTree(get("/staff/api/sites/demo/queue", coordinatorToken).body());
        int number = -1;
        for (JsonNode ticket : queue.path("tickets")) {
            if (code.equals(ticket.path("code").asText())) {
                number = ticket.path("number").asInt();
            }
        }
        assertTrue(number > 0, code + " in the queue");
        HttpResponse<String> called = post("/staff/api/sites/demo/tickets/" + number + "/call", "{\"desk\":\"1\"}");
        assertEquals(200, called.statusCode(), called.body());
        return number;
    }

    /** Answers the form behind the link as a visitor would: helped 5, understood 4, knows 3. */
    private static void answer(String link) throws Exception {
        Matcher matcher = LINK.matcher(link);
        assertTrue(matcher.matches(), link);
        HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUrl() + "/f/" + matcher.group(2)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("helped=5&understood=4&knows=3")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sent.statusCode(), "the form took the answer: " + sent.body());
    }

    private static RecordedMessage awaitSms(String phone, int since,
                                            java.util.function.Predicate<RecordedMessage> matching) {
        return new FluentWait<>(runtime).withTimeout(PATIENCE).pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> "no feedback SMS reached the visitor within " + PATIENCE.toSeconds() + " s")
                .until(r -> {
                    List<RecordedMessage> all = r.sentMessages();
                    return all.subList(Math.min(since, all.size()), all.size()).stream()
                            .filter(m -> phone.equals(m.to())).filter(matching).findFirst().orElse(null);
                });
    }

    // ---------- the staff API ----------

    private static String signInByApi(String username) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUrl() + "/local/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                            + StaffPages.DEMO_PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return JSON.readTree(response.body()).path("accessToken").asText();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path))
                .header("Authorization", "Bearer " + coordinatorToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.isEmpty() ? "{}" : json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path))
                .header("Authorization", "Bearer " + coordinatorToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
