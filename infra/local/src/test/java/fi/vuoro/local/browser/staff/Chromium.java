package fi.vuoro.local.browser.staff;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium through the system's chromedriver (Debian packages
 * {@code chromium chromium-driver}), started as the simulator page's browser test starts it, with a
 * throwaway profile.
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "browser");

    private final Path profile;
    private final ChromeDriver driver;

    private Chromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** What is missing to run a browser test here, or an empty list. */
    static List<String> missing() {
        return Stream.of(BINARY, DRIVER).filter(p -> !Files.isExecutable(p)).map(Path::toString).toList();
    }

    /** Skips the calling test class where Chromium or chromedriver is not installed. */
    static void assumeInstalled() {
        List<String> missing = missing();
        org.junit.jupiter.api.Assumptions.assumeTrue(missing.isEmpty(), () -> "Chromium and chromedriver are not"
                + " installed: " + String.join(", ", missing) + " missing (apt-get install chromium chromium-driver)");
    }

    /** Starts a browser, or skips the test class where Chromium or chromedriver is not installed. */
    static Chromium startOrSkip(int width, int height) throws IOException {
        assumeInstalled();
        return start(width, height);
    }

    static Chromium start(int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("vuoro-chromium-profile-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                // a window in the background keeps its timers: the pages poll while another window is in front
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile.toAbsolutePath());
        try {
            return new Chromium(profile, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            deleteProfile(profile);
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Makes the current window's page exactly this many CSS pixels, as a TV or a tablet shows it. */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Saves what the current window shows as {@code target/browser/<name>}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile(profile);
        }
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> paths = Files.walk(profile)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("The browser profile " + profile + " was not removed: " + e);
        }
    }
}
