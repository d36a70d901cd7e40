package fi.vuoro.local.browser.staff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core accessibility engine (4.10.2, MPL-2.0, from the npm registry, kept in the test resources beside
 * its licence, so nothing is fetched at run time), run in the page the browser shows against WCAG 2.1 A and AA.
 */
final class Axe {

    private static final String SCRIPT = load();
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Axe() {
    }

    /** One rule the page breaks, with the elements that break it. */
    record Violation(String rule, String impact, String help, List<String> targets) {

        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + " at " + targets;
        }
    }

    /** What axe finds wrong with the page as it is now; an empty list when it meets WCAG 2.1 AA as axe checks it. */
    @SuppressWarnings("unchecked")
    static List<Violation> violations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        js.executeScript(SCRIPT);
        Object result = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                        + ".then(r => done(r.violations.map(v => ({rule: v.id, impact: v.impact, help: v.help,"
                        + " targets: v.nodes.map(n => n.target.join(' '))}))))"
                        + ".catch(e => done([{rule: 'axe-error', impact: 'critical', help: String(e), targets: []}]));",
                WCAG_21_AA);
        return ((List<Map<String, Object>>) result).stream().map(v -> new Violation((String) v.get("rule"),
                String.valueOf(v.get("impact")), (String) v.get("help"), (List<String>) v.get("targets"))).toList();
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
