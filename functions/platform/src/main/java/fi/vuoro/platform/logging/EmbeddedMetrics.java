package fi.vuoro.platform.logging;

import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metrics as log lines in CloudWatch's Embedded Metric Format: one JSON object with an {@code _aws} block naming the
 * namespace, dimensions and metrics, and their values beside it. In Lambda, CloudWatch Logs turns the line into
 * metric data (no SDK, no request); anywhere else it is a plain JSON log line. Every metric is recorded under the
 * function's {@code Service} alone (what an alarm watches) and under {@code Service} with the given dimensions.
 */
public final class EmbeddedMetrics {

    /** Vuoro's metrics namespace, as the alarms in template.yaml name it. */
    public static final String NAMESPACE = "Vuoro";
    private static final Logger METRICS = LoggerFactory.getLogger(JsonLogLayout.METRICS_LOGGER);

    private final String service;

    public EmbeddedMetrics() {
        this(JsonLogLayout.SERVICE);
    }

    EmbeddedMetrics(String service) {
        this.service = service;
    }

    /** Logs the counts, at {@code at}, with the dimensions (names and values, e.g. SiteId) and extra properties. */
    public void count(Instant at, Map<String, String> dimensions, Map<String, Integer> counts,
                      Map<String, String> properties) {
        METRICS.info(line(at, dimensions, counts, properties));
    }

    String line(Instant at, Map<String, String> dimensions, Map<String, Integer> counts,
                Map<String, String> properties) {
        StringBuilder json = new StringBuilder(320).append("{\"_aws\":{\"Timestamp\":").append(at.toEpochMilli())
                .append(",\"CloudWatchMetrics\":[{\"Namespace\":\"").append(NAMESPACE)
                .append("\",\"Dimensions\":[[\"Service\"],[\"Service\"");
        dimensions.keySet().forEach(name -> JsonLogLayout.quoted(json.append(','), name));
        json.append("]],\"Metrics\":[");
        String separator = "";
        for (String metric : counts.keySet()) {
            JsonLogLayout.quoted(json.append(separator).append("{\"Name\":"), metric).append(",\"Unit\":\"Count\"}");
            separator = ",";
        }
        json.append("]}]},");
        JsonLogLayout.field(json, "Service", service);
        dimensions.forEach((name, value) -> JsonLogLayout.field(json.append(','), name, value));
        counts.forEach((name, value) -> JsonLogLayout.quoted(json.append(','), name).append(':').append(value));
        properties.forEach((name, value) -> JsonLogLayout.field(json.append(','), name, value));
        return json.append('}').toString();
    }
}
