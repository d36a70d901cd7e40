package fi.vuoro.local.browser.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.testing.FigureLine;
import fi.vuoro.local.LocalRuntime;
import fi.vuoro.local.LocalSettings;
import fi.vuoro.local.MutableClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every page in real Chromium under the Content-Security-Policy the service sends: each staff page signed in, the
 * lobby screen, the SMS simulator and the feedback form's answer page load and work with no violation reported
 * (a {@code securitypolicyviolation} listener is put in each page before its own scripts run). Then the sign-in:
 * with 15-minute access tokens the staff page renews its token quietly when the old one has expired, and signing
 * out revokes the refresh token, which renews nothing afterwards. Skipped where Chromium is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityPolicyBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String RECORD_VIOLATIONS = "window.__violations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
            + "e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':'"
            + " + e.lineNumber));";

    private static MutableClock clock;
    private static LocalRuntime runtime;
    private static Chromium chromium;
    private static WebDriver browser;
    private static StaffPages page;

    @BeforeAll
    static void startTheServiceAndABrowser() throws IOException {
        Chromium.assumeInstalled();
        clock = new MutableClock(Instant.now());
        runtime = LocalRuntime.start(new LocalSettings(freePort(), "test-auth-token-for-signatures", clock));
        chromium = Chromium.start(1280, 900);
        browser = chromium.driver();
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", RECORD_VIOLATIONS));
        page = new StaffPages(browser, PATIENCE);
    }

    @AfterAll
    static void stop() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (runtime != null) {
                runtime.close();
            }
        }
    }

    @Test
    @Order(1)
    void everyPage_shouldLoadAndWork_underThePolicy_withNoViolationReported() throws Exception {
        List<String> violations = new ArrayList<>();
        open("/staff/index.html");
        page.signIn("coordinator");
        page.until("the live queue", () -> page.shown(By.id("main")));
        violations.addAll(violations("/staff/index.html"));
        for (String staffPage : List.of("interpreters.html", "sites.html", "reports.html", "audit.html")) {
            open("/staff/" + staffPage);
            page.until(staffPage + " signed in", () -> page.shown(By.id("session")) && page.shown(By.id("main"))
                    && "coordinator".equals(page.text(By.id("username"))));
            violations.addAll(violations("/staff/" + staffPage));
        }
        open("/lobby/index.html?site=demo");
        page.until("the lobby screen names its site", () -> !page.text(By.id("site-name")).equals("Vuoro"));
        violations.addAll(violations("/lobby/index.html"));
        open("/simulator/index.html");
        page.until("the simulator knows the demo number",
                () -> !browser.findElement(By.id("to")).getDomProperty("value").isEmpty());
        violations.addAll(violations("/simulator/index.html"));
        open("/f/not-a-link-of-ours");
        page.until("the feedback answer page, styled by its stylesheet", () -> !String.valueOf(((JavascriptExecutor) browser)
                .executeScript("return getComputedStyle(document.body).fontFamily")).isEmpty()
                && browser.findElements(By.tagName("h1")).size() == 1);
        violations.addAll(violations("/f/…"));

        assertEquals(List.of(), violations, "the pages break their own policy");
        FigureLine.publish("content-security-policy pages=9 violations=" + violations.size());
    }

    @Test
    @Order(2)
    void staffPage_shouldRenewItsTokenQuietly_whenTheShortAccessTokenHasExpired() {
        open("/staff/index.html");
        page.until("signed in", () -> page.shown(By.id("session")));
        String before = sessionItem("vuoro.staff.token");
        assertNotNull(sessionItem("vuoro.staff.refresh"), "the sign-in kept a refresh token");

        clock.set(clock.instant().plus(Duration.ofMinutes(16)));
        page.until("a renewed access token", () -> {
            String now = sessionItem("vuoro.staff.token");
            return now != null && !now.equals(before);
        });
        assertTrue(page.shown(By.id("main")), "the queue stays on screen");
        assertFalse(page.shown(By.id("sign-in-username")), "nobody is asked to sign in again");
    }

    @Test
    @Order(3)
    void signOut_shouldRevokeTheRefreshToken_soItRenewsNothingAfterwards() throws Exception {
        open("/staff/index.html");
        page.until("signed in", () -> page.shown(By.id("session")));
        String refreshToken = sessionItem("vuoro.staff.refresh");
        assertNotNull(refreshToken);
        assertEquals(200, refresh(refreshToken), "the refresh token renews while signed in");

        page.click(By.id("sign-out"));
        page.until("the sign-in form", () -> page.shown(By.id("sign-in-username")));
        page.waitForFeedback("You are signed out.", "info");
        assertEquals(null, sessionItem("vuoro.staff.refresh"));
        assertNotEquals(200, refresh(refreshToken));
        assertEquals(401, refresh(refreshToken), "a copy of the refresh token is refused after sign-out");
    }

    private static void open(String path) {
        browser.get(runtime.baseUrl() + path);
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations(String where) {
        List<Object> seen = (List<Object>) ((JavascriptExecutor) browser).executeScript("return window.__violations || []");
        return seen.stream().map(v -> where + ": " + v).toList();
    }

    private static String sessionItem(String key) {
        return (String) ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem(arguments[0])", key);
    }

    private static int refresh(String refreshToken) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(runtime.baseUrl() + "/local/refresh"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"" + refreshToken + "\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
