package fi.vuoro.local.browser.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.local.DemoInterpreters;
import fi.vuoro.local.RunningService;
import java.io.IOException;
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
import org.openqa.selenium.support.ui.Select;

/**
 * Interpreters on the staff pages, in real headless Chromium against the local runtime. On the interpreters page:
 * the demo site's coordinator lists the interpreters, adds one, changes and deactivates them and removes them,
 * with each refusal shown at the field it is about; staff who coordinate no site are told the page is not theirs.
 * Each test leaves the interpreters as the next one expects. Needs the system's Chromium and chromedriver (Debian
 * packages {@code chromium chromium-driver}); skipped where they are not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InterpreterPagesBrowserIT extends RunningService {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String NEW_INTERPRETER = "Nasrin Rahimi";

    private static Chromium chromium;
    private static WebDriver browser;
    private static StaffPages page;
    private static String annaWindow;

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

    // ---------- the interpreters page ----------

    @Test
    @Order(1)
    void theCoordinator_signsIn_andSeesTheThreeDemoInterpreters_withMaskedNumbers() {
        browser.switchTo().newWindow(WindowType.WINDOW);
        browser.get(runtime.baseUrl() + "/staff/interpreters.html");
        page.signIn("coordinator");

        page.until("the three interpreters of Vuoro Demo", () -> rows().size() == 3
                && page.text(By.id("site-name")).equals("Vuoro Demo"));
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
    @Order(2)
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
    @Order(3)
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
    @Order(4)
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
    @Order(5)
    void anna_whoCoordinatesNoSite_isToldTheInterpretersPageIsForCoordinators() {
        browser.switchTo().window(annaWindow);
        browser.get(runtime.baseUrl() + "/staff/interpreters.html?site=demo");
        page.signIn("anna");
        page.until("the refusal", () -> page.shown(By.id("not-coordinator")));
        assertEquals("Only for coordinators", page.text(By.id("not-coordinator-title")));
        assertEquals("You are signed in as anna, who coordinates no site. A site's coordinator adds and changes its "
                + "interpreters: ask yours for a change.", page.text(By.id("not-coordinator-text")));
        assertFalse(page.shown(By.id("main")), "no list and no form");
        chromium.screenshot("interpreters-not-coordinator.png");
    }

    // ---------- the interpreters list ----------

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

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
}
