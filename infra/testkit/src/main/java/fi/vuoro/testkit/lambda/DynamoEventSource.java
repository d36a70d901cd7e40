package fi.vuoro.testkit.lambda;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a function's {@code Type: DynamoDB} event source that decide which records reach it and how many
 * at a time, read from the template so tests feed a function exactly what its deployed event source mapping would.
 *
 * <p>The {@code Stream} itself is an intrinsic ({@code !GetAtt Table.StreamArn}) the template cannot resolve locally,
 * so the caller names the local table when it opens a {@link DynamoStreamEvents}. Settings about failures and
 * concurrency (retries, record age, bisecting, destinations, partial batch responses, parallelisation) and the
 * batching window do not change what one read delivers and are accepted but not modelled; anything else, such as a
 * tumbling window that changes the event's shape, is refused.
 *
 * @see <a href="https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-dynamodb.html">
 *     SAM: DynamoDB event source</a>
 */
public record DynamoEventSource(StartingPosition startingPosition, int batchSize, EventFilterCriteria filterCriteria) {

    /** Lambda's batch size when the template gives none. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** The largest batch Lambda accepts for a DynamoDB stream. */
    public static final int MAX_BATCH_SIZE = 10_000;

    /** Where a new event source starts reading the stream. */
    public enum StartingPosition {
        /** Only records written after the event source started. */
        LATEST,
        /** Every record still in the stream. */
        TRIM_HORIZON
    }

    private static final Set<String> MODELLED = Set.of("Stream", "StartingPosition", "BatchSize", "FilterCriteria");
    private static final Set<String> NOT_MODELLED = Set.of(
            "MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError", "DestinationConfig",
            "FunctionResponseTypes", "ParallelizationFactor", "MaximumBatchingWindowInSeconds", "MetricsConfig",
            "KmsKeyArn");

    public DynamoEventSource {
        if (startingPosition == null || filterCriteria == null) {
            throw new IllegalArgumentException("A DynamoDB event source needs a starting position and filter criteria");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("BatchSize must be 1.." + MAX_BATCH_SIZE + ", not " + batchSize);
        }
    }

    /**
     * Reads {@code Resources.<function>.Properties.Events.<event>}.
     *
     * @throws IllegalArgumentException if there is no such event, it is not of type DynamoDB, or it declares something
     *     that cannot be reproduced locally
     */
    public static DynamoEventSource fromTemplate(CloudFormationTemplate template, String functionLogicalId, String eventName) {
        CloudFormationTemplate.Resource function = template.resources().get(functionLogicalId);
        if (function == null || !function.type().equals("AWS::Serverless::Function")) {
            throw new IllegalArgumentException(functionLogicalId + " is not an AWS::Serverless::Function in " + template.path());
        }
        String where = functionLogicalId + ".Properties.Events." + eventName;
        Map<String, Object> events = mapping(function.properties().getOrDefault("Events", Map.of()),
                functionLogicalId + ".Properties.Events");
        if (!events.containsKey(eventName)) {
            throw new IllegalArgumentException(functionLogicalId + " has no event " + eventName + " (it has "
                    + events.keySet() + ")");
        }
        Map<String, Object> event = mapping(events.get(eventName), where);
        if (!"DynamoDB".equals(event.get("Type"))) {
            throw new IllegalArgumentException(where + " is of type " + event.get("Type") + ", not DynamoDB");
        }
        Map<String, Object> properties = mapping(event.get("Properties"), where + ".Properties");
        for (String key : properties.keySet()) {
            if (!MODELLED.contains(key) && !NOT_MODELLED.contains(key)) {
                throw new IllegalArgumentException(where + ".Properties." + key + " is not supported by the local"
                        + " event source (modelled: " + MODELLED + ", accepted without effect: " + NOT_MODELLED + ")");
            }
        }
        if (!properties.containsKey("Stream")) {
            throw new IllegalArgumentException(where + ".Properties.Stream is required but missing");
        }
        return new DynamoEventSource(
                startingPosition(properties.get("StartingPosition"), where + ".Properties.StartingPosition"),
                batchSize(properties.get("BatchSize"), where + ".Properties.BatchSize"),
                filterCriteria(properties.get("FilterCriteria"), where + ".Properties.FilterCriteria"));
    }

    private static StartingPosition startingPosition(Object value, String where) {
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(where + " must be LATEST or TRIM_HORIZON, not " + value);
        }
        try {
            return StartingPosition.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " must be LATEST or TRIM_HORIZON for a DynamoDB stream, not " + text);
        }
    }

    private static int batchSize(Object value, String where) {
        if (value == null) {
            return DEFAULT_BATCH_SIZE;
        }
        if (value instanceof Integer number) {
            return number;
        }
        if (value instanceof String text && text.matches("\\d{1,5}")) {
            return Integer.parseInt(text);
        }
        throw new IllegalArgumentException(where + " must be a whole number, not " + value);
    }

    private static EventFilterCriteria filterCriteria(Object value, String where) {
        if (value == null) {
            return EventFilterCriteria.NONE;
        }
        Map<String, Object> criteria = mapping(value, where);
        if (!Set.of("Filters").containsAll(criteria.keySet())) {
            throw new IllegalArgumentException(where + " may only hold Filters, not " + criteria.keySet());
        }
        Object filters = criteria.get("Filters");
        if (!(filters instanceof List<?> list)) {
            throw new IllegalArgumentException(where + ".Filters must be a list, not " + filters);
        }
        List<EventFilterPattern> patterns = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = where + ".Filters[" + i + "]";
            Map<String, Object> filter = mapping(list.get(i), at);
            if (!filter.keySet().equals(Set.of("Pattern")) || !(filter.get("Pattern") instanceof String pattern)) {
                throw new IllegalArgumentException(at + " must hold exactly one Pattern string, not " + filter);
            }
            try {
                patterns.add(EventFilterPattern.parse(pattern));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ".Pattern: " + e.getMessage(), e);
            }
        }
        return new EventFilterCriteria(patterns);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object value, String where) {
        if (value instanceof Map<?, ?> map && !isIntrinsic(map)) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(where + " must be a mapping in the template, not " + value);
    }

    private static boolean isIntrinsic(Map<?, ?> map) {
        return map.size() == 1 && map.keySet().iterator().next() instanceof String key
                && (key.equals("Ref") || key.startsWith("Fn::"));
    }
}
