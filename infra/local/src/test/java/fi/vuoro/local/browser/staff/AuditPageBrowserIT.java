package fi.vuoro.local.browser.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.local.staff.StaffApiSupport;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The coordinator's audit trail page in real headless Chromium against the local runtime: what anna did through the
 * staff API (a walk-in, a call, served, a no-show) appears in order with who and the ticket code, reached from the
 * reports page's navigation; the visitor's number and the walk-in's name appear nowhere; axe finds nothing wrong;
 * anna, who is staff, is told plainly the page is not hers. Needs the system's Chromium and chromedriver; skipped
 * where they are not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditPageBrowserIT extends StaffApiSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WALK_IN_NAME = "Amina Yusuf";

    private static Chromium chromium;
    private static WebDriver browser;
    private static StaffPages page;

    @BeforeAll
    static void startABrowser_withTheServiceOnTheTimeOfDay() throws IOException {
        List<String> missing = Chromium.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Chromium and chromedriver are not installed: "
                + String.join(", ", missing) + " missing (apt-get install chromium chromium-driver)");
        // The page's default day is the browser's today in Helsinki: the service's day must be the same.
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
        return JSON.readTree(response.body());
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private static List<String> column(String testid) {
        return browser.findElements(By.cssSelector("[data-testid='audit-row'] [data-testid='" + testid + "']"))
                .stream().map(WebElement::getText).map(String::strip).toList();
    }

    @Test
    @Order(1)
    void whatStaffDid_appearsOnTheCoordinatorsPage_withWhoAndTicket_andNothingPersonal() throws Exception {
        String anna = token("anna");
        String phone = newPhone();
        personalData.add(WALK_IN_NAME);
        String texted = text(phone, "JONO").ticketCode();
        JsonNode walkIn = ok(post("/staff/api/sites/demo/walk-ins", anna,
                "{\"name\": \"" + WALK_IN_NAME + "\", \"language\": \"fi\"}"));
        int called = ok(post("/staff/api/sites/demo/call-next", anna, "{\"desk\": \"3\"}")).get("number").asInt();
        ok(post("/staff/api/sites/demo/tickets/" + called + "/served", anna, "{}"));
        int walkInNumber = walkIn.get("number").asInt();
        ok(post("/staff/api/sites/demo/tickets/" + walkInNumber + "/call", anna, "{\"desk\": \"3\"}"));
        ok(post("/staff/api/sites/demo/tickets/" + walkInNumber + "/no-show", anna, "{}"));
        String walkInCode = walkIn.get("code").asText();

        browser.get(runtime.baseUrl() + "/staff/reports.html");
        page.signIn("coordinator");
        page.click(testId("audit-link"));
        page.until("the day's five actions", () -> page.text(testId("trail-title")).endsWith(": 5 actions"));

        assertEquals(List.of("Walk-in added", "Called", "Served", "Called", "Did not come"), column("action"));
        assertEquals(List.of("anna", "anna", "anna", "anna", "anna"), column("who"));
        assertEquals(List.of(walkInCode, texted, texted, walkInCode, walkInCode), column("ticket"));
        assertEquals(List.of("language fi", "desk 3, next in line", "desk 3", "desk 3, by number", "desk 3"),
                column("detail"));
        assertTrue(column("at").stream().allMatch(time -> time.matches("[0-2][0-9]:[0-5][0-9]:[0-5][0-9]")),
                "times of day in Helsinki: " + column("at"));
        String shown = browser.findElement(By.tagName("body")).getText();
        for (String personal : List.of(phone, phone.substring(4), WALK_IN_NAME, "Amina")) {
            assertFalse(shown.contains(personal), "the page shows " + personal);
        }
        assertEquals(List.of(), Axe.violations(browser), "the audit trail meets WCAG 2.1 AA");
        chromium.screenshot("audit.png");
    }

    @Test
    @Order(2)
    void anEarlierDay_isShownAsEmpty() {
        WebElement day = browser.findElement(By.id("day"));
        day.clear();
        day.sendKeys("01012026");
        page.click(testId("show"));
        page.until("no actions that day", () -> page.shown(testId("no-entries")));
        assertEquals("No staff actions on this day.", page.text(testId("no-entries")));
        assertTrue(page.text(testId("trail-title")).endsWith(": 0 actions"), page.text(testId("trail-title")));
    }

    @Test
    @Order(3)
    void staffWhoCoordinateNoSite_areToldTheAuditIsNotTheirs() {
        browser.switchTo().newWindow(WindowType.WINDOW);
        browser.get(runtime.baseUrl() + "/staff/audit.html");
        page.signIn("anna");
        page.until("the refusal", () -> page.shown(By.id("not-coordinator")));
        assertEquals("Only a coordinator of site demo can do this. The audit trail is for a site's coordinators: ask "
                + "yours.", page.text(testId("not-coordinator-text")));
        assertFalse(page.shown(By.id("main")), "no audit trail");
        assertEquals(List.of(), Axe.violations(browser), "the refusal meets WCAG 2.1 AA");
    }
}
