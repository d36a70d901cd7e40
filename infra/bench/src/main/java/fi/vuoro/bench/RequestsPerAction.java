package fi.vuoro.bench;

import fi.vuoro.local.DemoSite;
import fi.vuoro.local.LocalRuntime;
import fi.vuoro.local.LocalSettings;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * DynamoDB requests per action, counted by {@link DynamoRequestCounter} on the service's own client while the
 * action runs in-process on the local runtime (see {@link InProcessActions}). Every action runs in two rounds: the
 * first after start (the site and the wait estimate's history not cached yet), then the same again, which is what a
 * warm function serves; the table gives both.
 */
final class RequestsPerAction {

    private static final String SITE = InProcessActions.DEMO;
    private static final String SITE_NUMBER = DemoSite.NUMBER;
    private static final String SETTINGS_SITE = "bench-settings";
    private final PrintStream out;

    RequestsPerAction(PrintStream out) {
        this.out = out;
    }

    /** One action's requests in each round. */
    private record Counted(String action, DynamoRequestCounter.Tally first, DynamoRequestCounter.Tally warm) {
    }

    void run(Path serviceLog) throws Exception {
        ServiceOutput.redirectedTo(serviceLog, this::measure);
        out.println("  (service log: " + serviceLog + ")");
    }

    private void measure() throws Exception {
        out.println();
        out.println("== DynamoDB requests per action ==");
        LocalRuntime runtime = LocalRuntime.start(new LocalSettings(WarmLatency.freePort(), WebhookLatency.TOKEN,
                Clock.systemUTC()));
        try {
            // Saving settings drops the saved site from the cache: the settings actions use a site of their own, so
            // they leave the demo site's cache as a warm function has it.
            runtime.context().getBean(DynamoSiteDirectory.class)
                    .save(BenchSites.site(SETTINGS_SITE, "Bench Settings", "+358500000904", 'T'));
            InProcessActions actions = new InProcessActions(runtime, WebhookLatency.TOKEN, 2_000_000,
                    List.of(SETTINGS_SITE));
            Map<String, DynamoRequestCounter.Tally> first = round(actions);
            Map<String, DynamoRequestCounter.Tally> warm = round(actions);
            List<Counted> rows = new ArrayList<>();
            warm.forEach((action, tally) -> rows.add(new Counted(action, first.get(action), tally)));
            out.println();
            out.println("| action | requests | by operation | first call after start |");
            out.println("|---|---|---|---|");
            for (Counted row : rows) {
                out.printf(Locale.ROOT, "| %s | %d | %s | %d%s |%n", row.action(), row.warm().total(),
                        byOperation(row.warm()), row.first().total(),
                        row.first().total() == row.warm().total() ? "" : " (" + byOperation(row.first()) + ")");
            }
            out.println();
            out.println("Calls of each action in the second round, in order (key shapes, ids left out):");
            for (Counted row : rows) {
                out.println("- " + row.action() + ": " + String.join("; ", row.warm().trace()));
            }
            int retried = rows.stream().mapToInt(r -> r.warm().attempts() - r.warm().total()).sum();
            out.println();
            out.println("HTTP attempts beyond the calls (SDK retries) in the warm round: " + retried);
        } finally {
            runtime.close();
        }
    }

    private static String byOperation(DynamoRequestCounter.Tally tally) {
        return tally.calls().isEmpty() ? "none" : tally.calls().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Every action once, in an order that leaves the demo site's queue as it found it. */
    private static Map<String, DynamoRequestCounter.Tally> round(InProcessActions actions) throws Exception {
        Map<String, DynamoRequestCounter.Tally> counted = new LinkedHashMap<>();
        String visitor = actions.newPhone();
        counted.put("join (`JONO` from a new number)", count(() -> actions.sms(visitor, SITE_NUMBER, "JONO")));
        counted.put("repeat join (`JONO` again)", count(() -> actions.sms(visitor, SITE_NUMBER, "JONO")));
        counted.put("status (`STATUS`)", count(() -> actions.sms(visitor, SITE_NUMBER, "STATUS")));
        counted.put("leave (`LEAVE`)", count(() -> actions.sms(visitor, SITE_NUMBER, "LEAVE")));

        String served = actions.newPhone();
        actions.sms(served, SITE_NUMBER, "JONO");
        HttpResponse<?>[] poll = new HttpResponse<?>[1];
        counted.put("staff queue poll, first GET (200)", count(() -> poll[0] = actions.queue(SITE, null)));
        String etag = poll[0].getHeaders().get(HttpHeaders.ETAG);
        counted.put("staff queue poll, unchanged (If-None-Match: 304)", count(() -> {
            HttpResponse<?> again = actions.queue(SITE, etag);
            if (again.code() != 304) {
                throw new IllegalStateException("An unchanged queue answered " + again.code());
            }
        }));
        int[] called = new int[1];
        counted.put("call next", count(() -> called[0] = actions.callNext(SITE, "1")));
        counted.put("served", count(() -> actions.served(SITE, called[0])));
        List<String> tokens = actions.feedbackTokens(List.of(served), 1, 15_000);
        if (tokens.isEmpty()) {
            throw new IllegalStateException("No feedback link reached the served visitor");
        }
        counted.put("feedback submit (POST of the form)", count(() -> actions.submitFeedback(tokens.get(0))));

        actions.sms(actions.newPhone(), SITE_NUMBER, "JONO");
        int missed = actions.callNext(SITE, "1");
        counted.put("no-show", count(() -> actions.noShow(SITE, missed)));

        int[] walkIn = new int[1];
        counted.put("walk-in", count(() -> walkIn[0] = actions.walkIn(SITE, "Bench Walk-in")));
        actions.call(SITE, walkIn[0], "1");
        actions.served(SITE, walkIn[0]);

        String dari = actions.newPhone();
        counted.put("join needing an interpreter (`JOIN DARI`)", count(() -> actions.sms(dari, SITE_NUMBER, "JOIN DARI")));
        counted.put("interpreter YES", count(() -> actions.sms(InProcessActions.dariInterpreter(), SITE_NUMBER, "YES")));
        actions.sms(dari, SITE_NUMBER, "LEAVE");

        Object[] settings = new Object[1];
        counted.put("settings GET", count(() -> settings[0] = actions.settings(SETTINGS_SITE)));
        counted.put("settings PUT (unchanged)", count(() -> actions.saveSettings(SETTINGS_SITE, settings[0])));
        return counted;
    }

    private static DynamoRequestCounter.Tally count(Runnable action) {
        return DynamoRequestCounter.count(action);
    }
}
