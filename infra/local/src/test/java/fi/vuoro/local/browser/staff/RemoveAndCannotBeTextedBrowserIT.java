package fi.vuoro.local.browser.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.local.staff.StaffApiSupport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff live queue in real headless Chromium: a visitor who texted STOP and then JOIN shows "cannot be texted";
 * "Remove" on a junk ticket asks first, does nothing when staff say no, and on yes takes the ticket out of the
 * waiting list into the finished one as "Removed". Needs the system's Chromium and chromedriver; skipped where they
 * are not installed.
 */
class RemoveAndCannotBeTextedBrowserIT extends StaffApiSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static Chromium chromium;
    private static WebDriver browser;
    private static StaffPages page;

    /** The page works out "waited N min" from the browser's own clock: the service runs on the time of day. */
    @BeforeAll
    static void startABrowser() throws IOException {
        chromium = Chromium.startOrSkip(1280, 1000);
        clock.set(Instant.now());
        browser = chromium.driver();
        page = new StaffPages(browser, PATIENCE);
    }

    @AfterAll
    static void screenshotAndClose() {
        if (chromium != null) {
            chromium.screenshot("remove-and-cannot-be-texted.png");
            chromium.close();
        }
    }

    private static By waiting(String code) {
        return By.cssSelector("#waiting-list > li[data-code='" + code + "']");
    }

    private static Alert confirmation() {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.alertIsPresent());
    }

    @Test
    void aVisitorWhoSentStop_showsCannotBeTexted_andAJunkTicketIsRemovedOnlyAfterStaffConfirm() {
        String optedOut = newPhone();
        text(optedOut, "STOP");
        String optedOutCode = text(optedOut, "JOIN").ticketCode();
        String junkCode = text(newPhone(), "JOIN").ticketCode();

        browser.get(runtime.baseUrl() + "/staff/index.html");
        page.signIn("anna");
        page.waitFor(junkCode + " in the waiting list", b -> page.find(waiting(junkCode)).orElse(null));
        By label = By.cssSelector("#waiting-list > li[data-code='" + optedOutCode + "'] [data-testid='cannot-be-texted']");
        page.until("'cannot be texted' on " + optedOutCode, () -> page.shown(label));
        assertTrue(page.text(label).startsWith("Cannot be texted"), page.text(label));
        assertTrue(page.find(By.cssSelector("#waiting-list > li[data-code='" + junkCode
                + "'] [data-testid='cannot-be-texted']")).isEmpty(), "a visitor SMS reach has no such label");

        page.click(By.cssSelector("[data-testid='remove-" + junkCode + "']"));
        Alert asked = confirmation();
        assertTrue(asked.getText().contains("Remove " + junkCode), asked.getText());
        asked.dismiss();
        page.until(junkCode + " still waiting after 'no'", () -> page.shown(waiting(junkCode)));

        page.click(By.cssSelector("[data-testid='remove-" + junkCode + "']"));
        confirmation().accept();

        page.waitForFeedback(junkCode + " removed from the queue. Nobody was texted.", "success");
        page.until(junkCode + " gone from the waiting list", () -> page.find(waiting(junkCode)).isEmpty());
        By finished = By.cssSelector("#finished-list > li[data-code='" + junkCode + "']");
        page.until(junkCode + " among the finished", () -> page.text(finished).contains("Removed"));
        assertEquals("REMOVED", page.find(finished).orElseThrow().getDomAttribute("data-status"));
        assertTrue(sentTo(optedOut).stream().noneMatch(sms -> sms.statusCallback() != null), "no SMS, only replies");
    }
}
