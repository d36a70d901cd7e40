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
 * {@code size} (every function jar and what takes its space).
 * Sizes come from the environment: BENCH_JOINS (500), BENCH_THREADS (8), BENCH_WARMUP (200), BENCH_COLDSTART_RUNS
 * (10; BENCH_RUNS is its older name); BENCH_COLDSTART_EXTRA adds a further cold-start variant with those JVM options (e.g. an AppCDS archive).
 * {@code load} (joins at a fixed rate from concurrent senders, one site and ten) runs only when named:
 * BENCH_LOAD_JOINS (1000), BENCH_LOAD_RATE (50 a second), BENCH_LOAD_SENDERS (50), BENCH_LOAD_WARMUP (250).
 * {@code requests} (DynamoDB requests per action, counted) and {@code warm} (warm latency in-process per action)
 * run when named. BENCH_WARM_CALLS (500), BENCH_WARM_DAY (100), BENCH_WARM_YES (100) and BENCH_WARM_WARMUP (1)
 * size the warm-latency run.
 * See docs/performance.md.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> which = args.length == 0 ? List.of("latency", "coldstart") : List.of(args);
        for (String name : which) {
            if (!List.of("latency", "coldstart", "size", "load", "requests", "warm").contains(name)) {
                System.err.println("Unknown benchmark '" + name + "': use latency, coldstart, size, load, requests,"
                        + " warm, or none for latency and coldstart");
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
            new ColdStart(out, env("BENCH_COLDSTART_RUNS", env("BENCH_RUNS", 10)), work.resolve("coldstart"), System.getenv("BENCH_COLDSTART_EXTRA")).run();
            out.println(MachineLoad.now().since(before));
        }
        if (which.contains("size")) {
            new JarSizes(out).run(Path.of("functions"));
        }
        if (which.contains("load")) {
            MachineLoad before = MachineLoad.now();
            new LoadBenchmark(out, env("BENCH_LOAD_JOINS", 1000), env("BENCH_LOAD_RATE", 50),
                    env("BENCH_LOAD_SENDERS", 50), env("BENCH_LOAD_WARMUP", 250))
                    .run(work.resolve("load-service.log"));
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
