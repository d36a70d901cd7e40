package fi.vuoro.local.staff;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the DynamoDB requests of whatever runs on the calling thread, by operation: a global SDK interceptor (named
 * in this module's test resources, {@code software/amazon/awssdk/global/handlers/execution.interceptors}), so the
 * service's own client counts too, while production wiring stays as it is. Other threads (the local schedules, the
 * HTTP server's) never count.
 */
public final class CountedDynamoRequests implements ExecutionInterceptor {

    private static final ThreadLocal<Map<String, Integer>> COUNTING = new ThreadLocal<>();

    /** The requests {@code action} made on this thread, by operation name. */
    static Map<String, Integer> of(Runnable action) {
        Map<String, Integer> counted = new TreeMap<>();
        COUNTING.set(counted);
        try {
            action.run();
        } finally {
            COUNTING.remove();
        }
        return counted;
    }

    static int total(Map<String, Integer> counted) {
        return counted.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Map<String, Integer> counted = COUNTING.get();
        if (counted != null && "DynamoDb".equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
            counted.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
        }
    }
}
