package fi.vuoro.local.browser.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import fi.vuoro.local.DemoSite;
import fi.vuoro.local.LocalRuntime;
import fi.vuoro.local.LocalSettings;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import fi.vuoro.platform.dynamodb.OutboxItems;
import fi.vuoro.testkit.FakeTwilioApi.RecordedMessage;
import fi.vuoro.testkit.TwilioWebhookClient;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
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
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The staff page and the lobby screen served by the local runtime, in real headless Chromium: a member
 * of staff signs in, a visitor texts JONO and appears in the live queue without a reload, staff call
 * the next visitor to desk 1, the lobby screen (a second window, also never reloaded) shows the ticket
 * with desk 1, the visitor gets the "your turn" SMS, staff mark the visit served and the ticket leaves
 * both pages; a walk-in added from the form joins the queue. Needs the system's Chromium and
 * chromedriver (Debian packages {@code chromium chromium-driver}); skipped where they are not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffPageBrowserIT {

    private static final String TOKEN = "test-auth-token-for-signatures";
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Pattern TICKET_CODE = Pattern.compile("\\b([A-Z][0-9]{1,3})\\b");

    private static LocalRuntime runtime;
    private static Chromium chromium;
    private static WebDriver browser;
    private static Logs logs;
    private static String staffWindow;
    private static String lobbyWindow;

    /** The visitor who texts in, and the ticket they get. */
    private static final String VISITOR = "+35840" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    private static String code;
    private static long calledAt;

    @BeforeAll
    static void startTheServiceAndABrowser() throws IOException {
        List<String> missing = Chromium.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Chromium and chromedriver are not installed: "
                + String.join(", ", missing) + " missing (apt-get install chromium chromium-driver)");
        logs = Logs.attach();
        // The system clock: the page works out "waited N min" from the browser's own clock.
        runtime = LocalRuntime.start(new LocalSettings(freePort(), TOKEN, Clock.systemUTC()));
        chromium = Chromium.start(1280, 1000);
        browser = chromium.driver();
        staffWindow = browser.getWindowHandle();
    }

    @AfterAll
    static void screenshotsThenStop_andNoLogLineCarriesTheVisitorsNumber() {
        try {
            if (chromium != null) {
                if (staffWindow != null) {
                    browser.switchTo().window(staffWindow);
                    chromium.screenshot("staff-page.png");
                }
                if (lobbyWindow != null) {
                    browser.switchTo().window(lobbyWindow);
                    chromium.screenshot("lobby-screen.png");
                }
            }
        } finally {
            try {
                if (chromium != null) {
                    chromium.close();
                }
            } finally {
                if (runtime != null) {
                    runtime.close();
                }
                if (logs != null) {
                    logs.detach();
                }
            }
        }
        if (logs != null) {
            assertFalse(logs.lines().isEmpty(), "the service logged nothing: the check below would prove nothing");
            for (String line : logs.lines()) {
                assertFalse(line.contains(VISITOR) || line.contains(VISITOR.substring(4)),
                        "a log line carries the visitor's phone number: " + line);
            }
        }
    }

    @Test
    @Order(1)
    void annaSignsIn_seesTheDemoSitesQueue_andOpensDesk1() {
        browser.get(runtime.baseUrl() + "/staff/index.html");
        WebElement username = waitFor("the sign-in form", b -> visible(By.id("sign-in-username")));
        username.sendKeys("anna");
        browser.findElement(By.id("sign-in-password")).sendKeys("wrong password", Keys.ENTER);
        waitFor("'Wrong username or password' under the form",
                b -> text(By.id("sign-in-error")).contains("Wrong username or password") ? true : null);

        WebElement password = browser.findElement(By.id("sign-in-password"));
        password.clear();
        password.sendKeys(LOCAL_DEMO_PASSWORD, Keys.ENTER);
        waitFor("the live queue of Vuoro Demo for anna", b -> visible(By.id("main")) != null
                && "anna".equals(text(By.id("username"))) && text(By.id("site-name")).equals("Vuoro Demo")
                && text(By.id("refreshed")).startsWith("Updates by itself") ? true : null);

        WebElement desk = browser.findElement(By.id("my-desk"));
        desk.clear();
        desk.sendKeys("1");
        browser.findElement(By.id("desk-toggle")).click();
        waitForFeedback("Desk 1 is open.");
        waitFor("desk 1 shown open", b -> text(By.id("my-desk-state")).startsWith("Desk 1 is open") ? true : null);
        assertEquals("Close desk 1", text(By.id("desk-toggle")));
        markThisPageLoad();
    }

    @Test
    @Order(2)
    void aVisitorWhoTextsJono_appearsInTheWaitingList_withoutReloading() {
        String reply = text(VISITOR, "JONO");
        Matcher matcher = TICKET_CODE.matcher(reply);
        assertTrue(matcher.find(), "the JONO reply gives a ticket code: " + reply);
        code = matcher.group(1);

        List<String> row = waitFor(code + " in the waiting list", b -> find(By.cssSelector(
                "#waiting-list > li[data-code='" + code + "']")).map(ticket -> List.of(
                ticket.findElement(By.cssSelector("[data-testid='language']")).getText(), ticket.getText())).orElse(null));
        assertEquals("Suomi", row.get(0));
        String shown = row.get(1);
        assertTrue(shown.contains("waited 0 min") || shown.contains("waited 1 min"), "time waited: " + shown);
        assertTrue(shown.contains("•"), "a masked phone number: " + shown);
        assertFalse(shown.contains(VISITOR.substring(4)), "never the visitor's whole number: " + shown);
        assertTrue(samePageLoad(), "the visitor appeared without reloading the page");
        assertEquals("1", text(By.id("waiting-count")));
        chromium.screenshot("staff-visitor-joined.png");
    }

    @Test
    @Order(3)
    void callNextAtDesk1_showsTheTicketAtTheDesk_andOnTheLobbyScreenInASecondWindow() {
        assertNotNull(code, "the visitor joined");
        browser.switchTo().newWindow(WindowType.WINDOW);
        lobbyWindow = browser.getWindowHandle();
        chromium.viewport(1920, 1080);  // a TV in the lobby
        browser.get(runtime.baseUrl() + "/lobby/index.html?site=demo");
        waitFor("the lobby screen of Vuoro Demo with nobody called", b -> text(By.id("site-name")).equals("Vuoro Demo")
                && visible(By.id("idle")) != null ? true : null);
        markThisPageLoad();

        browser.switchTo().window(staffWindow);
        calledAt = System.nanoTime();
        pressKey("n");  // the documented shortcut for "Call next"
        waitForFeedback(code + " (Finnish) called to desk 1.");
        String desk = waitFor(code + " under 'At desks now'", b -> find(By.cssSelector(
                "#called-list > li[data-code='" + code + "']")).map(atDesk -> atDesk.findElement(
                By.cssSelector("[data-testid='desk-of-" + code + "']")).getText()).orElse(null));
        assertEquals("Desk 1", desk);
        assertTrue(find(By.cssSelector("#waiting-list > li[data-code='" + code + "']")).isEmpty(),
                code + " is no longer waiting");
        assertTrue(samePageLoad(), "the staff page was not reloaded");
        chromium.screenshot("staff-called.png");

        browser.switchTo().window(lobbyWindow);
        WebElement latest = waitFor(code + " → desk 1 as the latest call on the lobby screen",
                b -> find(By.cssSelector("#calls > li:first-child[data-code='" + code + "']")).orElse(null));
        assertEquals(code, latest.findElement(By.className("code")).getText());
        assertEquals("1", latest.findElement(By.className("desk")).getText());
        assertTrue(latest.getDomAttribute("class").contains("fresh"), "the new call is highlighted");
        assertTrue(visible(By.id("idle")) == null, "the 'nobody called' text is gone");
        assertTrue(samePageLoad(), "the lobby screen updated without reloading");
        String screenText = browser.findElement(By.tagName("body")).getText();
        assertFalse(screenText.contains("•") || screenText.contains(VISITOR.substring(4)),
                "nothing personal on the lobby screen: " + screenText);
        chromium.screenshot("lobby-called.png");
        chromium.viewport(810, 1080);  // a tablet held upright
        chromium.screenshot("lobby-called-tablet.png");
        chromium.viewport(1920, 1080);
    }

    @Test
    @Order(4)
    void theCalledVisitorGetsTheYourTurnSms_throughTheOutbox() {
        assertNotNull(code, "the visitor was called");
        String expected = "Numero " + code + ": nyt on sinun vuorosi! Mene tiskille 1.";
        RecordedMessage sms = new FluentWait<>(runtime).withTimeout(PATIENCE).pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> "no \"your turn, desk 1\" SMS reached the visitor within " + PATIENCE.toSeconds()
                        + " s; sent to them: " + bodiesSentTo(VISITOR) + "; " + outboxState(expected))
                .until(r -> r.sentMessages().stream()
                        .filter(m -> VISITOR.equals(m.to()) && m.body().contains(expected)).findFirst().orElse(null));
        assertEquals(DemoSite.NUMBER, sms.from());
        System.out.printf("The \"your turn\" SMS for %s reached the fake Twilio %d ms after N was pressed%n", code,
                Duration.ofNanos(System.nanoTime() - calledAt).toMillis());
    }

    @Test
    @Order(5)
    void markingServed_takesTheTicketFromAtDesks_andOffTheLobbyScreen() {
        assertNotNull(code, "the visitor was called");
        browser.switchTo().window(staffWindow);
        browser.findElement(By.cssSelector("[data-testid='served-" + code + "']")).click();
        waitForFeedback(code + " marked served.");
        waitFor(code + " gone from 'At desks now'", b -> find(By.cssSelector(
                "#called-list > li[data-code='" + code + "']")).isEmpty() ? true : null);
        String finished = waitFor(code + " under 'Recently finished'", b -> find(By.cssSelector(
                "#finished-list > li[data-code='" + code + "']")).map(WebElement::getText).orElse(null));
        assertTrue(finished.contains("Served"), "shown as served: " + finished);
        assertEquals("0", text(By.id("called-count")));

        browser.switchTo().window(lobbyWindow);
        waitFor(code + " gone from the lobby screen", b -> find(By.cssSelector(
                "#calls > li[data-code='" + code + "']")).isEmpty() && visible(By.id("idle")) != null ? true : null);
        assertTrue(samePageLoad(), "the lobby screen updated without reloading");
        chromium.screenshot("lobby-after-served.png");
    }

    @Test
    @Order(6)
    void aWalkInAddedFromTheForm_appearsInTheWaitingList() {
        // The demo site has no topics (JOIN gives a ticket at once); it gets Hervanta's here, the last test, and the
        // page shows them on its next poll without a reload.
        runtime.context().getBean(DynamoSiteDirectory.class).save(DemoSite.create().withTopics(DemoSite.HERVANTA_TOPICS));
        browser.switchTo().window(staffWindow);
        waitFor("the site's topics in the walk-in form", b -> find(By.cssSelector(
                "#walk-in-topic > option[value='KELA']")).orElse(null));
        pressKey("w");  // the documented shortcut to the walk-in form
        WebElement name = browser.switchTo().activeElement();
        assertEquals("walk-in-name", name.getDomAttribute("id"), "W moves the cursor to the walk-in name");
        name.sendKeys("M.K.");
        new Select(browser.findElement(By.id("walk-in-language"))).selectByValue("ar");
        new Select(browser.findElement(By.id("walk-in-topic"))).selectByValue("KELA");
        browser.findElement(By.id("walk-in-name")).sendKeys(Keys.ENTER);

        String feedback = waitFor("a walk-in confirmation", b -> {
            String said = text(By.id("feedback"));
            return said.startsWith("Walk-in M.K. added to the queue with number") ? said : null;
        });
        Matcher matcher = TICKET_CODE.matcher(feedback.replace("M.K.", ""));
        assertTrue(matcher.find(), "the confirmation names the ticket: " + feedback);
        String walkIn = matcher.group(1);

        // The list is re-rendered on every poll, so the row is read whole in one go (again if it was replaced meanwhile).
        WalkInRow row = waitFor(walkIn + " in the waiting list", b -> find(By.cssSelector(
                "#waiting-list > li[data-code='" + walkIn + "']")).map(WalkInRow::read).orElse(null));
        assertEquals("العربية", row.language());
        assertEquals("rtl", row.languageDirection(), "the language's name reads right to left");
        assertEquals("M.K.", row.name());
        assertTrue(row.text().contains("Kela"), "the topic: " + row.text());
        assertTrue(row.needsInterpreter(), "the demo site's staff speak no Arabic: an interpreter is needed");
        assertEquals("", browser.findElement(By.id("walk-in-name")).getDomProperty("value"), "the form is emptied");
        assertTrue(samePageLoad(), "the staff page was not reloaded");
        chromium.viewport(820, 1180);  // a tablet at the desk
        chromium.screenshot("staff-page-tablet.png");
        chromium.viewport(1280, 1000);
    }

    /** What a walk-in's row in the waiting list shows, read at one moment. */
    private record WalkInRow(String language, String languageDirection, String name, String text, boolean needsInterpreter) {
        static WalkInRow read(WebElement ticket) {
            WebElement language = ticket.findElement(By.cssSelector("[data-testid='language']"));
            return new WalkInRow(language.getText(), language.getCssValue("direction"),
                    ticket.findElement(By.cssSelector("[data-testid='walk-in-name'] bdi")).getText(), ticket.getText(),
                    !ticket.findElements(By.cssSelector("[data-testid='needs-interpreter']")).isEmpty());
        }
    }

    // ---------- the visitor's phone ----------

    private static final String LOCAL_DEMO_PASSWORD = "vuoro-demo";

    /** Texts the demo site through the signed webhook, as Twilio would deliver it; returns the reply. */
    private static String text(String from, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "FI");
        params.put("SmsMessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        params.put("NumMedia", "0");
        params.put("SmsStatus", "received");
        params.put("Body", body);
        params.put("To", DemoSite.NUMBER);
        params.put("MessageSid", params.get("SmsMessageSid"));
        params.put("AccountSid", LocalSettings.DEV_TWILIO_ACCOUNT_SID);
        params.put("From", from);
        params.put("ApiVersion", "2010-04-01");
        URI webhook = URI.create(runtime.baseUrl() + "/sms/inbound");
        TwilioWebhookClient.WebhookResponse response = new TwilioWebhookClient(TOKEN).post(webhook, webhook.toString(), params);
        assertEquals(200, response.status(), "the webhook answers: " + response.body());
        try {
            NodeList messages = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(response.body()))).getElementsByTagName("Message");
            return messages.getLength() == 0 ? "" : messages.item(0).getTextContent();
        } catch (Exception e) {
            throw new AssertionError("not TwiML: " + response.body(), e);
        }
    }

    /** Whether the SMS was owed (written to the outbox) but not sent, to tell a missing dispatcher apart. */
    private static String outboxState(String body) {
        List<Map<String, AttributeValue>> due = runtime.dynamo().client().query(q -> q.tableName("VuoroTable")
                .indexName(OutboxItems.GSI).keyConditionExpression("#pk = :due")
                .expressionAttributeNames(Map.of("#pk", OutboxItems.GSI_PK))
                .expressionAttributeValues(Map.of(":due", AttributeValue.fromS(OutboxItems.DUE_PARTITION)))).items();
        long owed = due.stream().filter(item -> item.containsKey("body") && item.get("body").s().contains(body)).count();
        return owed > 0 ? "the SMS waits in the outbox (" + due.size() + " due messages): nothing dispatched it"
                : "the outbox holds no such SMS (" + due.size() + " due messages)";
    }

    private static List<String> bodiesSentTo(String phone) {
        return runtime.sentMessages().stream().filter(m -> phone.equals(m.to())).map(RecordedMessage::body).toList();
    }

    // ---------- the page ----------

    private static <T> T waitFor(String expected, Function<WebDriver, T> shown) {
        return new WebDriverWait(browser, PATIENCE, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "expected " + expected + " within " + PATIENCE.toSeconds() + " s; the page's feedback line says '"
                        + find(By.id("feedback")).map(WebElement::getText).orElse("") + "'")
                .until(shown);
    }

    private static void waitForFeedback(String message) {
        waitFor("the feedback '" + message + "'", b -> text(By.id("feedback")).equals(message) ? true : null);
        WebElement feedback = browser.findElement(By.id("feedback"));
        assertTrue(feedback.getDomAttribute("class").contains("success")
                        || feedback.getDomAttribute("class").contains("info"),
                "said as a success: " + feedback.getDomAttribute("class"));
        assertEquals("polite", feedback.getDomAttribute("aria-live"), "announced to screen readers");
    }

    private static Optional<WebElement> find(By by) {
        List<WebElement> found = browser.findElements(by);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static WebElement visible(By by) {
        return find(by).filter(WebElement::isDisplayed).orElse(null);
    }

    private static String text(By by) {
        try {
            return find(by).map(WebElement::getText).orElse("").strip();
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return "";
        }
    }

    /** A key pressed as someone at the desk would, with the cursor in no text field. */
    private static void pressKey(String key) {
        ((JavascriptExecutor) browser).executeScript("if (document.activeElement) { document.activeElement.blur(); }");
        new Actions(browser).sendKeys(key).perform();
    }

    private static void markThisPageLoad() {
        ((JavascriptExecutor) browser).executeScript("window.vuoroSamePageLoad = true;");
    }

    private static boolean samePageLoad() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return window.vuoroSamePageLoad === true;"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Every log line written while the suite runs. */
    private static final class Logs extends AppenderBase<ILoggingEvent> {

        private final List<String> lines = new ArrayList<>();

        static Logs attach() {
            LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
            Logs logs = new Logs();
            logs.setContext(context);
            logs.start();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(logs);
            return logs;
        }

        void detach() {
            LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
            stop();
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        protected synchronized void append(ILoggingEvent event) {
            lines.add(event.getFormattedMessage());
        }
    }
}
