package fi.vuoro.bench;

import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.local.LocalRuntime;
import fi.vuoro.local.LocalSettings;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import fi.vuoro.testkit.TwilioInboundSms;
import fi.vuoro.testkit.TwilioWebhookClient;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the local runtime: joins arrive at a fixed rate (open loop: join i is due at start + i / rate,
 * whether or not earlier ones were answered), sent by a fixed number of concurrent senders, each join from a
 * new number texting the join word, signed as Twilio signs. Latency runs from the join's due time to its
 * reply, so time spent waiting for a free sender (queueing) counts. Afterwards every site's queue is read
 * back from DynamoDB: every acknowledged ticket code must be distinct and stored exactly once.
 */
final class LoadBenchmark {

    private static final String JOIN = "JONO";
    /** The ticket code in the Finnish join reply ("Numerosi: L17."). */
    private static final Pattern CODE = Pattern.compile("Numerosi: ([A-Z][0-9]+)");
    private static final String WARM_UP_SITE = "+358500000910";
    private static final String ONE_SITE = "+358500000911";
    private static final String MANY_SITES_PREFIX = "+3585000009";

    private final PrintStream out;
    private final int joins;
    private final int rate;
    private final int senders;
    private final int warmUp;
    private final AtomicLong nextPhone = new AtomicLong(3_000_000);
    private LocalRuntime runtime;
    private TwilioWebhookClient twilio;
    private URI webhook;

    LoadBenchmark(PrintStream out, int joins, int rate, int senders, int warmUp) {
        this.out = out;
        this.joins = joins;
        this.rate = rate;
        this.senders = senders;
        this.warmUp = warmUp;
    }

    void run(Path serviceLog) throws Exception {
        ServiceOutput.redirectedTo(serviceLog, this::measure);
        out.println("  (service log: " + serviceLog + ")");
    }

    private void measure() throws Exception {
        out.println();
        out.printf(Locale.ROOT, "== Load on the local runtime: %d joins at %d/s from %d senders ==%n", joins, rate, senders);
        int port = freePort();
        runtime = LocalRuntime.start(new LocalSettings(port, WebhookLatency.TOKEN, Clock.systemUTC()));
        try {
            DynamoSiteDirectory directory = runtime.context().getBean(DynamoSiteDirectory.class);
            Map<String, String> siteIds = new LinkedHashMap<>();
            directory.save(BenchSites.site("load-warm", "Load Warm-up", WARM_UP_SITE, 'W'));
            siteIds.put(WARM_UP_SITE, "load-warm");
            directory.save(BenchSites.site("load-one", "Load One", ONE_SITE, 'L'));
            siteIds.put(ONE_SITE, "load-one");
            List<String> tenSites = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String number = MANY_SITES_PREFIX + (20 + i);
                directory.save(BenchSites.site("load-" + i, "Load " + i, number, (char) ('A' + i)));
                siteIds.put(number, "load-" + i);
                tenSites.add(number);
            }
            webhook = URI.create("http://localhost:" + port + "/sms/inbound");
            twilio = new TwilioWebhookClient(WebhookLatency.TOKEN);
            out.println("runtime: " + runtime.context().getEnvironment().getProperty(
                    "micronaut.executors.io.n-threads", String.class).map(n -> "io executor " + n + " threads")
                    .orElse("io executor: Micronaut's default (a cached pool, no upper bound)"));

            if (warmUp > 0) {
                Result warm = load(List.of(WARM_UP_SITE), warmUp);
                out.printf(Locale.ROOT, "warm-up: %d joins to one site at %d/s (p50 %.0f ms, %d errors)%n",
                        warmUp, rate, Stats.ms(warm.percentile(50)), warm.errors.get());
            }

            List<String> scenarios = List.of("1 site", "10 sites");
            List<List<String>> targets = List.of(List.of(ONE_SITE), tenSites);
            List<String> rows = new ArrayList<>();
            for (int s = 0; s < scenarios.size(); s++) {
                MachineLoad before = MachineLoad.now();
                ThreadCpu cpu = ThreadCpu.now();
                LoadProfile profile = LoadProfile.start();
                Result result = load(targets.get(s), joins);
                LoadProfile.Report report = profile.stop();
                double[] cpuPerJoin = ThreadCpu.perMessageSince(cpu, joins);
                String check = check(result, siteIds);
                rows.add(result.row(scenarios.get(s), cpuPerJoin, check));
                out.println();
                out.printf(Locale.ROOT, "-- %s: %d joins due over %.1f s --%n", scenarios.get(s), joins, joins / (double) rate);
                out.println(Result.header());
                out.println(rows.get(rows.size() - 1));
                out.printf(Locale.ROOT, "service time alone (from sending to reply): p50 %.1f ms, p99 %.1f ms; "
                                + "the rest is waiting for a free sender%n",
                        Stats.ms(result.servicePercentile(50)), Stats.ms(result.servicePercentile(99)));
                out.println("ticket check: " + check);
                report.print(out);
                out.println(MachineLoad.now().since(before));
            }
            out.println();
            out.println(Result.header());
            rows.forEach(out::println);
        } finally {
            runtime.close();
        }
    }

    /** Sends {@code count} joins spread round-robin over {@code sites} at the configured rate; returns what came back. */
    private Result load(List<String> sites, int count) throws InterruptedException {
        List<String> phones = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            phones.add("+35841" + nextPhone.incrementAndGet());
        }
        Result result = new Result(count, sites);
        long intervalNanos = 1_000_000_000L / rate;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(senders);
        // Due times start a little in the future so that every sender is waiting when the first is due.
        long start = System.nanoTime() + 50_000_000L;
        for (int t = 0; t < senders; t++) {
            Thread sender = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long due = start + i * intervalNanos;
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        String site = sites.get(i % sites.size());
                        long sent = System.nanoTime();
                        String code = send(phones.get(i), site);
                        long answered = System.nanoTime();
                        result.record(i, site, code, answered - due, answered - sent, answered);
                    }
                } finally {
                    done.countDown();
                }
            }, "load-sender-" + t);
            sender.setDaemon(true);
            sender.start();
        }
        done.await();
        result.startNanos = start;
        return result;
    }

    /** One signed join; returns its ticket code, or null when the answer was not 200 with a ticket in the TwiML. */
    private String send(String from, String site) {
        Map<String, String> params = TwilioInboundSms.params(LocalSettings.DEV_TWILIO_ACCOUNT_SID, from, site, JOIN);
        try {
            TwilioWebhookClient.WebhookResponse response = twilio.post(webhook, webhook.toString(), params);
            if (response.status() != 200) {
                return null;
            }
            Matcher code = CODE.matcher(response.body());
            return code.find() ? code.group(1) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Every acknowledged code distinct per site, and every one stored exactly once in that site's queue as read
     * back from DynamoDB (the same read the staff page's queue makes).
     */
    private String check(Result result, Map<String, String> siteIds) {
        QueueStore queue = runtime.context().getBean(QueueStore.class);
        Instant now = Instant.now();
        int duplicates = 0;
        int missing = 0;
        int storedTwice = 0;
        int acknowledged = 0;
        int stored = 0;
        for (String site : result.sites) {
            List<String> codes = result.codesOf(site);
            acknowledged += codes.size();
            duplicates += codes.size() - (int) codes.stream().distinct().count();
            Map<String, Integer> inQueue = new HashMap<>();
            for (Ticket ticket : queue.day(siteIds.get(site), ServiceDay.of(now), now).tickets()) {
                inQueue.merge(ticket.code(), 1, Integer::sum);
                stored++;
            }
            for (String code : codes) {
                Integer times = inQueue.get(code);
                if (times == null) {
                    missing++;
                } else if (times > 1) {
                    storedTwice++;
                }
            }
        }
        boolean ok = duplicates == 0 && missing == 0 && storedTwice == 0;
        return String.format(Locale.ROOT, "%s: %d acknowledged, %d distinct per site, %d tickets in the queues, "
                        + "%d acknowledged but not stored, %d stored more than once",
                ok ? "OK" : "FAILED", acknowledged, acknowledged - duplicates, stored, missing, storedTwice);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** What one load run got back, join by join. */
    private static final class Result {
        final List<String> sites;
        final long[] latency;
        final long[] service;
        final String[] codes;
        final String[] siteOf;
        final AtomicInteger errors = new AtomicInteger();
        final AtomicLong lastAnswer = new AtomicLong();
        long startNanos;

        Result(int count, List<String> sites) {
            this.sites = sites;
            latency = new long[count];
            service = new long[count];
            codes = new String[count];
            siteOf = new String[count];
        }

        void record(int i, String site, String code, long fromDue, long fromSent, long answeredAt) {
            latency[i] = fromDue;
            service[i] = fromSent;
            codes[i] = code;
            siteOf[i] = site;
            if (code == null) {
                errors.incrementAndGet();
            }
            lastAnswer.accumulateAndGet(answeredAt, Math::max);
        }

        List<String> codesOf(String site) {
            List<String> result = new ArrayList<>();
            for (int i = 0; i < codes.length; i++) {
                if (site.equals(siteOf[i]) && codes[i] != null) {
                    result.add(codes[i]);
                }
            }
            return result;
        }

        long percentile(double p) {
            long[] sorted = latency.clone();
            Arrays.sort(sorted);
            return Stats.percentile(sorted, p);
        }

        long servicePercentile(double p) {
            long[] sorted = service.clone();
            Arrays.sort(sorted);
            return Stats.percentile(sorted, p);
        }

        static String header() {
            return String.format(Locale.ROOT, "%-10s %6s %8s %8s %8s %8s %8s %7s  %-22s %s",
                    "scenario", "joins", "took s", "joins/s", "p50 ms", "p99 ms", "max ms", "errors",
                    "CPU ms/join svc/ddb/all", "tickets");
        }

        String row(String scenario, double[] cpu, String check) {
            double took = (lastAnswer.get() - startNanos) / 1e9;
            long[] sorted = latency.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "%-10s %6d %8.1f %8.1f %8.1f %8.1f %8.1f %7d  %-22s %s",
                    scenario, latency.length, took, latency.length / took, Stats.ms(Stats.percentile(sorted, 50)),
                    Stats.ms(Stats.percentile(sorted, 99)), Stats.ms(sorted[sorted.length - 1]), errors.get(),
                    String.format(Locale.ROOT, "%.1f / %.1f / %.1f", cpu[0], cpu[1], cpu[2]),
                    check.startsWith("OK") ? "OK" : "FAILED");
        }
    }
}
