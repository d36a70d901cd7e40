package fi.vuoro.testkit.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Lambda event filter ({@code FilterCriteria.Filters[].Pattern}), applied to one record as Lambda delivers it, so a
 * test sees exactly the records a function's event source mapping lets through. For a DynamoDB stream that is the
 * record with {@code eventName} and {@code dynamodb.NewImage.<attribute>.S} and so on, attribute values in DynamoDB
 * JSON.
 *
 * <p>Semantics follow the documentation: every field named in the pattern must match (AND); a field's list of rules
 * matches when any rule does (OR); a record field holding a list matches when any of its values does; {@code exists}
 * looks at values only, not at nested objects; exact numbers compare by their written form. Supported: literals
 * (strings, numbers, booleans, null), nested objects, {@code prefix}, {@code suffix}, {@code equals-ignore-case},
 * {@code exists}, {@code anything-but} (a value or a list of values) and {@code numeric} (one comparison or a range).
 * Anything else ({@code $or}, {@code wildcard}, {@code cidr}, nested forms such as {@code anything-but: {prefix}})
 * is refused when the pattern is read, rather than silently matching differently from Lambda. {@code numeric}
 * compares JSON numbers only, so here it does not match DynamoDB's {@code N} values, which the record carries as
 * strings.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html">Lambda: control which
 *     events Lambda sends to your function (filter rule syntax)</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb-filtering.html">Lambda: event filtering with a
 *     DynamoDB event source</a>
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html">EventBridge:
 *     comparison operators in event patterns</a>
 */
public final class EventFilterPattern {

    /** Keeps numbers as written (300.0 stays 300.0), which exact matching depends on. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** A nested object of the pattern, or the rule list at one of its fields. */
    private sealed interface Node permits Fields, Rules {}

    private record Fields(Map<String, Node> fields) implements Node {}

    private record Rules(List<FilterRule> rules) implements Node {}

    private final String source;
    private final Fields root;

    private EventFilterPattern(String source, Fields root) {
        this.source = source;
        this.root = root;
    }

    /**
     * Reads a pattern as written in a template's {@code Pattern} string.
     *
     * @throws IllegalArgumentException if it is not JSON, not an object, or uses anything unsupported
     */
    public static EventFilterPattern parse(String pattern) {
        JsonNode tree;
        try {
            tree = JSON.readTree(pattern);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Filter pattern is not JSON: " + pattern, e);
        }
        if (tree == null || !tree.isObject() || tree.isEmpty()) {
            throw new IllegalArgumentException("Filter pattern must be a non-empty JSON object: " + pattern);
        }
        return new EventFilterPattern(pattern, fields(tree, ""));
    }

    /** Whether Lambda would let this record through this filter. */
    public boolean matches(JsonNode record) {
        return matches(root, record);
    }

    /** Parses the record with the same exact-decimal reading as the pattern, then matches it. */
    public boolean matches(String recordJson) {
        try {
            return matches(JSON.readTree(recordJson));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Record is not JSON: " + recordJson, e);
        }
    }

    /** The pattern as it was written. */
    @Override
    public String toString() {
        return source;
    }

    private static Fields fields(JsonNode object, String path) {
        Map<String, Node> fields = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> {
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (field.getKey().startsWith("$")) {
                throw new IllegalArgumentException("Filter pattern at " + at + ": \"" + field.getKey()
                        + "\" is not supported here");
            }
            JsonNode value = field.getValue();
            if (value.isObject()) {
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("Filter pattern at " + at + ": an empty object matches nothing");
                }
                fields.put(field.getKey(), fields(value, at));
            } else if (value.isArray()) {
                fields.put(field.getKey(), rules(value, at));
            } else {
                throw new IllegalArgumentException("Filter pattern at " + at + ": values must be listed in an array"
                        + " (e.g. [\"INSERT\"]), not " + value);
            }
        });
        return new Fields(Collections.unmodifiableMap(fields));
    }

    private static Rules rules(JsonNode array, String at) {
        if (array.isEmpty()) {
            throw new IllegalArgumentException("Filter pattern at " + at + ": an empty list matches nothing");
        }
        List<FilterRule> rules = new ArrayList<>();
        array.forEach(entry -> rules.add(FilterRule.parse(entry, "Filter pattern at " + at)));
        return new Rules(List.copyOf(rules));
    }

    private static boolean matches(Fields pattern, JsonNode value) {
        for (Map.Entry<String, Node> field : pattern.fields().entrySet()) {
            JsonNode child = value.isObject() ? value.path(field.getKey()) : MissingNode.getInstance();
            if (!matchesField(field.getValue(), child)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesField(Node pattern, JsonNode value) {
        if (pattern instanceof Rules rules) {
            List<JsonNode> leaves = leaves(value, new ArrayList<>());
            return rules.rules().stream().anyMatch(rule -> rule.matches(leaves));
        }
        Fields nested = (Fields) pattern;
        if (value.isArray()) {
            // A list of objects matches when one of them matches the whole nested pattern; a list without objects
            // is as good as an absent field.
            boolean anyObject = false;
            for (JsonNode element : value) {
                if (element.isObject()) {
                    anyObject = true;
                    if (matches(nested, element)) {
                        return true;
                    }
                }
            }
            return !anyObject && matches(nested, MissingNode.getInstance());
        }
        return matches(nested, value);
    }

    private static List<JsonNode> leaves(JsonNode value, List<JsonNode> into) {
        if (value.isArray()) {
            value.forEach(element -> leaves(element, into));
        } else if (!value.isMissingNode() && !value.isObject()) {
            into.add(value);
        }
        return into;
    }
}
