package fi.vuoro.bench;

import fi.vuoro.local.LocalRuntime;
import fi.vuoro.local.LocalSettings;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import fi.vuoro.testkit.TwilioInboundSms;
import fi.vuoro.testkit.TwilioWebhookClient;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Signed Twilio webhooks against the local runtime (the same controllers as the Lambda function, served by
 * Netty, on DynamoDB Local over loopback HTTP, all in this JVM), timed one request at a time from the
 * client's side: send, wait for the TwiML, check it.
 */
final class WebhookLatency {

    static final String TOKEN = "bench-auth-token";
    private static final String SEQUENTIAL_SITE = "+358500000902";
    private static final String CONCURRENT_SITE = "+358500000903";
    private static final String WARM_UP_SITE = "+358500000901";
    private static final String JOIN = "JONO";
    private static final String STATUS = "STATUS";
    private static final String WEBHOOK_CLASS = "fi.vuoro.sms.TwilioSmsWebhookController";

    private final PrintStream out;
    private final int joins;
    private final int threads;
    private final int warmUp;
    private final AtomicLong nextPhone = new AtomicLong(1_000_000);
    private LocalRuntime runtime;
    private TwilioWebhookClient twilio;
    private URI webhook;

    WebhookLatency(PrintStream out, int joins, int threads, int warmUp) {
        this.out = out;
        this.joins = joins;
        this.threads = threads;
        this.warmUp = warmUp;
    }

    void run(Path serviceLog) throws Exception {
        // The service logs JSON lines per message, as in CloudWatch: they go to a file, not into the report.
        ServiceOutput.redirectedTo(serviceLog, this::measure);
        out.println("  (service log: " + serviceLog + ")");
    }

    private void measure() throws Exception {
        out.println();
        out.println("== Webhook latency on the local runtime ==");
        int port = freePort();
        long startAt = System.nanoTime();
        runtime = LocalRuntime.start(new LocalSettings(port, TOKEN, Clock.systemUTC()));
        long started = System.nanoTime() - startAt;
        try {
            DynamoSiteDirectory sites = runtime.context().getBean(DynamoSiteDirectory.class);
            sites.save(BenchSites.site("bench-warm", "Bench Warm-up", WARM_UP_SITE, 'W'));
            sites.save(BenchSites.site("bench-seq", "Bench Sequential", SEQUENTIAL_SITE, 'S'));
            sites.save(BenchSites.site("bench-conc", "Bench Concurrent", CONCURRENT_SITE, 'C'));
            webhook = URI.create("http://localhost:" + port + "/sms/inbound");
            twilio = new TwilioWebhookClient(TOKEN);
            out.printf(Locale.ROOT, "local runtime started in %.0f ms (DynamoDB Local, tables from template.yaml, "
                    + "fake Twilio, Netty on port %d)%n", Stats.ms(started), port);
            long heapIdle = heapUsedAfterGc();

            // Warm-up: the same paths as measured below, half one at a time and half concurrently, on a site of
            // its own so the measured queues start empty. While it runs, see which threads serve the webhook.
            List<String> warmPhones = phones(warmUp / 2);
            sequential(warmPhones.subList(0, warmPhones.size() / 2), WARM_UP_SITE, JOIN);
            sequential(warmPhones.subList(0, warmPhones.size() / 2), WARM_UP_SITE, STATUS);
            ThreadSampler sampler = ThreadSampler.start(WEBHOOK_CLASS);
            concurrent(warmPhones.subList(warmPhones.size() / 2, warmPhones.size()), WARM_UP_SITE, JOIN);
            concurrent(warmPhones.subList(warmPhones.size() / 2, warmPhones.size()), WARM_UP_SITE, STATUS);
            Set<String> servingThreads = sampler.stop();
            out.printf(Locale.ROOT, "warm-up: %d messages (joins and status, sequential and %d threads)%n",
                    warmPhones.size() * 2, threads);

            List<Stats> results = new ArrayList<>();
            List<String> seqPhones = phones(joins);
            Run seqJoins = sequential(seqPhones, SEQUENTIAL_SITE, JOIN);
            results.add(seqJoins.stats("join, sequential"));
            results.add(sequential(seqPhones, SEQUENTIAL_SITE, STATUS).stats("status, sequential"));
            List<String> concPhones = phones(joins);
            results.add(concurrent(concPhones, CONCURRENT_SITE, JOIN).stats("join, " + threads + " threads"));
            results.add(concurrent(concPhones, CONCURRENT_SITE, STATUS).stats("status, " + threads + " threads"));

            out.println();
            out.println(Stats.header());
            results.forEach(stats -> out.println(stats.row()));
            out.println();
            int slice = Math.max(1, Math.min(50, joins / 10));
            out.printf(Locale.ROOT, "sequential join p50 by queue position: tickets 1-%d %.1f ms, tickets %d-%d %.1f ms%n",
                    slice, Stats.ms(median(seqJoins.nanos, 0, slice)),
                    joins - slice + 1, joins, Stats.ms(median(seqJoins.nanos, joins - slice, joins)));
            out.println("threads seen running the webhook controller during the concurrent warm-up: "
                    + (servingThreads.isEmpty() ? "(none sampled)" : summarise(servingThreads)));

            long heapLoaded = heapUsedAfterGc();
            out.printf(Locale.ROOT, "memory: heap used after GC %.1f MiB at idle after start, %.1f MiB after %d messages; "
                    + "heap committed %.1f MiB, max %.0f MiB; process RSS %s; GC: %s%n",
                    mb(heapIdle), mb(heapLoaded), warmPhones.size() * 2 + joins * 4,
                    mb(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted()),
                    mb(Runtime.getRuntime().maxMemory()), rss(),
                    ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                            .collect(Collectors.joining(", ")));
            out.println("  (one JVM holds the service, DynamoDB Local with its data, the fake Twilio and the load client)");
        } finally {
            runtime.close();
        }
    }

    /** Latencies of one run and the wall time it took. */
    private record Run(long[] nanos, long wallNanos, double[] cpuPerMessage) {
        Stats stats(String operation) {
            return Stats.of(operation, nanos, wallNanos, cpuPerMessage);
        }
    }

    private Run sequential(List<String> phones, String site, String body) {
        long[] nanos = new long[phones.size()];
        ThreadCpu cpu = ThreadCpu.now();
        long start = System.nanoTime();
        for (int i = 0; i < phones.size(); i++) {
            nanos[i] = send(phones.get(i), site, body);
        }
        long wall = System.nanoTime() - start;
        return new Run(nanos, wall, ThreadCpu.perMessageSince(cpu, phones.size()));
    }

    private Run concurrent(List<String> phones, String site, String body) throws Exception {
        long[] nanos = new long[phones.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            ThreadCpu cpu = ThreadCpu.now();
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < phones.size(); i = next.getAndIncrement()) {
                        nanos[i] = send(phones.get(i), site, body);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            long wall = System.nanoTime() - start;
            return new Run(nanos, wall, ThreadCpu.perMessageSince(cpu, phones.size()));
        } finally {
            pool.shutdownNow();
        }
    }

    /** One signed webhook; returns its round-trip time, or fails the benchmark on anything but TwiML. */
    private long send(String from, String site, String body) {
        Map<String, String> params = TwilioInboundSms.params(LocalSettings.DEV_TWILIO_ACCOUNT_SID, from, site, body);
        long start = System.nanoTime();
        TwilioWebhookClient.WebhookResponse response = twilio.post(webhook, webhook.toString(), params);
        long took = System.nanoTime() - start;
        if (response.status() != 200 || !response.body().contains("<Message>")) {
            throw new IllegalStateException("Webhook answered " + response.status() + ": " + response.body());
        }
        return took;
    }

    private List<String> phones(int count) {
        List<String> phones = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            phones.add("+35840" + nextPhone.incrementAndGet());
        }
        return phones;
    }

    private static long median(long[] nanos, int from, int to) {
        long[] part = Arrays.copyOfRange(nanos, from, to);
        Arrays.sort(part);
        return Stats.percentile(part, 50);
    }

    private static String summarise(Set<String> names) {
        // e.g. "default-nioEventLoopGroup-1-3" -> family "default-nioEventLoopGroup-1-*"
        Map<String, Long> families = names.stream().collect(Collectors.groupingBy(
                name -> name.replaceAll("\\d+$", "*"), java.util.TreeMap::new, Collectors.counting()));
        return families.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + " distinct)")
                .collect(Collectors.joining(", "));
    }

    static long heapUsedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> String.format(Locale.ROOT, "%.0f MiB",
                            Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0))
                    .findFirst().orElse("n/a");
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Samples every thread's stack now and then, and remembers which threads were inside a class. */
    private static final class ThreadSampler implements Runnable {
        private final String className;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private volatile boolean running = true;
        private Thread thread;

        private ThreadSampler(String className) {
            this.className = className;
        }

        static ThreadSampler start(String className) {
            ThreadSampler sampler = new ThreadSampler(className);
            sampler.thread = new Thread(sampler, "bench-thread-sampler");
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                Thread.getAllStackTraces().forEach((t, stack) -> {
                    for (StackTraceElement frame : stack) {
                        if (frame.getClassName().equals(className)) {
                            seen.add(t.getName());
                            break;
                        }
                    }
                });
                try {
                    TimeUnit.MILLISECONDS.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        Set<String> stop() throws InterruptedException {
            running = false;
            thread.join();
            return new TreeSet<>(seen);
        }
    }
}
