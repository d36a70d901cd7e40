package fi.vuoro.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latency figures of one operation: nearest-rank percentiles over every recorded request. */
record Stats(String operation, int count, double p50, double p95, double p99, double max, double perSecond,
             double[] cpuPerMessage) {

    /**
     * @param nanos one latency per request
     * @param wallNanos the wall time the whole run took
     * @param cpuPerMessage CPU ms per message: service threads, DynamoDB Local threads, whole JVM
     */
    static Stats of(String operation, long[] nanos, long wallNanos, double[] cpuPerMessage) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(operation, sorted.length,
                ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)),
                ms(sorted[sorted.length - 1]), sorted.length / (wallNanos / 1e9), cpuPerMessage);
    }

    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static String header() {
        return String.format(Locale.ROOT, "%-22s %6s %7s %7s %7s %7s %7s  %-20s",
                "operation", "count", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s", "CPU ms/msg svc/ddb/all");
    }

    String row() {
        return String.format(Locale.ROOT, "%-22s %6d %7.1f %7.1f %7.1f %7.1f %7.1f  %.1f / %.1f / %.1f",
                operation, count, p50, p95, p99, max, perSecond, cpuPerMessage[0], cpuPerMessage[1], cpuPerMessage[2]);
    }
}
