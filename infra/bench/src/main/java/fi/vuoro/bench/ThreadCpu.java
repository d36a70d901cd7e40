package fi.vuoro.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time this JVM's threads have used, by who they work for: the service (Micronaut's Netty event loops
 * and its I/O executor, which run the webhook controller and its DynamoDB client calls), DynamoDB Local (its
 * Jetty threads and its SQLite queue) and the whole process (with the load client, GC and JIT). CPU time,
 * unlike latency, hardly changes when other processes compete for the cores.
 */
record ThreadCpu(long serviceNanos, long dynamoNanos, long processNanos) {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static ThreadCpu now() {
        long service = 0;
        long dynamo = 0;
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            if (cpu < 0) {
                continue;
            }
            String name = infos[i].getThreadName();
            if (name.startsWith("default-eventLoopGroup") || name.startsWith("default-nioEventLoopGroup")
                    || name.startsWith("io-executor-thread") || name.startsWith("blocking-executor")) {
                service += cpu;
            } else if (name.startsWith("qtp") || name.startsWith("SQLiteQueue")) {
                dynamo += cpu;
            }
        }
        return new ThreadCpu(service, dynamo, processCpu());
    }

    /** Milliseconds of CPU per message between {@code before} and now: service, DynamoDB Local, whole JVM. */
    static double[] perMessageSince(ThreadCpu before, int messages) {
        ThreadCpu after = now();
        return new double[] {
            (after.serviceNanos - before.serviceNanos) / 1e6 / messages,
            (after.dynamoNanos - before.dynamoNanos) / 1e6 / messages,
            (after.processNanos - before.processNanos) / 1e6 / messages,
        };
    }

    private static long processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
