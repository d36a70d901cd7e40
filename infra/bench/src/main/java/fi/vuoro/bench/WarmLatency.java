package fi.vuoro.bench;

import fi.vuoro.local.DemoSite;
import fi.vuoro.local.LocalRuntime;
import fi.vuoro.local.LocalSettings;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warm latency in-process: each action called on the local runtime's controller beans ({@link InProcessActions}),
 * one call at a time, timed around the call. Visitors and staff work in "days" of a benchmark site each (a copy of
 * the demo site), so no queue grows beyond a day's size: per day, {@code day} visitors join, join again and ask
 * their status, a quarter of them leave, staff add as many walk-ins, poll the queue (a full read, then unchanged
 * with its ETag), and call everyone who waits, serving every other one and marking the rest no-show; the served
 * visitors post their feedback form (once every day is done, as the links arrive), and the coordinator reads and saves the site's settings. Interpreter YES
 * runs on the demo site, whose interpreters the local runtime seeds: a Dari visitor joins, the Dari interpreter
 * answers YES (timed), the visitor leaves.
 */
final class WarmLatency {

    private static final String[] ACTIONS = {"join", "repeat join", "status", "leave", "walk-in",
        "queue poll (200)", "queue poll (304)", "call next", "served", "no-show", "feedback submit",
        "interpreter YES", "settings GET", "settings PUT"};

    private final PrintStream out;
    private final int calls;
    private final int day;
    private final int interpreterCalls;
    private final int warmUpDays;
    private final Map<String, List<Long>> timings = new LinkedHashMap<>();
    private boolean recording;
    private final List<String> servedVisitors = new ArrayList<>();
    private int expectedLinks;

    WarmLatency(PrintStream out, int calls, int day, int interpreterCalls, int warmUpDays) {
        this.out = out;
        this.calls = calls;
        this.day = Math.max(8, day);
        this.interpreterCalls = interpreterCalls;
        this.warmUpDays = warmUpDays;
        for (String action : ACTIONS) {
            timings.put(action, new ArrayList<>());
        }
    }

    void run(Path serviceLog) throws Exception {
        ServiceOutput.redirectedTo(serviceLog, this::measure);
        out.println("  (service log: " + serviceLog + ")");
    }

    private void measure() throws Exception {
        out.println();
        out.println("== Warm latency in-process ==");
        int days = warmUpDays + Math.max(1, (calls + day - 1) / day);
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            sites.add("bench-day-" + i);
        }
        LocalRuntime runtime = LocalRuntime.start(new LocalSettings(freePort(), WebhookLatency.TOKEN, Clock.systemUTC()));
        try {
            DynamoSiteDirectory directory = runtime.context().getBean(DynamoSiteDirectory.class);
            for (int i = 0; i < days; i++) {
                directory.save(BenchSites.site(sites.get(i), "Bench Day " + i, number(i), 'B'));
            }
            InProcessActions actions = new InProcessActions(runtime, WebhookLatency.TOKEN, 3_000_000, sites);
            long start = System.nanoTime();
            for (int i = 0; i < days; i++) {
                recording = i >= warmUpDays;
                day(actions, sites.get(i), number(i));
                interpreterYes(actions, recording ? interpreterCalls / (days - warmUpDays) : 10);
            }
            // The feedback links go out through the outbox behind each site's "your turn" SMS, one SMS per second per
            // number, as Twilio allows: they are collected once every day is done.
            List<String> tokens = actions.feedbackTokens(servedVisitors, expectedLinks, 120_000);
            recording = true;
            tokens.forEach(token -> time("feedback submit", () -> actions.submitFeedback(token)));
            long took = System.nanoTime() - start;
            out.printf(Locale.ROOT, "%d warm-up days and %d measured days of %d visitors each, one call at a time; "
                            + "%d interpreter YES on the demo site; %.0f s%n",
                    warmUpDays, days - warmUpDays, day, interpreterCalls, took / 1e9);
            out.println();
            out.println("| action | calls | p50 ms | p99 ms | max ms |");
            out.println("|---|---|---|---|---|");
            timings.forEach((action, nanos) -> {
                if (nanos.isEmpty()) {
                    return;
                }
                long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(sorted);
                out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f |%n", action, sorted.length,
                        Stats.ms(Stats.percentile(sorted, 50)), Stats.ms(Stats.percentile(sorted, 99)),
                        Stats.ms(sorted[sorted.length - 1]));
            });
        } finally {
            runtime.close();
        }
    }

    private static String number(int day) {
        return String.format(Locale.ROOT, "+3585000%05d", 10_000 + day);
    }

    private void day(InProcessActions actions, String site, String number) throws Exception {
        List<String> visitors = new ArrayList<>();
        for (int i = 0; i < day; i++) {
            visitors.add(actions.newPhone());
        }
        visitors.forEach(phone -> time("join", () -> actions.sms(phone, number, "JONO")));
        visitors.forEach(phone -> time("repeat join", () -> actions.sms(phone, number, "JONO")));
        visitors.forEach(phone -> time("status", () -> actions.sms(phone, number, "STATUS")));
        List<String> leaving = visitors.subList(visitors.size() - day / 4, visitors.size());
        leaving.forEach(phone -> time("leave", () -> actions.sms(phone, number, "LEAVE")));
        for (int i = 0; i < day / 4; i++) {
            int walkIn = i;
            time("walk-in", () -> actions.walkIn(site, "Walk-in " + walkIn));
        }
        String etag = null;
        for (int i = 0; i < day; i++) {
            HttpResponse<?>[] response = new HttpResponse<?>[1];
            time("queue poll (200)", () -> response[0] = actions.queue(site, null));
            etag = response[0].getHeaders().get(HttpHeaders.ETAG);
        }
        String unchanged = etag;
        for (int i = 0; i < day; i++) {
            time("queue poll (304)", () -> {
                if (actions.queue(site, unchanged).code() != 304) {
                    throw new IllegalStateException("An unchanged queue was sent again");
                }
            });
        }
        for (int i = 0; i < day; i++) {
            int[] called = new int[1];
            time("call next", () -> called[0] = actions.callNext(site, "1"));
            if (i % 2 == 0) {
                time("served", () -> actions.served(site, called[0]));
            } else {
                time("no-show", () -> actions.noShow(site, called[0]));
            }
        }
        int staying = visitors.size() - day / 4;
        if (recording) {
            servedVisitors.addAll(visitors.subList(0, staying));
            expectedLinks += (staying + 1) / 2;
        }
        for (int i = 0; i < day / 4; i++) {
            Object[] settings = new Object[1];
            time("settings GET", () -> settings[0] = actions.settings(site));
            time("settings PUT", () -> actions.saveSettings(site, settings[0]));
        }
    }

    private void interpreterYes(InProcessActions actions, int count) {
        for (int i = 0; i < count; i++) {
            String visitor = actions.newPhone();
            actions.sms(visitor, DemoSite.NUMBER, "JOIN DARI");
            time("interpreter YES", () -> actions.sms(InProcessActions.dariInterpreter(), DemoSite.NUMBER, "YES"));
            actions.sms(visitor, DemoSite.NUMBER, "LEAVE");
        }
    }

    private void time(String action, Runnable call) {
        long start = System.nanoTime();
        call.run();
        long took = System.nanoTime() - start;
        if (recording) {
            timings.get(action).add(took);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
