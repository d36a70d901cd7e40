package fi.vuoro.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmarks from the repository root and prints their figures: {@code latency} (signed webhooks
 * against the local runtime), {@code coldstart} (fresh JVMs on the Lambda jar), or both (the default);
 * {@code requests} (DynamoDB requests per action, counted) and {@code warm} (warm latency in-process per action)
 * run when named. BENCH_WARM_CALLS (500), BENCH_WARM_DAY (100), BENCH_WARM_YES (100) and BENCH_WARM_WARMUP (1)
 * size the warm-latency run.
 * Sizes come from the environment: BENCH_JOINS (500), BENCH_THREADS (8), BENCH_WARMUP (200), BENCH_RUNS (5);
 * BENCH_COLDSTART_EXTRA adds a third cold-start variant with those JVM options (e.g. an AppCDS archive).
 * See docs/performance.md.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> which = args.length == 0 ? List.of("latency", "coldstart") : List.of(args);
        for (String name : which) {
            if (!List.of("latency", "coldstart", "requests", "warm").contains(name)) {
                System.err.println("Unknown benchmark '" + name + "': use latency, coldstart, requests, warm,"
                        + " or latency and coldstart (the default)");
                System.exit(2);
            }
        }
        if (!Files.isRegularFile(Path.of("template.yaml"))) {
            System.err.println("Run from the repository root (infra/bench/run does)");
            System.exit(2);
        }
        PrintStream out = System.out;
        Runtime runtime = Runtime.getRuntime();
        out.printf(Locale.ROOT, "Vuoro benchmarks, %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        out.printf(Locale.ROOT, "machine: %d cores, %s %s (%s), %s %s, max heap %d MiB%n",
                runtime.availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.arch"),
                runtime.maxMemory() / (1024 * 1024));

        long start = System.nanoTime();
        Path work = Path.of("infra/bench/target/bench-work");
        out.println("load average at start: " + MachineLoad.loadAverage());
        if (which.contains("latency")) {
            MachineLoad before = MachineLoad.now();
            new WebhookLatency(out, env("BENCH_JOINS", 500), env("BENCH_THREADS", 8), env("BENCH_WARMUP", 200))
                    .run(work.resolve("latency-service.log"));
            out.println(MachineLoad.now().since(before));
        }
        if (which.contains("coldstart")) {
            MachineLoad before = MachineLoad.now();
            new ColdStart(out, env("BENCH_RUNS", 5), work.resolve("coldstart"), System.getenv("BENCH_COLDSTART_EXTRA")).run();
            out.println(MachineLoad.now().since(before));
        }
        if (which.contains("requests")) {
            MachineLoad before = MachineLoad.now();
            new RequestsPerAction(out).run(work.resolve("requests-service.log"));
            out.println(MachineLoad.now().since(before));
        }
        if (which.contains("warm")) {
            MachineLoad before = MachineLoad.now();
            new WarmLatency(out, env("BENCH_WARM_CALLS", 500), env("BENCH_WARM_DAY", 100), env("BENCH_WARM_YES", 100),
                    env("BENCH_WARM_WARMUP", 1)).run(work.resolve("warm-service.log"));
            out.println(MachineLoad.now().since(before));
        }
        out.printf(Locale.ROOT, "%nbenchmarks took %.0f s%n", (System.nanoTime() - start) / 1e9);
        // DynamoDB Local and the HTTP client leave non-daemon threads behind
        System.exit(0);
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
