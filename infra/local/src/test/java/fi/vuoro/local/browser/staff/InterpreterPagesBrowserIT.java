package fi.vuoro.local.browser.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.local.DemoInterpreters;
import fi.vuoro.local.RunningService;
import fi.vuoro.testkit.FakeTwilioApi.RecordedMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;

/**
 * Interpreters on the staff pages, in real headless Chromium against the local runtime. On the live queue: a
 * visitor who texts JOIN DARI shows the search with both demo Dari interpreters asked; an interpreter's YES shows
 * who confirmed, with a masked number, and that "call next" passes the visitor by until the interpreter is here;
 * "Interpreter arrived" lets call next call them; staff cancel a search and ask again. On the interpreters page:
 * the demo site's coordinator, coming from the queue, lists the interpreters, adds one, changes and deactivates
 * them and removes them, with each refusal shown at the field it is about; staff who coordinate no site are told
 * the page is not theirs. Each test leaves the queue and the interpreters as the next one expects. Needs the
 * system's Chromium and chromedriver (Debian packages {@code chromium chromium-driver}); skipped where they are
 * not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InterpreterPagesBrowserIT extends RunningService {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)\\D*$");
    private static final Pattern WALK_IN_NUMBER = Pattern.compile("with number ([A-Z][0-9]{1,3})\\.");
    private static final String NEW_INTERPRETER = "Nasrin Rahimi";

    private static Chromium chromium;
    private static WebDriver browser;
    private static StaffPages page;
    private static String annaWindow;

    /** The visitor who needs Dari, whose interpreter the queue tests follow. */
    private static String dari;

    @BeforeAll
    static void startABrowser_withTheServiceOnTheTimeOfDay() throws IOException {
        List<String> missing = Chromium.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Chromium and chromedriver are not installed: "
                + String.join(", ", missing) + " missing (apt-get install chromium chromium-driver)");
        // The page works out "waited N min" from the browser's own clock.
        clock.set(Instant.now());
        chromium = Chromium.start(1280, 1000);
        browser = chromium.driver();
        page = new StaffPages(browser, PATIENCE);
        annaWindow = browser.getWindowHandle();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    // ---------- the live queue ----------

    @Test
    @Order(1)
    void anna_signsIn_andOpensDesk1_withNoLinkToTheInterpreters_sinceSheCoordinatesNoSite() {
        browser.get(runtime.baseUrl() + "/staff/index.html");
        page.signIn("anna");
        page.until("the live queue of Vuoro Demo", () -> page.shown(By.id("main"))
                && page.text(By.id("site-name")).equals("Vuoro Demo")
                && page.text(By.id("refreshed")).startsWith("Updates by itself"));
        WebElement desk = browser.findElement(By.id("my-desk"));
        desk.clear();
        desk.sendKeys("1");
        page.click(By.id("desk-toggle"));
        page.waitForFeedback("Desk 1 is open.", "success");
        assertFalse(page.shown(By.id("interpreters-link")), "anna is staff of the demo site, not its coordinator");
    }

    @Test
    @Order(2)
    void aVisitorWhoTextsJoinDari_showsFindingAnInterpreter_withBothDemoDariInterpretersAsked() {
        dari = text(newPhone(), "JOIN DARI").ticketCode();

        String state = waitForInterpreterState(dari, "the search in wave 1",
                s -> s.startsWith("Finding interpreter (wave 1): asked "));
        assertTrue(state.contains("Parisa Ahmadi") && state.contains("Hamid Karimi"), "both asked: " + state);
        assertFalse(state.contains("Ayaan Warsame"), "the Arabic and Somali interpreter is not asked: " + state);
        assertTrue(skippedByCallNext(dari), "call next passes the visitor by: no interpreter is here yet");
        // The list is re-rendered on every poll: the row's class and its call button are read in one go.
        List<String> ticket = page.waitFor(dari + " in the waiting list", x -> page.find(waitingRow(dari)).map(row -> List.of(
                row.getDomAttribute("class"),
                row.findElement(By.cssSelector("[data-testid='call-" + dari + "']")).getDomAttribute("aria-label"))).orElse(null));
        assertTrue(ticket.get(0).contains("held"), "the row looks held back too");
        assertEquals("Call " + dari + " to my desk (their interpreter is not here yet)", ticket.get(1));
        assertEquals(List.of("Cancel interpreter"), interpreterButtons(dari));
    }

    @Test
    @Order(3)
    void anInterpretersYes_showsWhoConfirmedWithAMaskedNumber_andThatCallNextStillPassesTheVisitorBy() {
        assertNotNull(dari, "the visitor joined");
        RecordedMessage offer = awaitSms(DemoInterpreters.DARI_AND_ARABIC, 0, m -> true);
        String confirmed = text(DemoInterpreters.DARI_AND_ARABIC, "YES " + offerCode(offer)).text();
        assertTrue(confirmed.contains(dari), "Hamid is told the visit is his: " + confirmed);

        String state = waitForInterpreterState(dari, "Hamid's confirmation", s -> s.startsWith("Interpreter confirmed: "));
        assertTrue(state.startsWith("Interpreter confirmed: Hamid Karimi, +358 "), state);
        assertTrue(state.contains("•") && !state.contains("500000202"), "his number is masked: " + state);
        assertTrue(skippedByCallNext(dari), "confirmed is not here: call next still passes the visitor by");
        assertEquals(List.of("Interpreter arrived", "Cancel interpreter"), interpreterButtons(dari));
        assertTrue(page.spoken(By.id("interpreter-news")).contains(dari + ": Interpreter confirmed: Hamid Karimi"),
                "announced to screen readers: " + page.spoken(By.id("interpreter-news")));
        chromium.screenshot("staff-interpreter-confirmed.png");
    }

    @Test
    @Order(4)
    void callNext_passesByTheVisitorWaitingForTheirInterpreter_andCallsTheOneBehindThem() {
        assertNotNull(dari, "the visitor joined");
        String finn = text(newPhone(), "JONO").ticketCode();
        waitingTicket(finn);
        assertFalse(skippedByCallNext(finn), "a Finnish visitor needs no interpreter");
        assertEquals(List.of("Ask for interpreter"), interpreterButtons(finn), "any visitor can be found one");

        page.pressKey("n");
        page.waitForFeedback(finn + " (Finnish) called to desk 1.", "success");
        page.click(testId("served-" + finn));
        page.waitForFeedback(finn + " marked served.", "success");

        page.click(By.id("call-next"));
        page.waitForFeedback("Nobody is waiting to be called. " + dari
                + " waits for an interpreter; their own Call button calls them anyway.", "error");
        assertTrue(page.shown(waitingRow(dari)), dari + " is still waiting");
    }

    @Test
    @Order(5)
    void interpreterArrived_showsTheInterpreterHere_andCallNextThenCallsTheVisitor_andTextsTheInterpreterTheDesk() {
        assertNotNull(dari, "the visitor joined");
        page.click(testId("interpreter-arrived-" + dari));
        page.waitForFeedback(dari + ": interpreter here. Call next can call them now.", "success");
        waitForInterpreterState(dari, "Hamid here", "Interpreter here: Hamid Karimi"::equals);
        page.until("no 'call next skips' on " + dari, () -> !skippedByCallNext(dari));
        assertEquals(List.of(), interpreterButtons(dari), "nothing left to do about the interpreter");

        int since = runtime.sentMessages().size();
        page.click(By.id("call-next"));
        page.waitForFeedback(dari + " (Persian, needs an interpreter) called to desk 1.", "success");
        WebElement atDesk = page.waitFor(dari + " under 'At desks now'",
                b -> page.find(By.cssSelector("#called-list > li[data-code='" + dari + "']")).orElse(null));
        assertTrue(atDesk.getText().contains("Interpreter here: Hamid Karimi"), atDesk.getText());
        RecordedMessage desk = awaitSms(DemoInterpreters.DARI_AND_ARABIC, since, m -> m.body().contains(dari));
        assertTrue(desk.body().contains("1"), "Hamid is told the desk: " + desk.body());

        page.click(testId("served-" + dari));
        page.waitForFeedback(dari + " marked served.", "success");
    }

    @Test
    @Order(6)
    void cancellingAndAskingAgain_changeTheInterpreterStateOfAWalkInWhoNeedsDari() {
        WebElement name = browser.findElement(By.id("walk-in-name"));
        name.sendKeys("R. S.");
        new Select(browser.findElement(By.id("walk-in-language"))).selectByValue("fa");
        name.sendKeys(Keys.ENTER);
        String added = page.waitFor("the walk-in's number", b -> {
            Matcher matcher = WALK_IN_NUMBER.matcher(page.text(By.id("feedback")));
            return matcher.find() ? matcher.group(1) : null;
        });
        waitForInterpreterState(added, "the search in wave 1", s -> s.startsWith("Finding interpreter (wave 1): asked "));

        page.click(testId("interpreter-cancel-" + added));
        page.waitForFeedback(added + ": Interpreter cancelled.", "success");
        waitForInterpreterState(added, "cancelled", "Interpreter cancelled"::equals);
        page.until("no 'call next skips' on " + added, () -> !skippedByCallNext(added));
        assertEquals(List.of("Ask for interpreter"), interpreterButtons(added));

        page.click(testId("interpreter-ask-" + added));
        page.until("the new search said", () -> page.text(By.id("feedback"))
                .startsWith(added + ": Finding interpreter (wave 1): asked "));
        waitForInterpreterState(added, "a new search", s -> s.startsWith("Finding interpreter (wave 1): asked "));
        assertTrue(skippedByCallNext(added), "call next passes them by again");
        assertEquals(List.of("Cancel interpreter"), interpreterButtons(added));

        // The visit ends as staff end it, so no offer stays open and nobody waits.
        page.click(testId("interpreter-cancel-" + added));
        page.waitForFeedback(added + ": Interpreter cancelled.", "success");
        page.click(testId("call-" + added));
        page.waitForFeedback(added + " (Persian, needs an interpreter, walk-in R. S.) called to desk 1.", "success");
        page.click(testId("served-" + added));
        page.waitForFeedback(added + " marked served.", "success");
    }

    // ---------- the interpreters page ----------

    @Test
    @Order(7)
    void theCoordinator_comesFromTheQueueToTheInterpretersPage_andSeesTheThreeDemoInterpreters_withMaskedNumbers() {
        browser.switchTo().newWindow(WindowType.WINDOW);
        browser.get(runtime.baseUrl() + "/staff/index.html");
        page.signIn("coordinator");
        page.click(By.id("interpreters-link"));

        page.until("the three interpreters of Vuoro Demo", () -> rows().size() == 3
                && page.text(By.id("site-name")).equals("Vuoro Demo"));
        assertEquals("coordinator", page.text(By.id("username")), "one sign-in serves both pages");
        assertEquals(List.of("Ayaan Warsame", "Hamid Karimi", "Parisa Ahmadi"),
                rows().stream().map(r -> r.findElement(By.className("name")).getText()).toList());
        for (WebElement row : rows()) {
            String number = cell(row, Column.NUMBER);
            assertTrue(number.startsWith("+358 ") && number.contains("•") && !number.contains("50000020"),
                    "a masked number: " + number);
        }
        WebElement hamid = row("Hamid Karimi");
        assertTrue(cell(hamid, Column.NAME).contains("SMS in Finnish"), cell(hamid, Column.NAME));
        assertEquals("Arabic, Persian", cell(hamid, Column.INTERPRETS));
        assertEquals("Vuoro Demo", cell(hamid, Column.SITES));
        assertEquals("At all hours", cell(hamid, Column.HOURS));
        assertEquals("Active", cell(hamid, Column.ACTIVE));
        assertEquals(List.of("Vuoro Demo (demo)", "hervanta (hervanta)"), new Select(browser.findElement(
                By.id("site-choice"))).getOptions().stream().map(WebElement::getText).toList(),
                "the sites the coordinator coordinates");
    }

    @Test
    @Order(8)
    void addingAnInterpreter_listsThemWithAMaskedNumber_andANumberAlreadyRegisteredIsRefusedAtThePhoneField() {
        type(By.id("f-name"), NEW_INTERPRETER);
        type(By.id("f-phone"), DemoInterpreters.DARI);
        new Select(browser.findElement(By.id("f-language"))).selectByValue("fa");
        page.click(testId("languages-fa"));
        page.click(testId("languages-ru"));
        page.click(By.id("f-hours-weekly"));
        type(By.id("f-day-MON"), "09:00-16:00");
        page.click(By.id("f-save"));

        page.until("the refusal at the phone field", () -> page.text(By.id("form-error"))
                .equals("Phone number: this number already belongs to an interpreter"));
        WebElement phone = browser.findElement(By.id("f-phone"));
        assertEquals("true", phone.getDomAttribute("aria-invalid"), "the field is marked");
        assertEquals("f-phone", page.focused().getDomAttribute("id"), "the cursor is put in the field");
        assertEquals(3, rows().size(), "nobody was added");

        String number = newPhone();
        type(By.id("f-phone"), number);
        page.click(By.id("f-save"));
        page.waitForFeedback(NEW_INTERPRETER + " added: offered Persian, Russian interpreting.", "success");
        WebElement added = row(NEW_INTERPRETER);
        String masked = cell(added, Column.NUMBER);
        assertTrue(masked.contains("•") && !masked.contains(number.substring(4)), "masked: " + masked);
        assertEquals("Persian, Russian", cell(added, Column.INTERPRETS));
        assertEquals("Mon 09:00-16:00", cell(added, Column.HOURS));
        assertEquals("Active", cell(added, Column.ACTIVE));
        assertEquals("Add an interpreter", page.text(By.id("form-title")), "the form is ready for the next one");
        assertEquals("", browser.findElement(By.id("f-name")).getDomProperty("value"));
        assertEquals(null, phone.getDomAttribute("aria-invalid"), "the refusal is gone");
        chromium.screenshot("interpreters-page.png");
        chromium.viewport(820, 1180);  // a coordinator's tablet
        chromium.screenshot("interpreters-page-tablet.png");
        chromium.viewport(1280, 1000);
    }

    @Test
    @Order(9)
    void editing_changesTheLanguagesAndHours_refusingHoursNotWrittenAsHHmm_andKeepsTheNumber_thenDeactivating() {
        String number = cell(row(NEW_INTERPRETER), Column.NUMBER);
        page.click(rowButton(NEW_INTERPRETER, "Edit"));
        page.until("the form for " + NEW_INTERPRETER, () -> page.text(By.id("form-title"))
                .equals("Change " + NEW_INTERPRETER));
        assertEquals("", browser.findElement(By.id("f-phone")).getDomProperty("value"), "a number is never read back");
        assertTrue(page.text(By.id("f-phone-hint")).contains("Leave empty to keep the number"));
        chromium.screenshot("interpreters-editing.png");
        page.click(testId("languages-ru"));
        page.click(testId("languages-ar"));
        type(By.id("f-day-MON"), "");
        type(By.id("f-day-TUE"), "10-14");
        page.click(By.id("f-save"));

        page.until("the refusal at the weekly hours", () -> page.text(By.id("form-error"))
                .startsWith("Weekly hours: hours are given per weekday as HH:mm-HH:mm"));
        assertEquals("true", browser.findElement(By.id("f-hours")).getDomAttribute("aria-invalid"));
        assertEquals("Mon 09:00-16:00", cell(row(NEW_INTERPRETER), Column.HOURS), "nothing was changed");

        type(By.id("f-day-TUE"), "10:00-14:00");
        page.click(By.id("f-save"));
        page.waitForFeedback("Changes to " + NEW_INTERPRETER + " saved.", "success");
        page.until("the new hours listed", () -> cell(row(NEW_INTERPRETER), Column.HOURS).equals("Tue 10:00-14:00"));
        assertEquals("Arabic, Persian", cell(row(NEW_INTERPRETER), Column.INTERPRETS));
        assertEquals(number, cell(row(NEW_INTERPRETER), Column.NUMBER), "the number was kept");

        page.click(rowButton(NEW_INTERPRETER, "Deactivate"));
        page.waitForFeedback(NEW_INTERPRETER + " is deactivated: not offered interpreting until activated again.",
                "success");
        assertEquals("Inactive", cell(row(NEW_INTERPRETER), Column.ACTIVE));
        assertTrue(page.shown(rowButton(NEW_INTERPRETER, "Activate")), "and can be activated again");
        assertEquals("Tue 10:00-14:00", cell(row(NEW_INTERPRETER), Column.HOURS), "deactivating keeps the hours");
    }

    @Test
    @Order(10)
    void removing_asksFirst_keepLeavesTheInterpreter_andRemoveTakesThemOffTheList() {
        page.click(rowButton(NEW_INTERPRETER, "Remove"));
        page.until("the question", () -> page.shown(By.id("remove-dialog")));
        assertTrue(page.text(By.id("remove-text")).startsWith("Remove " + NEW_INTERPRETER + " (+358 "),
                page.text(By.id("remove-text")));
        assertEquals("remove-keep", page.focused().getDomAttribute("id"), "the safe answer has the cursor");
        page.click(By.id("remove-keep"));
        page.until("the question closed", () -> !page.shown(By.id("remove-dialog")));
        assertEquals(4, rows().size(), "kept");

        page.click(rowButton(NEW_INTERPRETER, "Remove"));
        page.click(By.id("remove-confirm"));
        page.waitForFeedback(NEW_INTERPRETER + " removed.", "success");
        page.until("the three demo interpreters again", () -> rows().size() == 3);
        assertTrue(rows().stream().noneMatch(r -> r.getText().contains(NEW_INTERPRETER)));
    }

    @Test
    @Order(11)
    void anna_whoCoordinatesNoSite_isToldTheInterpretersPageIsForCoordinators() {
        browser.switchTo().window(annaWindow);
        browser.get(runtime.baseUrl() + "/staff/interpreters.html?site=demo");
        page.until("the refusal", () -> page.shown(By.id("not-coordinator")));
        assertEquals("Only for coordinators", page.text(By.id("not-coordinator-title")));
        assertEquals("You are signed in as anna, who coordinates no site. A site's coordinator adds and changes its "
                + "interpreters: ask yours for a change.", page.text(By.id("not-coordinator-text")));
        assertFalse(page.shown(By.id("main")), "no list and no form");
        chromium.screenshot("interpreters-not-coordinator.png");
    }

    // ---------- the queue's rows ----------

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private static By waitingRow(String code) {
        return By.cssSelector("#waiting-list > li[data-code='" + code + "']");
    }

    private static WebElement waitingTicket(String code) {
        return page.waitFor(code + " in the waiting list", b -> page.find(waitingRow(code)).orElse(null));
    }

    private static String waitForInterpreterState(String code, String expected, Predicate<String> matches) {
        By state = By.cssSelector("[data-testid='interpreter-" + code + "'] [data-testid='interpreter-state']");
        return page.waitFor(code + ": " + expected + " (shown: '" + page.text(state) + "')", b -> {
            String shown = page.text(state);
            return matches.test(shown) ? shown : null;
        });
    }

    private static boolean skippedByCallNext(String code) {
        return page.shown(By.cssSelector("#waiting-list [data-testid='interpreter-" + code
                + "'] [data-testid='skipped-by-call-next']"));
    }

    private static List<String> interpreterButtons(String code) {
        return browser.findElements(By.cssSelector("[data-testid='interpreter-" + code + "'] button")).stream()
                .map(WebElement::getText).toList();
    }

    // ---------- the interpreters list ----------

    /** The columns of the interpreters table, in order. */
    private enum Column { NAME, NUMBER, INTERPRETS, SITES, HOURS, ACTIVE }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#interpreter-rows > tr"));
    }

    private static WebElement row(String name) {
        return page.waitFor(name + " in the list", b -> rows().stream()
                .filter(r -> r.findElement(By.className("name")).getText().equals(name)).findFirst().orElse(null));
    }

    private static String cell(WebElement row, Column column) {
        return row.findElements(By.tagName("td")).get(column.ordinal()).getText().strip().replace('\n', ' ');
    }

    private static By rowButton(String name, String label) {
        return By.xpath("//tbody[@id='interpreter-rows']/tr[.//strong[@class='name']='" + name + "']//button[.='"
                + label + "']");
    }

    private static void type(By field, String text) {
        WebElement input = browser.findElement(field);
        input.clear();
        input.sendKeys(text);
    }

    // ---------- SMS ----------

    /** The first SMS sent to the number through Twilio's REST API (not a TwiML reply) after {@code since}. */
    private static RecordedMessage awaitSms(String phone, int since, Predicate<RecordedMessage> matching) {
        return new FluentWait<>(runtime).withTimeout(PATIENCE).pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> "no matching SMS reached the interpreter within " + PATIENCE.toSeconds() + " s")
                .until(r -> {
                    List<RecordedMessage> all = r.sentMessages();
                    return all.subList(Math.min(since, all.size()), all.size()).stream()
                            .filter(m -> phone.equals(m.to()) && m.statusCallback() != null).filter(matching)
                            .findFirst().orElse(null);
                });
    }

    /** An offer's code: the last number of its text. */
    private static int offerCode(RecordedMessage offer) {
        Matcher matcher = LAST_NUMBER.matcher(offer.body());
        assertTrue(matcher.find(), "no offer code in: " + offer.body());
        return Integer.parseInt(matcher.group(1));
    }
}
