package fi.vuoro.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the DynamoDB requests a thread makes while it records: one per API call (a query's every page is one),
 * by operation name, and the HTTP attempts (more than the calls only when the SDK retried).
 *
 * <p>The SDK adds it to every client built in the benchmark's JVM, the service's own {@code DynamoDbClient}
 * included, as a global interceptor named in {@code software/amazon/awssdk/global/handlers/execution.interceptors}
 * on the benchmark's classpath; production code and its wiring are unchanged. It counts on the calling thread only
 * (the SDK's sync client runs a call on its caller), so the local runtime's schedules (the outbox drain, the no-show
 * sweep, the interpreter waves), which run on threads of their own, never count towards an action.
 */
public final class DynamoRequestCounter implements ExecutionInterceptor {

    private static final ThreadLocal<Tally> RECORDING = new ThreadLocal<>();

    /** What one thread's calls made, while it recorded. */
    static final class Tally {
        private final Map<String, Integer> calls = new TreeMap<>();
        private final List<String> trace = new ArrayList<>();
        private int attempts;

        /** Each call in order, with the shape of the keys it named, e.g. {@code GetItem SITE#…/PROFILE}. */
        List<String> trace() {
            return trace;
        }

        Map<String, Integer> calls() {
            return calls;
        }

        int total() {
            return calls.values().stream().mapToInt(Integer::intValue).sum();
        }

        int attempts() {
            return attempts;
        }
    }

    /** Runs {@code action} on this thread and returns the DynamoDB requests it made. */
    static Tally count(Runnable action) {
        Tally tally = new Tally();
        Tally outer = RECORDING.get();
        RECORDING.set(tally);
        try {
            action.run();
        } finally {
            RECORDING.set(outer);
        }
        return tally;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Tally tally = RECORDING.get();
        if (tally != null && isDynamoDb(attributes)) {
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            tally.calls.merge(operation, 1, Integer::sum);
            tally.trace.add(operation + " " + KeyShapes.of(context.request()));
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Tally tally = RECORDING.get();
        if (tally != null && isDynamoDb(attributes)) {
            tally.attempts++;
        }
    }

    private static boolean isDynamoDb(ExecutionAttributes attributes) {
        return "DynamoDb".equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
    }
}
