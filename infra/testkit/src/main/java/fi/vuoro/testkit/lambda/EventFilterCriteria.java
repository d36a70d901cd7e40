package fi.vuoro.testkit.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An event source mapping's {@code FilterCriteria}: a record reaches the function when any of its filters matches it
 * (the filters are ORed), and every record does when there are none.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html">Lambda: control which
 *     events Lambda sends to your function</a>
 */
public record EventFilterCriteria(List<EventFilterPattern> filters) {

    /** No filtering: Lambda hands the function every record. */
    public static final EventFilterCriteria NONE = new EventFilterCriteria(List.of());

    public EventFilterCriteria {
        filters = List.copyOf(filters);
    }

    /** The criteria made of these {@code Pattern} strings. */
    public static EventFilterCriteria of(String... patterns) {
        return new EventFilterCriteria(List.of(patterns).stream().map(EventFilterPattern::parse).toList());
    }

    public boolean matches(JsonNode record) {
        return filters.isEmpty() || filters.stream().anyMatch(filter -> filter.matches(record));
    }
}
