package fi.vuoro.local.browser.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff pages (live queue, interpreters) as a browser test reads them: what they show, waited for
 * within a patience, and the sign-in and the feedback line they share.
 */
final class StaffPages {

    static final String DEMO_PASSWORD = "vuoro-demo";

    private final WebDriver browser;
    private final Duration patience;

    StaffPages(WebDriver browser, Duration patience) {
        this.browser = browser;
        this.patience = patience;
    }

    /** Waits until {@code shown} gives something other than null or false; fails naming what was expected. */
    <T> T waitFor(String expected, Function<WebDriver, T> shown) {
        return new WebDriverWait(browser, patience, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "expected " + expected + " within " + patience.toSeconds()
                        + " s; the feedback line says '" + text(By.id("feedback")) + "'")
                .until(shown);
    }

    /** Waits for a condition on the page's text, e.g. {@code until("…", () -> text(x).contains(y))}. */
    void until(String expected, BooleanSupplier holds) {
        waitFor(expected, b -> holds.getAsBoolean() ? Boolean.TRUE : null);
    }

    Optional<WebElement> find(By by) {
        List<WebElement> found = browser.findElements(by);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    boolean shown(By by) {
        try {
            return find(by).map(WebElement::isDisplayed).orElse(false);
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    /** The visible text of the first match, or "" when there is none. */
    String text(By by) {
        try {
            return find(by).map(WebElement::getText).orElse("").strip();
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return "";
        }
    }

    /** Signs in on the sign-in form the page shows, and waits until the page says who is signed in. */
    void signIn(String username) {
        waitFor("the sign-in form", b -> shown(By.id("sign-in-username")) ? true : null);
        WebElement name = browser.findElement(By.id("sign-in-username"));
        name.clear();
        name.sendKeys(username);
        browser.findElement(By.id("sign-in-password")).sendKeys(DEMO_PASSWORD, Keys.ENTER);
        until(username + " signed in", () -> shown(By.id("session")) && username.equals(text(By.id("username"))));
    }

    /** Waits for the feedback line to say exactly this, said as {@code kind} (success, info, warning, error). */
    void waitForFeedback(String message, String kind) {
        until("the " + kind + " '" + message + "' on the feedback line", () -> message.equals(text(By.id("feedback"))));
        WebElement feedback = browser.findElement(By.id("feedback"));
        assertEquals("feedback " + kind, feedback.getDomAttribute("class"), "said as " + kind);
        boolean urgent = kind.equals("error") || kind.equals("warning");
        assertEquals(urgent ? "assertive" : "polite", feedback.getDomAttribute("aria-live"), "announced to screen readers");
    }

    /** The text a screen reader gets from an element, also one that is visually hidden. */
    String spoken(By by) {
        return find(by).map(e -> e.getDomProperty("textContent")).orElse("").strip();
    }

    /** A key pressed as someone at the desk would, with the cursor in no text field. */
    void pressKey(String key) {
        ((JavascriptExecutor) browser).executeScript("if (document.activeElement) { document.activeElement.blur(); }");
        new Actions(browser).sendKeys(key).perform();
    }

    /**
     * Clicks once the element is there and enabled (the pages disable their buttons while an action runs),
     * scrolled to the middle of the window, clear of the feedback line stuck to its top.
     */
    void click(By by) {
        waitFor("a clickable " + by, b -> find(by).filter(WebElement::isEnabled).map(e -> {
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
            e.click();
            return true;
        }).orElse(null));
    }

    WebElement focused() {
        return browser.switchTo().activeElement();
    }
}
