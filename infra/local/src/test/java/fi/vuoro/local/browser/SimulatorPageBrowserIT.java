package fi.vuoro.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.local.DemoSite;
import fi.vuoro.local.LocalRuntime;
import fi.vuoro.local.LocalSettings;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The SMS simulator page served by the local runtime, in real headless Chromium: what a person
 * sees when texting the demo site from it. Needs the system's Chromium and chromedriver (Debian
 * packages {@code chromium chromium-driver}); skipped where they are not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatorPageBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Pattern TICKET_CODE = Pattern.compile("\\b([A-Z][0-9]{1,3})\\b");
    private static final Pattern ARABIC_LETTERS = Pattern.compile("\\p{IsArabic}{3,}");
    private static final String ARABIC_QUEUE = "طابور";

    private static LocalRuntime runtime;
    private static Path profile;
    private static WebDriver browser;
    /** Why the page cannot be tested here, or null when Chromium and chromedriver are installed. */
    private static String browserMissing;

    /** One message bubble of the conversation as shown: sent by the visitor ("out") or received ("in"). */
    record Bubble(String kind, String text, String direction) {
        boolean received() {
            return "in".equals(kind);
        }

        Optional<String> ticketCode() {
            Matcher matcher = TICKET_CODE.matcher(text);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        }

        boolean arabic() {
            return ARABIC_LETTERS.matcher(text).find();
        }
    }

    @BeforeAll
    static void startTheServiceAndABrowser() throws IOException {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p))
                .map(Path::toString).toList();
        if (!missing.isEmpty()) {
            browserMissing = "Chromium and chromedriver are not installed: " + String.join(" and ", missing)
                    + " missing (Debian packages chromium chromium-driver), so the simulator page was not tested";
            System.err.println(browserMissing);
            return;
        }
        runtime = LocalRuntime.start(new LocalSettings(freePort(), LocalSettings.DEV_TWILIO_AUTH_TOKEN, Clock.systemUTC()));
        profile = Files.createTempDirectory("vuoro-chromium-profile-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1000,1100", "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(service, options);
    }

    @BeforeEach
    void skipWhereChromiumIsNotInstalled() {
        if (browserMissing != null) {
            Assumptions.assumeTrue(false, browserMissing);
        }
    }

    @AfterEach
    void screenshotOfEachTest(TestInfo test) {
        screenshot(test.getTestMethod().map(m -> "simulator-" + m.getName() + ".png").orElse("simulator-test.png"));
    }

    @AfterAll
    static void stopTheBrowserAndTheService() {
        try {
            screenshot("simulator.png");
        } finally {
            try {
                if (browser != null) {
                    browser.quit();
                }
            } finally {
                if (runtime != null) {
                    runtime.close();
                }
                deleteProfile();
            }
        }
    }

    @Test
    @Order(1)
    void typingJonoAndPressingEnter_showsTheMessage_andAFinnishReplyWithATicketCode_withoutReloading() {
        openTheSimulator();
        markThisPageLoad();

        long typed = System.nanoTime();
        messageField().sendKeys("JONO", Keys.ENTER);

        List<Bubble> conversation = waitForConversation("the visitor's JONO and a Finnish reply with a ticket code",
                bubbles -> bubbles.size() >= 2
                        && bubbles.get(0).equals(new Bubble("out", "JONO", "ltr"))
                        && bubbles.get(1).received() && bubbles.get(1).ticketCode().isPresent());
        long replyMillis = Duration.ofNanos(System.nanoTime() - typed).toMillis();

        Bubble reply = conversation.get(1);
        assertEquals(2, conversation.size(), "one message and one reply: " + conversation);
        assertTrue(reply.text().contains("jonossa") && reply.text().contains("Numerosi"), "a Finnish reply: " + reply);
        assertEquals("ltr", reply.direction(), "Finnish reads left to right: " + reply);
        assertTrue(samePageLoad(), "the reply appeared without reloading the page");
        assertEquals("", messageField().getDomProperty("value"), "the message field is emptied once sent");
        assertEquals("", statusLine(), "no delivery error is shown");
        System.out.printf("The Finnish reply with ticket %s appeared %d ms after Enter%n",
                reply.ticketCode().orElseThrow(), replyMillis);
    }

    @Test
    @Order(2)
    void arabicQueueButtonFromAnotherNumber_showsAnArabicReplyRightToLeft_andStatusShowsTheSameTicketCode() {
        openTheSimulator();
        markThisPageLoad();
        String freshNumber = "+35841" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        phoneNumberField().clear();
        phoneNumberField().sendKeys(freshNumber);

        quickButton(ARABIC_QUEUE).click();

        List<Bubble> joined = waitForConversation("only the new number's " + ARABIC_QUEUE + " and an Arabic reply",
                bubbles -> bubbles.size() == 2
                        && bubbles.get(0).kind().equals("out") && bubbles.get(0).text().equals(ARABIC_QUEUE)
                        && bubbles.get(1).received() && bubbles.get(1).arabic()
                        && bubbles.get(1).ticketCode().isPresent());
        Bubble arabicReply = joined.get(1);
        String code = arabicReply.ticketCode().orElseThrow();
        assertEquals("rtl", arabicReply.direction(), "an Arabic reply reads right to left: " + arabicReply);

        quickButton("STATUS").click();

        List<Bubble> status = waitForConversation("STATUS and a second Arabic reply",
                bubbles -> bubbles.size() == 4
                        && bubbles.get(2).equals(new Bubble("out", "STATUS", "ltr"))
                        && bubbles.get(3).received() && bubbles.get(3).arabic());
        Bubble statusReply = status.get(3);
        assertEquals(Optional.of(code), statusReply.ticketCode(), "STATUS shows the ticket the visitor got: " + statusReply);
        assertEquals("rtl", statusReply.direction(), "the status reply reads right to left too: " + statusReply);
        assertTrue(samePageLoad(), "the replies appeared without reloading the page");
        assertEquals("", statusLine(), "no delivery error is shown");
    }

    private static void openTheSimulator() {
        browser.get(runtime.baseUrl() + "/simulator/index.html");
        new WebDriverWait(browser, PATIENCE)
                .withMessage(() -> "the advice point's number was not filled in; the field shows '"
                        + adviceNumberField().getDomProperty("value") + "'")
                .until(b -> DemoSite.NUMBER.equals(adviceNumberField().getDomProperty("value")));
        assertTrue(phoneNumberField().getDomProperty("value").matches("\\+358[0-9]{7,}"),
                "the page offers a phone number to text from: " + phoneNumberField().getDomProperty("value"));
    }

    private static void markThisPageLoad() {
        ((JavascriptExecutor) browser).executeScript("window.vuoroSamePageLoad = true;");
    }

    private static boolean samePageLoad() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return window.vuoroSamePageLoad === true;"));
    }

    private static List<Bubble> waitForConversation(String expected, Predicate<List<Bubble>> shown) {
        List<List<Bubble>> last = new ArrayList<>();
        return new WebDriverWait(browser, PATIENCE, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "expected " + expected + " within " + PATIENCE.toSeconds() + " s; the page shows "
                        + (last.isEmpty() ? "nothing" : last.get(0)) + " and the status line '" + statusLine() + "'")
                .until(b -> {
                    List<Bubble> bubbles = conversation();
                    last.clear();
                    last.add(bubbles);
                    return shown.test(bubbles) ? bubbles : null;
                });
    }

    /** The conversation as shown, top to bottom; each bubble's text without its time line. */
    private static List<Bubble> conversation() {
        List<Bubble> bubbles = new ArrayList<>();
        for (WebElement item : browser.findElements(By.cssSelector("#conversation > li"))) {
            String text = item.getText();
            List<WebElement> time = item.findElements(By.tagName("small"));
            if (!time.isEmpty() && text.endsWith(time.get(0).getText())) {
                text = text.substring(0, text.length() - time.get(0).getText().length());
            }
            bubbles.add(new Bubble(item.getDomAttribute("class"), text.strip(), item.getCssValue("direction")));
        }
        return bubbles;
    }

    private static WebElement phoneNumberField() {
        return browser.findElement(By.xpath("//label[contains(normalize-space(), 'Your phone number')]//input"));
    }

    private static WebElement adviceNumberField() {
        return browser.findElement(By.xpath("//label[contains(normalize-space(), 'Advice point number')]//input"));
    }

    private static WebElement messageField() {
        return browser.findElement(By.cssSelector("input[aria-label='Message']"));
    }

    private static WebElement quickButton(String label) {
        return browser.findElement(By.xpath("//button[normalize-space() = '" + label + "']"));
    }

    private static String statusLine() {
        return browser.findElement(By.id("status")).getText();
    }

    private static void screenshot(String name) {
        if (browser == null) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot " + name + ": " + e);
        }
    }

    private static void deleteProfile() {
        if (profile == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(profile)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("The browser profile " + profile + " was not removed: " + e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
