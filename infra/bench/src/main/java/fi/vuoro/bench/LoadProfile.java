package fi.vuoro.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Where the service's threads are while the load runs, from thread dumps every 100 ms: the request threads
 * (Micronaut's I/O executor, which runs the webhook controller, and Netty's event loops) and DynamoDB Local's
 * (Jetty's request threads and its SQLite thread). A poor man's profiler, but one that sees waiting as well as
 * running: whether a join waits for DynamoDB Local, for a retry pause, for a lock, or runs.
 */
final class LoadProfile implements Runnable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** A dump of some 150 threads costs a few ms of CPU and a safepoint: sparse enough not to be the load. */
    private static final int INTERVAL_MS = 100;

    private final Map<String, Integer> service = new ConcurrentHashMap<>();
    private final Map<String, Integer> serviceRunning = new ConcurrentHashMap<>();
    private final Map<String, Integer> dynamo = new ConcurrentHashMap<>();
    private final Map<String, Integer> dynamoRunning = new ConcurrentHashMap<>();
    private final Set<String> executorThreads = ConcurrentHashMap.newKeySet();
    private int samples;
    private int maxBusyExecutors;
    private volatile boolean running = true;
    private Thread thread;

    static LoadProfile start() {
        LoadProfile profile = new LoadProfile();
        profile.thread = new Thread(profile, "bench-load-profile");
        profile.thread.setDaemon(true);
        profile.thread.start();
        return profile;
    }

    @Override
    public void run() {
        while (running) {
            sample();
            try {
                TimeUnit.MILLISECONDS.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        samples++;
        int busyExecutors = 0;
        for (ThreadInfo info : THREADS.dumpAllThreads(false, false)) {
            String name = info.getThreadName();
            StackTraceElement[] stack = info.getStackTrace();
            if (name.startsWith("io-executor-thread") || name.startsWith("default-nioEventLoopGroup")) {
                String what = serviceState(info, stack);
                if (name.startsWith("io-executor-thread")) {
                    executorThreads.add(name);
                    if (!what.startsWith("idle")) {
                        busyExecutors++;
                    }
                }
                service.merge(what, 1, Integer::sum);
                if (what.startsWith("running")) {
                    serviceRunning.merge(topFrame(stack), 1, Integer::sum);
                }
            } else if (name.startsWith("qtp") || name.startsWith("SQLiteQueue")) {
                String what = dynamoState(name, info, stack);
                dynamo.merge(what, 1, Integer::sum);
                if (what.contains("running")) {
                    dynamoRunning.merge(topFrame(stack), 1, Integer::sum);
                }
            }
        }
        maxBusyExecutors = Math.max(maxBusyExecutors, busyExecutors);
    }

    private static String serviceState(ThreadInfo info, StackTraceElement[] stack) {
        if (contains(stack, "fi.vuoro.platform.dynamodb.DynamoQueueStore", "pauseBefore")) {
            return "pausing before a retried transaction";
        }
        if (!contains(stack, "fi.vuoro.", null)) {
            return "idle (no request)";
        }
        if (info.getThreadState() == Thread.State.BLOCKED) {
            return "blocked on a lock";
        }
        if (contains(stack, "software.amazon.awssdk.http.urlconnection", null) && inSocketRead(stack)) {
            return "waiting for DynamoDB Local's answer";
        }
        if (info.getThreadState() != Thread.State.RUNNABLE) {
            return "waiting (" + info.getThreadState() + ") in " + topFrame(stack);
        }
        return "running (on a core or waiting for one)";
    }

    private static String dynamoState(String name, ThreadInfo info, StackTraceElement[] stack) {
        String who = name.startsWith("SQLiteQueue") ? "SQLite thread" : "Jetty threads";
        if (info.getThreadState() == Thread.State.RUNNABLE && !inSelectOrAccept(stack)) {
            return who + ": running";
        }
        if (!name.startsWith("SQLiteQueue") && contains(stack, "com.amazonaws.services.dynamodbv2", null)) {
            return who + ": waiting inside DynamoDB Local (" + info.getThreadState() + ")";
        }
        return who + ": idle";
    }

    private static boolean inSocketRead(StackTraceElement[] stack) {
        for (int i = 0; i < Math.min(stack.length, 12); i++) {
            String frame = stack[i].getClassName() + "." + stack[i].getMethodName();
            if (frame.contains("socketRead") || frame.contains("NioSocketImpl.read") || frame.contains("SocketInputStream.read")
                    || frame.contains("NioSocketImpl.park") || frame.contains("Net.poll")) {
                return true;
            }
        }
        return false;
    }

    private static boolean inSelectOrAccept(StackTraceElement[] stack) {
        for (int i = 0; i < Math.min(stack.length, 6); i++) {
            String method = stack[i].getMethodName();
            if (method.contains("epollWait") || method.contains("accept") || method.equals("park") || method.equals("poll")) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(StackTraceElement[] stack, String classPrefix, String method) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith(classPrefix) && (method == null || frame.getMethodName().equals(method))) {
                return true;
            }
        }
        return false;
    }

    private static String topFrame(StackTraceElement[] stack) {
        return stack.length == 0 ? "(no stack)" : stack[0].getClassName() + "." + stack[0].getMethodName();
    }

    Report stop() throws InterruptedException {
        running = false;
        thread.join();
        return new Report(samples, new HashMap<>(service), new HashMap<>(serviceRunning), new HashMap<>(dynamo),
                new HashMap<>(dynamoRunning), executorThreads.size(), maxBusyExecutors);
    }

    record Report(int samples, Map<String, Integer> service, Map<String, Integer> serviceRunning,
                  Map<String, Integer> dynamo, Map<String, Integer> dynamoRunning, int executorThreads,
                  int maxBusyExecutors) {

        void print(PrintStream out) {
            out.printf(Locale.ROOT, "thread samples (%d dumps, " + INTERVAL_MS + " ms apart): %d I/O executor threads seen, at most %d "
                    + "serving at once%n", samples, executorThreads, maxBusyExecutors);
            print(out, "  request threads (I/O executor, event loops), per state, in thread-samples per dump:", service, 10);
            print(out, "  request threads' top frame while running:", serviceRunning, 6);
            print(out, "  DynamoDB Local's threads, per state, in thread-samples per dump:", dynamo, 10);
            print(out, "  DynamoDB Local's top frame while running:", dynamoRunning, 6);
        }

        private void print(PrintStream out, String title, Map<String, Integer> counts, int limit) {
            out.println(title);
            String lines = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                    .limit(limit)
                    .map(e -> String.format(Locale.ROOT, "    %6.2f  %s", e.getValue() / (double) Math.max(1, samples), e.getKey()))
                    .collect(Collectors.joining(System.lineSeparator()));
            out.println(lines.isEmpty() ? "    (none)" : lines);
        }
    }
}
