package fi.vuoro.local.browser.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.local.feedback.FeedbackVisitSupport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The feedback form in real headless Chromium at a phone's size, opened from the link a served visitor really gets
 * by SMS (the demo site texted through the signed webhook, the visit called and served through the staff API):
 * in Finnish and in Arabic (right to left), with no accessibility violations axe finds against WCAG 2.1 AA on the
 * form, a refused answer and the thanks; answered once, the link then says it was answered. Needs the system's
 * Chromium and chromedriver (Debian packages {@code chromium chromium-driver}); skipped where they are not installed.
 */
class FeedbackFormBrowserIT extends FeedbackVisitSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static Chromium chromium;
    private static WebDriver browser;
    private static StaffPages page;

    @BeforeAll
    static void startABrowserTheSizeOfAPhone() throws IOException {
        List<String> missing = Chromium.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Chromium and chromedriver are not installed: "
                + String.join(", ", missing) + " missing (apt-get install chromium chromium-driver)");
        chromium = Chromium.start(360, 740);
        browser = chromium.driver();
        chromium.viewport(360, 740);
        page = new StaffPages(browser, PATIENCE);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aFinnishVisitor_answersTheFormFromTheirSmsLink_onceOnly() throws Exception {
        String link = servedVisitorsLink("JONO");

        browser.get(link);
        page.until("the form in Finnish", () -> page.text(By.tagName("h1")).endsWith(": millainen käyntisi oli?"));
        assertDocument("fi", "ltr");
        assertTrue(page.text(By.tagName("h1")).contains("Vuoro Demo"), page.text(By.tagName("h1")));
        assertStyledWithoutScript();
        assertNoAxeViolations("the Finnish form");
        assertTouchTargets();
        chromium.screenshot("feedback-form-fi.png");

        choose("helped", 5);
        choose("understood", 4);
        choose("knows", 4);
        browser.findElement(By.id("comment")).sendKeys("Selkeä neuvonta, kiitos!");
        page.click(By.cssSelector("button[type='submit']"));
        page.until("the thanks", () -> page.text(By.tagName("h1")).equals("Kiitos!"));
        assertDocument("fi", "ltr");
        assertNoAxeViolations("the Finnish thanks");
        chromium.screenshot("feedback-thanks-fi.png");

        browser.get(link);
        page.until("'already answered' when the link is opened again",
                () -> page.text(By.tagName("h1")).equals("Olet jo vastannut. Kiitos!"));
        assertTrue(browser.findElements(By.tagName("form")).isEmpty(), "no form to answer again");
    }

    @Test
    void anArabicVisitor_getsTheFormRightToLeft_isToldAtTheFieldWhatIsMissing_andAnswers() throws Exception {
        String link = servedVisitorsLink("JOIN ARABIC");

        browser.get(link);
        page.until("the form in Arabic", () -> page.text(By.tagName("legend")).equals("هل ساعدناك في أمرك؟"));
        assertDocument("ar", "rtl");
        assertEquals("rtl", browser.findElement(By.tagName("main")).getCssValue("direction"));
        assertStyledWithoutScript();
        assertNoAxeViolations("the Arabic form");
        chromium.screenshot("feedback-form-ar.png");

        choose("helped", 4);
        choose("knows", 2);
        page.click(By.cssSelector("label[for='volunteer']"));
        page.click(By.cssSelector("button[type='submit']"));
        page.until("the missing contact said at its field",
                () -> page.text(By.id("problem")).startsWith("من فضلك أخبرنا كيف نتواصل معك"));
        WebElement contact = browser.findElement(By.id("contact"));
        assertEquals("true", contact.getDomAttribute("aria-invalid"));
        assertEquals("problem", contact.getDomAttribute("aria-describedby"));
        assertEquals("alert", browser.findElement(By.id("problem")).getDomAttribute("role"));
        assertEquals("contact", page.focused().getDomAttribute("id"), "the page opens at the field to fill in");
        assertTrue(browser.findElement(By.id("helped-4")).isSelected(), "the earlier choices are kept");
        assertTrue(browser.findElement(By.id("knows-2")).isSelected(), "the earlier choices are kept");
        assertTrue(browser.findElement(By.id("volunteer")).isSelected(), "the advisor box stays ticked");
        assertDocument("ar", "rtl");
        assertNoAxeViolations("the Arabic form with its problem");
        chromium.screenshot("feedback-refused-ar.png");

        contact.sendKeys("amina@example.org");
        page.click(By.cssSelector("button[type='submit']"));
        page.until("the thanks in Arabic", () -> page.text(By.tagName("h1")).equals("شكرا!"));
        assertDocument("ar", "rtl");
        assertNoAxeViolations("the Arabic thanks");

        browser.get(link);
        page.until("'already answered' in Arabic", () -> page.text(By.tagName("h1")).equals("لقد أجبت من قبل. شكرا!"));
        assertDocument("ar", "rtl");
    }

    /** Picks a point of a question as a visitor does: by tapping its smiley and label. */
    private static void choose(String question, int point) {
        page.click(By.cssSelector("label[for='" + question + "-" + point + "']"));
        assertTrue(browser.findElement(By.id(question + "-" + point)).isSelected(), question + " " + point);
    }

    private static void assertDocument(String lang, String dir) {
        WebElement html = browser.findElement(By.tagName("html"));
        assertEquals(lang, html.getDomAttribute("lang"));
        assertEquals(dir, html.getDomAttribute("dir"));
    }

    /** The stylesheet passed the page's content security policy, and the page runs no script of its own. */
    private static void assertStyledWithoutScript() {
        assertEquals("rgba(11, 79, 138, 1)", browser.findElement(By.cssSelector("button[type='submit']"))
                .getCssValue("background-color"), "feedback.css is applied");
        assertEquals(0L, ((JavascriptExecutor) browser).executeScript("return document.scripts.length;"));
    }

    /** Every answer and the button can be tapped with a finger: at least 44 by 44 CSS pixels. */
    private static void assertTouchTargets() {
        for (WebElement target : browser.findElements(By.cssSelector(".choice label, button[type='submit']"))) {
            assertTrue(target.getSize().height >= 44 && target.getSize().width >= 44,
                    target.getText() + " is " + target.getSize());
        }
    }

    private static void assertNoAxeViolations(String what) {
        List<Axe.Violation> violations = Axe.violations(browser);
        assertTrue(violations.isEmpty(), what + " breaks WCAG 2.1 AA: " + violations);
    }
}
