package fi.vuoro.bench;

import fi.vuoro.testkit.FormEncoding;
import fi.vuoro.bench.probe.ColdStartProbe;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.TemplateTables;
import fi.vuoro.testkit.TwilioWebhookSigner;
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
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Cold start of the deployed artifact: each run is a fresh {@code java} process on the Lambda jar plus the
 * probe, timed from just before the process is spawned to the end of its first handled request (a signed
 * join, answered with TwiML after real DynamoDB Local calls over loopback).
 */
final class ColdStart {

    private static final String TABLE = "VuoroTable";
    private static final String PUBLIC_BASE_URL = "https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com";
    private static final String TOKEN = "coldstart-auth-token";
    private static final String SITE_NUMBER = "+358500000088";
    private static final Path LAMBDA_JAR = Path.of("functions/sms-webhook/target/sms-webhook-lambda.jar");
    private static final Path EVENT_FIXTURE = Path.of("functions/sms-webhook/src/test/resources/events/twilio-inbound-sms.json");
    private static final Path PROBE_DIR = Path.of("infra/bench/target");
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    /** A way to start the JVM, as named in the report. */
    record Variant(String name, List<String> jvmOptions) {
    }

    /** What one fresh JVM reported; all in milliseconds. */
    record Sample(double total, double toMain, double init, double parse, double request, double cpu) {
    }

    private final PrintStream out;
    private final int runs;
    private final String extraOptions;
    private final Path work;
    private int sequence;

    /** @param extraOptions JVM options of a third variant to compare, or null */
    ColdStart(PrintStream out, int runs, Path work, String extraOptions) {
        this.out = out;
        this.extraOptions = extraOptions;
        this.runs = runs;
        this.work = work;
    }

    void run() throws Exception {
        ServiceOutput.redirectedTo(work.resolve("dynamodb-local.log"), this::measure);
    }

    private void measure() throws Exception {
        out.println();
        out.println("== Cold start of the Lambda jar (fresh JVM per run) ==");
        if (!Files.isRegularFile(LAMBDA_JAR)) {
            throw new IllegalStateException(LAMBDA_JAR + " is missing: build it with ./mvnw -DskipTests package");
        }
        Path probe = probeJar();
        Files.createDirectories(work);
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("java -cp (JDK defaults)", List.of()),
                // what template.yaml sets in JAVA_TOOL_OPTIONS
                new Variant("-XX:TieredStopAtLevel=1", List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"))));
        if (extraOptions != null && !extraOptions.isBlank()) {
            variants.add(new Variant(extraOptions.trim(), List.of(extraOptions.trim().split("\\s+"))));
        }

        try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.start()) {
            TemplateTables.createAll(dynamo.client(), CloudFormationTemplate.load(CloudFormationTemplate.locate()));
            new DynamoSiteDirectory(dynamo.client(), new TableName(TABLE), Clock.systemUTC()).save(
                    BenchSites.site("coldstart", "Cold Start Site", SITE_NUMBER, 'K'));
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("vuoro.table-name", TABLE);
            properties.put("vuoro.dynamodb-endpoint", dynamo.endpoint().toString());
            properties.put("vuoro.public-base-url", PUBLIC_BASE_URL);
            properties.put("vuoro.twilio-auth-token", TOKEN);
            properties.put("vuoro.phone-hash-key", "coldstart-phone-hash-key");
            properties.put("vuoro.phone-encryption-key", "coldstart-phone-encryption-key");

            // One discarded run per variant: reads the jar into the page cache and warms DynamoDB Local's own
            // JVM, so the timed runs measure the function's JVM and not the machine's first touch.
            for (Variant variant : variants) {
                once(variant, probe, properties);
            }
            Map<Variant, List<Sample>> samples = new LinkedHashMap<>();
            variants.forEach(variant -> samples.put(variant, new ArrayList<>()));
            for (int i = 0; i < runs; i++) {
                // interleaved, so a slow moment of the machine does not land on one variant only
                for (Variant variant : variants) {
                    samples.get(variant).add(once(variant, probe, properties));
                }
            }
            report(samples);
        }
    }

    private void report(Map<Variant, List<Sample>> samples) throws IOException {
        long entries;
        long unpacked = 0;
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(LAMBDA_JAR.toFile())) {
            entries = jar.size();
            for (var e = jar.entries(); e.hasMoreElements(); ) {
                unpacked += Math.max(0, e.nextElement().getSize());
            }
        }
        out.printf(Locale.ROOT, "Lambda jar: %s, %.1f MB (%.1f MiB), %d entries, %.0f MB unpacked%n",
                LAMBDA_JAR, Files.size(LAMBDA_JAR) / 1e6, Files.size(LAMBDA_JAR) / (1024.0 * 1024.0), entries, unpacked / 1e6);
        out.printf(Locale.ROOT, "%d timed runs per variant, interleaved, after one discarded run each%n", runs);
        out.println();
        out.printf(Locale.ROOT, "%-26s %8s %13s %8s %8s %8s %8s%n", "variant",
                "median", "min-max", "to main", "init", "1st req", "CPU");
        samples.forEach((variant, list) -> {
            double[] total = list.stream().mapToDouble(Sample::total).toArray();
            String name = variant.name().length() > 26 ? variant.name().substring(0, 23) + "..." : variant.name();
            out.printf(Locale.ROOT, "%-26s %8.0f %13s %8s %8s %8s %8s%n", name, Stats.median(total),
                    String.format(Locale.ROOT, "%.0f-%.0f", list.stream().mapToDouble(Sample::total).min().orElse(0),
                            list.stream().mapToDouble(Sample::total).max().orElse(0)),
                    median(list, Sample::toMain), median(list, Sample::init), median(list, Sample::request),
                    median(list, Sample::cpu));
        });
        out.println();
        out.println("all in ms. median, min-max: process spawned -> first reply in hand. to main: JVM start until the");
        out.println("probe's main runs. init: constructing the handler (Micronaut context, beans, DynamoDB client). 1st req:");
        out.println("the handler answering one signed join; the event's JSON parsing before it (median "
                + median(samples.values().iterator().next(), Sample::parse) + " ms) is in the total only.");
        out.println("CPU: user+system time of all the JVM's threads (JIT, GC included) up to the first reply.");
        samples.forEach((variant, list) -> out.println("  " + variant.name() + ": "
                + list.stream().map(s -> String.format(Locale.ROOT, "%.0f", s.total())).collect(Collectors.joining(", "))));
    }

    private static String median(List<Sample> list, java.util.function.ToDoubleFunction<Sample> field) {
        return String.format(Locale.ROOT, "%.0f", Stats.median(list.stream().mapToDouble(field).toArray()));
    }

    /** One fresh JVM: spawn, wait for the probe's result line, check it answered TwiML. */
    private Sample once(Variant variant, Path probe, Map<String, String> properties) throws Exception {
        int n = ++sequence;
        Path event = writeEvent(n);
        Path output = work.resolve("run-" + n + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(variant.jvmOptions());
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-cp");
        command.add(LAMBDA_JAR + java.io.File.pathSeparator + probe);
        command.add(ColdStartProbe.class.getName());
        command.add(event.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().put("AWS_REGION", "eu-north-1");

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
            throw new IllegalStateException("The probe printed no result (exit " + process.exitValue() + "); its last lines:\n"
                    + String.join("\n", tail));
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : result.split(" ")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        if (!"200".equals(fields.get("status")) || !"true".equals(fields.get("twiml"))) {
            throw new IllegalStateException("The first request was not answered with TwiML: " + result
                    + "\n" + String.join("\n", tail));
        }
        return new Sample(Stats.ms(resultAt - start),
                Long.parseLong(fields.get("mainAt")) - spawnedAt,
                Double.parseDouble(fields.get("initMs")),
                Double.parseDouble(fields.get("parseMs")),
                Double.parseDouble(fields.get("requestMs")),
                Double.parseDouble(fields.get("cpuMs")));
    }

    /** The API Gateway HTTP API event of one signed join from a new visitor, as the fixture shapes it. */
    private Path writeEvent(int n) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        params.put("ToCountry", "FI");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", "0");
        params.put("Body", "JONO");
        params.put("To", SITE_NUMBER);
        params.put("MessageSid", sid);
        params.put("AccountSid", "AC00000000000000000000000000000001");
        params.put("From", String.format(Locale.ROOT, "+3584090%05d", n));
        params.put("ApiVersion", "2010-04-01");
        String signature = new TwilioWebhookSigner(TOKEN).sign(PUBLIC_BASE_URL + "/sms/inbound", params);
        String form = FormEncoding.encode(params);
        String json = Files.readString(EVENT_FIXTURE, StandardCharsets.UTF_8)
                .replace("${signature}", signature)
                .replace("${body}", Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)));
        Path event = work.resolve("event-" + n + ".json");
        Files.writeString(event, json, StandardCharsets.UTF_8);
        return event;
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
