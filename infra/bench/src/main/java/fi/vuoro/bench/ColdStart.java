package fi.vuoro.bench;

import fi.vuoro.bench.ColdStartTargets.EventKind;
import fi.vuoro.bench.ColdStartTargets.Target;
import fi.vuoro.bench.probe.ColdStartProbe;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.TemplateTables;
import fi.vuoro.testkit.lambda.DynamoStreamEvents;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cold start of every function of template.yaml beside a baseline, in one run: each run is a fresh {@code java}
 * process on a deployment package plus the probe, timed from just before the process is spawned to the end of its
 * first handled event (real DynamoDB Local calls over loopback). Three ways to start the JVM: its defaults,
 * {@code -XX:TieredStopAtLevel=1} (C1 only, as template.yaml's JAVA_TOOL_OPTIONS), and an AppCDS archive made for
 * each function in the same run by a training run. Runs are interleaved, so a busy moment of the machine is
 * spread over all functions and variants. The SMS webhook and the baseline (the headline ratio) get
 * BENCH_COLDSTART_RUNS runs each, the other functions BENCH_COLDSTART_OTHER_RUNS (at most 5 by default), which keeps
 * the whole run within a few minutes on 2 cores.
 */
final class ColdStart {

    private static final String TABLE = "VuoroTable";
    private static final String PUBLIC_BASE_URL = "https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com";
    private static final String TOKEN = "coldstart-auth-token";
    private static final String SITE_ID = "coldstart";
    private static final String SITE_NUMBER = "+358500000088";
    private static final String HEADLINE = "SmsWebhookFunction";
    private static final Path PROBE_DIR = Path.of("infra/bench/target");
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    /** A way to start the JVM, as named in the report; its options may depend on the function (a CDS archive). */
    record Variant(String name, Function<Target, List<String>> options) {
    }

    /** What one fresh JVM reported; all in milliseconds. */
    record Sample(double total, double toMain, double init, double parse, double request, double cpu, int status) {
    }

    private final PrintStream out;
    private final int runs;
    private final int otherRuns;
    private final String extraOptions;
    private final Path work;
    private int sequence;
    private String streamEvent;

    /** @param extraOptions JVM options of a further variant to compare, or null */
    ColdStart(PrintStream out, int runs, Path work, String extraOptions) {
        this.out = out;
        this.extraOptions = extraOptions;
        this.runs = runs;
        String other = System.getenv("BENCH_COLDSTART_OTHER_RUNS");
        this.otherRuns = other == null || other.isBlank() ? Math.min(runs, 5) : Integer.parseInt(other.trim());
        this.work = work;
    }

    void run() throws Exception {
        ServiceOutput.redirectedTo(work.resolve("dynamodb-local.log"), this::measure);
    }

    private void measure() throws Exception {
        out.println();
        out.println("== Cold start of every function in template.yaml, beside a plain-Java baseline (fresh JVM per run) ==");
        CloudFormationTemplate template = CloudFormationTemplate.load(CloudFormationTemplate.locate());
        List<Target> targets = ColdStartTargets.of(template);
        for (Target target : targets) {
            if (!Files.isRegularFile(target.jar())) {
                throw new IllegalStateException(target.jar() + " is missing: infra/bench/run builds it");
            }
        }
        Path probe = probeJar();
        Files.createDirectories(work);
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("JDK defaults", target -> List.of()),
                // what template.yaml sets in JAVA_TOOL_OPTIONS
                new Variant("-XX:TieredStopAtLevel=1", target -> List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1")),
                new Variant("AppCDS archive", target -> List.of("-XX:SharedArchiveFile=" + archive(target)))));
        if (extraOptions != null && !extraOptions.isBlank()) {
            List<String> extra = List.of(extraOptions.trim().split("\\s+"));
            variants.add(new Variant(extraOptions.trim(), target -> extra));
        }
        ColdStartEvents events = new ColdStartEvents(PUBLIC_BASE_URL, TOKEN, SITE_NUMBER, SITE_ID);

        long started = System.nanoTime();
        try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.start()) {
            TemplateTables.createAll(dynamo.client(), template);
            new DynamoSiteDirectory(dynamo.client(), new TableName(TABLE), Clock.systemUTC()).save(
                    BenchSites.site(SITE_ID, "Cold Start Site", SITE_NUMBER, 'K'));
            streamEvent = streamEvent(dynamo, template, targets);
            Map<String, String> properties = properties(dynamo);

            // The training run of each function writes its AppCDS archive at exit (-XX:ArchiveClassesAtExit); it
            // also reads the jar into the page cache and warms DynamoDB Local, and is not counted.
            for (Target target : targets) {
                Files.deleteIfExists(archive(target));
                once(target, List.of("-XX:ArchiveClassesAtExit=" + archive(target)), probe, properties, events);
                if (!Files.isRegularFile(archive(target))) {
                    throw new IllegalStateException("The training run of " + target.name() + " wrote no CDS archive");
                }
            }
            out.printf(Locale.ROOT, "training runs (CDS archives written): %.0f s%n", (System.nanoTime() - started) / 1e9);
            Map<Variant, Map<Target, List<Sample>>> samples = new LinkedHashMap<>();
            for (Variant variant : variants) {
                Map<Target, List<Sample>> byTarget = new LinkedHashMap<>();
                targets.forEach(target -> byTarget.put(target, new ArrayList<>()));
                samples.put(variant, byTarget);
            }
            for (int i = 0; i < Math.max(runs, otherRuns); i++) {
                // interleaved, so a slow moment of the machine does not land on one function or variant only
                for (Variant variant : variants) {
                    for (Target target : targets) {
                        if (i >= runsOf(target)) {
                            continue;
                        }
                        samples.get(variant).get(target).add(once(target, variant.options().apply(target), probe, properties, events));
                    }
                }
            }
            out.printf(Locale.ROOT, "timed runs: %.0f s since the start of the training runs%n", (System.nanoTime() - started) / 1e9);
            report(targets, samples);
            classLoading(targets, probe, properties, events);
        }
    }

    /** Configuration as values, not SSM parameter names: nothing here has SSM. */
    private Map<String, String> properties(DynamoDbLocalServer dynamo) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("vuoro.table-name", TABLE);
        properties.put("vuoro.dynamodb-endpoint", dynamo.endpoint().toString());
        properties.put("vuoro.public-base-url", PUBLIC_BASE_URL);
        properties.put("vuoro.twilio-account-sid", "AC0123456789abcdef0123456789abcdef");
        properties.put("vuoro.twilio-auth-token", TOKEN);
        properties.put("vuoro.phone-hash-key", "coldstart-phone-hash-key-0123456789");
        properties.put("vuoro.phone-encryption-key", "coldstart-phone-encryption-key-0123456789");
        // The staff API's sign-in settings; no route asked here fetches the keys or calls Cognito.
        String pool = ColdStartEvents.REGION + "_coldstart";
        properties.put("vuoro.staff-jwks-url", "https://cognito-idp." + ColdStartEvents.REGION + ".amazonaws.com/" + pool
                + "/.well-known/jwks.json");
        properties.put("vuoro.staff-token-issuer", "https://cognito-idp." + ColdStartEvents.REGION + ".amazonaws.com/" + pool);
        properties.put("vuoro.staff-client-id", "coldstartclient");
        properties.put("vuoro.cognito-client-id", "coldstartclient");
        properties.put("vuoro.staff-accounts.user-pool-id", pool);
        return properties;
    }

    /**
     * The event the table's stream hands the outbox sender for a new outbox item, read from DynamoDB Local's stream
     * and filtered by the template's criteria. The item is only a marker (no GSI1 keys), so the sender's drain finds
     * nothing due and sends no SMS; the handler does not read the event's records.
     */
    private String streamEvent(DynamoDbLocalServer dynamo, CloudFormationTemplate template, List<Target> targets) {
        Target streamed = targets.stream().filter(target -> target.kind() == EventKind.DYNAMODB_STREAM).findFirst().orElse(null);
        if (streamed == null) {
            return null;
        }
        try (DynamoStreamEvents stream = DynamoStreamEvents.open(dynamo.endpoint(), TABLE, template, streamed.name(),
                streamed.eventSource())) {
            dynamo.client().putItem(request -> request.tableName(TABLE).item(Map.of(
                    "PK", AttributeValue.fromS("COLDSTART#marker"), "SK", AttributeValue.fromS("MSG"))));
            List<String> batches = stream.nextBatches();
            if (batches.isEmpty()) {
                throw new IllegalStateException("The table's stream delivered no event for the outbox marker");
            }
            return batches.get(0);
        }
    }

    private void report(List<Target> targets, Map<Variant, Map<Target, List<Sample>>> samples) throws IOException {
        out.printf(Locale.ROOT, "timed runs per variant, interleaved, after one training run each: %d of the SMS webhook and"
                + " the baseline, %d of each other function%n", runs, otherRuns);
        Target baseline = targets.get(targets.size() - 1);
        for (Map.Entry<Variant, Map<Target, List<Sample>>> variant : samples.entrySet()) {
            double base = median(variant.getValue().get(baseline), Sample::total);
            out.println();
            out.println("-- " + variant.getKey().name() + " --");
            out.printf(Locale.ROOT, "%-26s %-62s %7s %7s %7s %7s %7s %7s %7s %6s%n", "function", "handler", "jar MB",
                    "median", "worst", "ratio", "init", "1st ev", "CPU", "status");
            for (Target target : targets) {
                List<Sample> list = variant.getValue().get(target);
                double median = median(list, Sample::total);
                out.printf(Locale.ROOT, "%-26s %-62s %7.1f %7.0f %7.0f %7.2f %7.0f %7.0f %7.0f %6s%n", target.name(),
                        target.handler(), Files.size(target.jar()) / 1e6, median,
                        list.stream().mapToDouble(Sample::total).max().orElse(0), median / base,
                        median(list, Sample::init), median(list, Sample::request), median(list, Sample::cpu),
                        list.get(0).status() == 0 ? "-" : String.valueOf(list.get(0).status()));
            }
            targets.stream().filter(target -> HEADLINE.equals(target.name())).findFirst().ifPresent(webhook ->
                    out.printf(Locale.ROOT, "headline (%s): SMS webhook %.0f ms / baseline %.0f ms = %.2fx%n",
                            variant.getKey().name(), median(variant.getValue().get(webhook), Sample::total), base,
                            median(variant.getValue().get(webhook), Sample::total) / base));
        }
        out.println();
        out.println("all in ms. median, worst: process spawned -> first event handled. ratio: median / the baseline's median");
        out.println("in the same variant. init: loading and constructing the handler class (Micronaut's context, beans,");
        out.println("clients). 1st ev: the first handleRequest. CPU: user+system time of all the JVM's threads up to then.");
        out.println("status: the HTTP status the API functions answered (the jobs and the baseline answer a map).");
        out.println("events: " + String.join("; ", targets.stream().map(target -> target.name() + " <- "
                + (target.route() != null ? target.route() : target.eventSource() + " (" + target.kind() + ")")).toList()));
    }

    /**
     * Where the classes come from in the webhook's and the baseline's first event: one extra run each (JDK defaults)
     * with {@code -Xlog:class+load}, counted by package and split at the end of init.
     */
    private void classLoading(List<Target> targets, Path probe, Map<String, String> properties, ColdStartEvents events)
            throws Exception {
        out.println();
        out.println("-- classes loaded up to the first event handled (one run, JDK defaults, -Xlog:class+load) --");
        for (Target target : targets) {
            if (!HEADLINE.equals(target.name()) && !target.baseline()) {
                continue;
            }
            Path log = work.resolve("class-load-" + target.name() + ".log");
            Files.deleteIfExists(log);
            once(target, List.of("-Xlog:class+load=info:file=" + log + ":uptime"), probe, properties, events);
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            Map<String, Integer> byPackage = new HashMap<>();
            int jdk = 0;
            int total = 0;
            for (String line : lines) {
                int name = line.indexOf("] ", line.indexOf("[class,load]"));
                if (name < 0) {
                    continue;
                }
                String[] words = line.substring(name + 2).split(" ");
                String className = words[0];
                total++;
                boolean fromJdk = line.contains("source: jrt:/") || line.contains("shared objects file")
                        || className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.");
                if (fromJdk) {
                    jdk++;
                }
                byPackage.merge(packageGroup(className, fromJdk), 1, Integer::sum);
            }
            out.printf(Locale.ROOT, "%s: %d classes (%d of the JDK, %d from the jar)%n", target.name(), total, jdk, total - jdk);
            byPackage.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(14)
                    .forEach(entry -> out.printf(Locale.ROOT, "  %6d  %s%n", entry.getValue(), entry.getKey()));
        }
    }

    /** A class's package cut to the level that names a library (io.micronaut.http, software.amazon.awssdk.core…). */
    private static String packageGroup(String className, boolean fromJdk) {
        if (fromJdk) {
            return "(JDK) " + String.join(".", java.util.Arrays.asList(className.split("\\.")).subList(0,
                    Math.min(2, className.split("\\.").length - 1)));
        }
        String[] parts = className.split("\\.");
        int depth = className.startsWith("software.amazon.awssdk.") ? 5 : 3;
        return String.join(".", java.util.Arrays.asList(parts).subList(0, Math.min(depth, parts.length - 1)));
    }

    /**
     * Whether the template gives the function this setting: a secret's value stands for its SSM parameter's name
     * (VUORO_TWILIO_AUTH_TOKEN_PARAMETER), the rest for their own variable; the table, its endpoint and the public URL
     * come to every function. So no function builds a client here (Cognito, Twilio) that it would not build in AWS.
     */
    private static boolean declares(Target target, String property) {
        if (List.of("vuoro.table-name", "vuoro.dynamodb-endpoint", "vuoro.public-base-url").contains(property)) {
            return true;
        }
        String variable = "VUORO_" + property.substring("vuoro.".length()).replace("staff-accounts.", "staff-")
                .replace('-', '_').toUpperCase(Locale.ROOT);
        return target.declared().contains(variable) || target.declared().contains(variable + "_PARAMETER");
    }

    /** The headline pair (the webhook and the baseline) gets all the runs, the other functions fewer. */
    private int runsOf(Target target) {
        return HEADLINE.equals(target.name()) || target.baseline() ? runs : otherRuns;
    }

    private Path archive(Target target) {
        return work.resolve("cds-" + target.name() + ".jsa").toAbsolutePath();
    }

    private static double median(List<Sample> list, java.util.function.ToDoubleFunction<Sample> field) {
        return Stats.median(list.stream().mapToDouble(field).toArray());
    }

    private String event(Target target, ColdStartEvents events, int n) {
        switch (target.kind()) {
            case DYNAMODB_STREAM:
                return streamEvent;
            case HTTP_API:
                return target.route().equals("POST /sms/inbound") ? events.signedJoin(n) : events.get(target.route(), n);
            default:
                return events.scheduled(target.name(), target.eventSource());
        }
    }

    /** One fresh JVM: spawn, wait for the probe's result line, check the function handled its event. */
    private Sample once(Target target, List<String> options, Path probe, Map<String, String> properties,
                        ColdStartEvents events) throws Exception {
        int n = ++sequence;
        Path event = work.resolve("event-" + n + ".json");
        Files.writeString(event, event(target, events, n), StandardCharsets.UTF_8);
        Path output = work.resolve("run-" + n + "-" + target.name() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        if (!target.baseline()) {
            properties.forEach((name, value) -> {
                if (declares(target, name)) {
                    command.add("-D" + name + "=" + value);
                }
            });
        }
        command.add("-Dvuoro.coldstart.function=" + target.name());
        command.add("-cp");
        command.add(target.jar() + java.io.File.pathSeparator + probe);
        command.add(ColdStartProbe.class.getName());
        command.add(target.handler());
        command.add(target.inputType());
        command.add(event.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().putAll(target.environment());
        builder.environment().put("AWS_REGION", ColdStartEvents.REGION);
        builder.environment().put("VUORO_TABLE_NAME", TABLE);
        builder.environment().put("VUORO_DYNAMODB_ENDPOINT", properties.get("vuoro.dynamodb-endpoint"));
        builder.environment().put("VUORO_PUBLIC_BASE_URL", PUBLIC_BASE_URL);

        long spawnedAt = System.currentTimeMillis();
        long start = System.nanoTime();
        Process process = builder.start();
        String result = null;
        long resultAt = 0;
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (result == null && line.startsWith(ColdStartProbe.RESULT_PREFIX)) {
                    resultAt = System.nanoTime();
                    result = line.substring(ColdStartProbe.RESULT_PREFIX.length());
                }
                tail.addLast(line);
                if (tail.size() > 40) {
                    tail.removeFirst();
                }
            }
        } finally {
            if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        Files.write(output, tail);
        if (result == null) {
            throw new IllegalStateException(target.name() + ": the probe printed no result (exit " + process.exitValue()
                    + "); its last lines:\n" + String.join("\n", tail));
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : result.split(" ")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        int status = Integer.parseInt(fields.get("status"));
        boolean handled = HEADLINE.equals(target.name())
                ? status == 200 && "true".equals(fields.get("twiml"))
                : target.kind() == EventKind.HTTP_API ? status >= 200 && status < 500 : "true".equals(fields.get("answered"));
        if (!handled) {
            throw new IllegalStateException(target.name() + " did not handle its first event: " + result
                    + "\n" + String.join("\n", tail));
        }
        return new Sample(Stats.ms(resultAt - start),
                Long.parseLong(fields.get("mainAt")) - spawnedAt,
                Double.parseDouble(fields.get("initMs")),
                Double.parseDouble(fields.get("parseMs")),
                Double.parseDouble(fields.get("requestMs")),
                Double.parseDouble(fields.get("cpuMs")),
                status);
    }

    private static Path probeJar() throws IOException {
        try (var files = Files.list(PROBE_DIR)) {
            return files.filter(path -> path.getFileName().toString().matches("vuoro-bench-.*-probe\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No probe jar in " + PROBE_DIR
                            + ": build with ./mvnw -pl infra/bench -am package -DskipTests"));
        }
    }
}
