package fi.vuoro.local.browser.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.local.DemoSite;
import fi.vuoro.local.staff.StaffApiSupport;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The coordinator's sites page in real headless Chromium against the local runtime: the coordinator sets up the site
 * the demo does not seed (hervanta, which the local coordinator coordinates) with its own number, open around the
 * clock and the languages its staff speak; a visitor who texts JOIN to that number in the SMS simulator gets the new
 * site's ticket, and the coordinator's live queue of the new site shows it. Overlapping hours, a number not in
 * E.164 form and another site's number are shown next to their field, the typed input stays and nothing is saved.
 * Staff who coordinate no site are told only coordinators manage sites, and the API refuses them; axe finds no WCAG
 * 2.1 AA violation. Needs the system's Chromium and chromedriver; skipped where they are not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SitesPageBrowserIT extends StaffApiSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TICKET_CODE = Pattern.compile("\\b([A-Z][0-9]{1,3})\\b");
    private static final String NEW_SITE = "hervanta";
    private static final String NEW_NAME = "Hervanta Centre";
    private static final String NEW_NUMBER = "+358500000881";
    private static final String DEMO_SETTINGS = "/staff/api/sites/demo/settings";
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private static Chromium chromium;
    private static WebDriver browser;
    private static StaffPages page;
    private static String coordinatorWindow;

    @BeforeAll
    static void startABrowser_withTheServiceOnTheTimeOfDay() throws IOException {
        List<String> missing = Chromium.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Chromium and chromedriver are not installed: "
                + String.join(", ", missing) + " missing (apt-get install chromium chromium-driver)");
        clock.set(Instant.now());
        chromium = Chromium.start(1280, 1100);
        browser = chromium.driver();
        page = new StaffPages(browser, PATIENCE);
        coordinatorWindow = browser.getWindowHandle();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @Order(1)
    void theCoordinator_setsUpANewSite_whoseNumberAnswersJoinInTheSimulator_andWhoseQueueShowsTheTicket()
            throws Exception {
        browser.get(runtime.baseUrl() + "/staff/sites.html");
        page.signIn("coordinator");
        page.until("hervanta listed as not set up yet", () -> page.text(siteRow(NEW_SITE)).contains("Not set up yet")
                && page.text(siteRow("demo")).contains(DemoSite.NUMBER));

        page.click(testId("new-site"));
        page.waitFor("the new site's form", b -> page.shown(testId("site-id")) ? true : null);
        type(testId("site-id"), NEW_SITE);
        type(testId("name"), NEW_NAME);
        type(testId("sms-number"), NEW_NUMBER);
        assertEquals("Europe/Helsinki", browser.findElement(testId("time-zone")).getDomProperty("value"));
        for (String day : DAYS) {
            assertEquals("Closed all day", page.text(inDay(day, "closed")), "a new site's day starts closed");
            page.click(inDay(day, "all-day"));
        }
        page.until("every day open 00:00 to 24:00", () -> DAYS.stream().allMatch(day ->
                periods(day).equals(List.of("00:00-24:00"))));
        for (String language : List.of("fi", "en", "ar")) {
            page.click(testId("language-" + language));
        }

        page.click(testId("save"));

        page.waitForFeedback(NEW_NAME + " is created: it answers SMS to " + NEW_NUMBER + " now.", "success");
        page.until("the new site listed with its number", () -> page.text(siteRow(NEW_SITE)).contains(NEW_NAME)
                && page.text(siteRow(NEW_SITE)).contains(NEW_NUMBER));
        JsonNode saved = settings("/staff/api/sites/" + NEW_SITE + "/settings");
        assertEquals(NEW_NUMBER, saved.get("smsNumber").asText());
        for (String day : DAYS) {
            assertEquals("[\"00:00-24:00\"]", saved.get("openingHours").get(day).toString(), day);
        }
        assertEquals("[\"ar\",\"en\",\"fi\"]", saved.get("staffLanguages").toString());

        browser.switchTo().newWindow(WindowType.WINDOW);
        browser.get(runtime.baseUrl() + "/simulator/index.html");
        page.until("the simulator offering the demo site's number", () ->
                DemoSite.NUMBER.equals(browser.findElement(By.id("to")).getDomProperty("value")));
        type(By.id("to"), NEW_NUMBER);
        browser.findElement(By.id("body")).sendKeys("JOIN", Keys.ENTER);

        String code = page.waitFor("a reply naming " + NEW_NAME + " with a ticket code", b -> {
            for (WebElement reply : browser.findElements(By.cssSelector("#conversation > li.in"))) {
                Matcher matcher = TICKET_CODE.matcher(reply.getText());
                if (reply.getText().contains(NEW_NAME) && matcher.find()) {
                    return matcher.group(1);
                }
            }
            return null;
        });
        assertEquals("A1", code, "the new site's first ticket, with the default letter");

        browser.get(runtime.baseUrl() + "/staff/index.html?site=" + NEW_SITE);
        page.signIn("coordinator");
        page.until(code + " waiting in " + NEW_NAME + "'s live queue", () ->
                page.text(By.id("site-name")).equals(NEW_NAME)
                        && page.find(By.cssSelector("#waiting-list > li[data-code='" + code + "']")).isPresent());
        browser.close();
        browser.switchTo().window(coordinatorWindow);
    }

    @Test
    @Order(2)
    void badValues_areShownNextToTheirField_keepingTheInput_andNothingIsSaved() throws Exception {
        JsonNode before = settings(DEMO_SETTINGS);
        openTheDemoSite();

        page.click(inDay("mon", "closed-day"));
        page.click(inDay("mon", "add-period"));
        page.click(inDay("mon", "add-period"));
        List<WebElement> monday = browser.findElements(By.cssSelector("[data-testid='day-mon'] input"));
        monday.get(0).sendKeys("09:00");
        monday.get(1).sendKeys("12:00");
        monday.get(2).sendKeys("11:00");
        monday.get(3).sendKeys("14:00");
        page.click(testId("save"));

        assertEquals("09:00-12:00 and 11:00-14:00 overlap", fieldError("[data-testid='day-mon']"));
        assertEquals("Not saved. Monday: 09:00-12:00 and 11:00-14:00 overlap", page.text(testId("form-error")));
        assertEquals(List.of("09:00-12:00", "11:00-14:00"), periods("mon"), "the typed hours stay");
        assertEquals(before, settings(DEMO_SETTINGS), "nothing was saved");

        page.click(inDay("mon", "all-day"));
        type(testId("sms-number"), "0401234567");
        page.click(testId("save"));

        assertTrue(fieldError(field("smsNumber")).startsWith("the number is in E.164 form"),
                page.text(By.cssSelector(field("smsNumber"))));
        assertEquals("0401234567", browser.findElement(testId("sms-number")).getDomProperty("value"));
        assertEquals("true", browser.findElement(testId("sms-number")).getDomAttribute("aria-invalid"));
        page.until("no error left at Monday", () -> page.text(By.cssSelector("[data-testid='day-mon'] "
                + "[data-testid='field-error']")).isEmpty());
        assertEquals(before, settings(DEMO_SETTINGS), "nothing was saved");

        type(testId("sms-number"), NEW_NUMBER);
        page.click(testId("save"));

        assertTrue(fieldError(field("smsNumber")).startsWith("the number is already another site's"),
                page.text(By.cssSelector(field("smsNumber"))));
        assertEquals(before, settings(DEMO_SETTINGS), "nothing was saved");
        assertEquals(NEW_NUMBER, settings("/staff/api/sites/" + NEW_SITE + "/settings").get("smsNumber").asText(),
                "the number stays the new site's");
    }

    @Test
    @Order(3)
    void theDemoSitesCoordinator_savesAChange_sendingBackExactlyTheFieldsTheApiGave() throws Exception {
        JsonNode before = settings(DEMO_SETTINGS);
        openTheDemoSite();
        recordRequests();
        type(testId("desks"), "3");
        page.click(testId("save"));

        page.waitForFeedback("The settings of Vuoro Demo are saved.", "success");
        JsonNode sent = sentBody("PUT", DEMO_SETTINGS);
        List<String> given = new ArrayList<>();
        before.fieldNames().forEachRemaining(given::add);
        List<String> put = new ArrayList<>();
        sent.fieldNames().forEachRemaining(put::add);
        assertEquals(given.stream().sorted().toList(), put.stream().sorted().toList(), "the fields GET gave, no more");
        JsonNode after = settings(DEMO_SETTINGS);
        assertEquals(3, after.get("desks").asInt());
        assertEquals(before.get("topics"), after.get("topics"), "the topics sent back as the API gave them");
        assertEquals(before.get("openingHours"), after.get("openingHours"), "the hours as the form shows them");
    }

    @Test
    @Order(4)
    void aNewSitesExceptionTopicAndRetention_areSentInTheAgreedShapes_andARefusalSavesNothing() throws Exception {
        browser.get(runtime.baseUrl() + "/staff/sites.html");
        page.until("the sites listed", () -> page.shown(siteRow("demo")));
        recordRequests();
        page.click(testId("new-site"));
        page.waitFor("the new site's form", b -> page.shown(testId("site-id")) ? true : null);
        type(testId("site-id"), "kaleva");
        type(testId("name"), "Kaleva");
        type(testId("sms-number"), "+358500000882");
        page.click(inDay("wed", "add-period"));
        browser.findElement(inDay("wed", "from")).sendKeys("09:00");
        browser.findElement(inDay("wed", "to")).sendKeys("16:00");
        page.click(testId("language-fi"));
        page.click(testId("closed-today"));
        browser.findElement(By.cssSelector("[data-testid='exception'] [data-testid='note-en']")).sendKeys("Closed today");
        page.click(By.cssSelector("[data-testid='exception'] summary"));
        browser.findElement(By.cssSelector("[data-testid='exception'] [data-testid='note-fi']")).sendKeys("Suljettu tänään");
        page.click(testId("add-topic"));
        browser.findElement(testId("topic-word")).sendKeys("KELA");
        browser.findElement(testId("topic-letter")).sendKeys("K");
        browser.findElement(By.cssSelector("[data-testid='topic'] [data-testid='names-en']")).sendKeys("Kela benefits");
        page.click(By.cssSelector("[data-testid='topic'] summary"));
        browser.findElement(By.cssSelector("[data-testid='topic'] [data-testid='names-fi']")).sendKeys("Kela-etuudet");
        type(testId("retentionHours"), "48");
        page.click(testId("save"));

        page.until("a refusal under the form", () -> page.text(testId("form-error")).startsWith("Not saved."));
        assertEquals(JSON.readTree("{\"name\": \"Kaleva\", \"smsNumber\": \"+358500000882\", "
                + "\"timeZone\": \"Europe/Helsinki\", \"openingHours\": {\"mon\": [], \"tue\": [], "
                + "\"wed\": [\"09:00-16:00\"], \"thu\": [], \"fri\": [], \"sat\": [], \"sun\": []}, "
                + "\"staffLanguages\": [\"fi\"], \"exceptions\": [{\"date\": \"" + LocalDate.now() + "\", "
                + "\"hours\": [], \"note\": {\"en\": \"Closed today\", \"fi\": \"Suljettu tänään\"}}], "
                + "\"topics\": [{\"word\": \"KELA\", \"letter\": \"K\", \"names\": {\"en\": \"Kela benefits\", "
                + "\"fi\": \"Kela-etuudet\"}}], \"retentionHours\": 48}"),
                sentBody("PUT", "/staff/api/sites/kaleva/settings"), "only what was filled in, in the agreed shapes");
        assertFalse(deliver(inbound(newPhone(), "+358500000882", "JOIN")).text().contains("Kaleva"),
                "the local coordinator does not coordinate kaleva: no site was made");
    }

    @Test
    @Order(5)
    void thePage_meetsWcag21AA_withTheSettingsOpen_andWithANewSitesFormWithATopicAndAnException() {
        openTheDemoSite();
        assertEquals(List.of(), Axe.violations(browser), "a site's settings meet WCAG 2.1 AA");

        page.click(testId("new-site"));
        page.waitFor("the new site's form", b -> page.shown(testId("site-id")) ? true : null);
        page.click(testId("add-exception"));
        page.click(testId("add-topic"));
        page.click(inDay("tue", "add-period"));
        page.click(testId("save"));
        assertTrue(fieldError(field("siteId")).startsWith("give the new site an id"), page.text(testId("form-error")));
        assertEquals(List.of(), Axe.violations(browser), "a new site's form, with a refusal shown, meets WCAG 2.1 AA");
        chromium.screenshot("sites.png");
    }

    @Test
    @Order(6)
    void staffWhoCoordinateNoSite_areToldOnlyCoordinatorsManageSites_andTheApiRefusesThem() throws Exception {
        browser.switchTo().newWindow(WindowType.WINDOW);
        browser.get(runtime.baseUrl() + "/staff/sites.html");
        page.signIn("anna");

        page.until("the notice", () -> page.shown(By.id("not-coordinator")));
        assertEquals("You are signed in as anna, who coordinates no site. Only coordinators manage sites: their hours, "
                + "number, languages and topics. Ask yours for a change.", page.text(testId("not-coordinator-text")));
        assertFalse(page.shown(By.id("main")), "no sites and no form");
        JsonNode before = settings(DEMO_SETTINGS);
        HttpResponse<String> refused = put(DEMO_SETTINGS, token("anna"), before.toString());
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(403, get(DEMO_SETTINGS, token("anna")).statusCode());
        assertEquals(before, settings(DEMO_SETTINGS));
    }

    private static void openTheDemoSite() {
        browser.get(runtime.baseUrl() + "/staff/sites.html?site=demo");
        page.until("the demo site's settings", () -> page.text(testId("form-title")).equals("Settings of Vuoro Demo")
                && page.shown(testId("sms-number")));
    }

    private static JsonNode settings(String path) throws Exception {
        HttpResponse<String> response = get(path, token("coordinator"));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** Notes the requests the page sends from now on, passing each on unchanged. */
    private static void recordRequests() {
        ((JavascriptExecutor) browser).executeScript("if (!window.vuoroSent) { window.vuoroSent = [];"
                + " const send = window.fetch; window.fetch = (url, init) => {"
                + " window.vuoroSent.push({ method: (init && init.method) || 'GET', url: String(url),"
                + " body: (init && init.body) || null }); return send(url, init); }; }");
    }

    /** The body of the last such request the page sent since {@link #recordRequests()}. */
    @SuppressWarnings("unchecked")
    private static JsonNode sentBody(String method, String path) throws IOException {
        List<Map<String, Object>> sent = (List<Map<String, Object>>) ((JavascriptExecutor) browser)
                .executeScript("return window.vuoroSent || [];");
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (method.equals(sent.get(i).get("method")) && path.equals(sent.get(i).get("url"))) {
                return JSON.readTree(String.valueOf(sent.get(i).get("body")));
            }
        }
        throw new AssertionError("the page sent no " + method + " " + path + ": " + sent);
    }

    /** Replaces what a text field holds. */
    private static void type(By by, String text) {
        WebElement input = browser.findElement(by);
        input.clear();
        input.sendKeys(text);
    }

    /** A day's periods as the form shows them, read in one go. */
    private static List<String> periods(String day) {
        return browser.findElements(By.cssSelector("[data-testid='day-" + day + "'] [data-testid='period']")).stream()
                .map(row -> row.findElement(By.cssSelector("[data-testid='from']")).getDomProperty("value") + "-"
                        + row.findElement(By.cssSelector("[data-testid='to']")).getDomProperty("value"))
                .toList();
    }

    /** Waits for the refusal shown inside the field's block (a CSS selector), and gives its text. */
    private static String fieldError(String block) {
        return page.waitFor("a refusal next to " + block, b -> {
            String text = page.text(By.cssSelector(block + " [data-testid='field-error']"));
            return text.isEmpty() ? null : text;
        });
    }

    /** The block of the form's field the API names so. */
    private static String field(String name) {
        return "[data-field='" + name + "']";
    }

    private static By inDay(String day, String testId) {
        return By.cssSelector("[data-testid='day-" + day + "'] [data-testid='" + testId + "']");
    }

    private static By siteRow(String id) {
        return By.cssSelector("[data-testid='site-row'][data-id='" + id + "']");
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }
}
