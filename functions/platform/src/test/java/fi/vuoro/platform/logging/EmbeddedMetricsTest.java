package fi.vuoro.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A metric's log line is CloudWatch's Embedded Metric Format, and the JSON layout writes it as it is. */
class EmbeddedMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-24T10:15:00Z");

    private static String line() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("SiteSmsCapReached", 1);
        counts.put("OutboundSmsHeld", 7);
        return new EmbeddedMetrics("outbox-sender").line(AT, Map.of("SiteId", "herv\"anta"), counts,
                Map.of("capPerHour", "500"));
    }

    @Test
    void line_shouldDeclareNamespaceDimensionsAndMetrics_inTheAwsBlock_withTheValuesBesideIt() throws Exception {
        JsonNode metric = JSON.readTree(line());

        JsonNode aws = metric.get("_aws");
        assertEquals(AT.toEpochMilli(), aws.get("Timestamp").asLong());
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertEquals("Vuoro", directive.get("Namespace").asText());
        assertEquals("[[\"Service\"],[\"Service\",\"SiteId\"]]", directive.get("Dimensions").toString());
        assertEquals("[{\"Name\":\"SiteSmsCapReached\",\"Unit\":\"Count\"},{\"Name\":\"OutboundSmsHeld\","
                + "\"Unit\":\"Count\"}]", directive.get("Metrics").toString());
        assertEquals("outbox-sender", metric.get("Service").asText());
        assertEquals("herv\"anta", metric.get("SiteId").asText(), "values are escaped");
        assertEquals(1, metric.get("SiteSmsCapReached").asInt());
        assertEquals(7, metric.get("OutboundSmsHeld").asInt());
        assertEquals("500", metric.get("capPerHour").asText());
    }

    @Test
    void jsonLayout_shouldWriteAMetricLineAsItIs_soCloudWatchFindsTheAwsBlockAtTheTop() throws Exception {
        LoggerContext context = new LoggerContext();
        JsonLogLayout layout = new JsonLogLayout();
        layout.setContext(context);
        LoggingEvent event = new LoggingEvent("test", context.getLogger(JsonLogLayout.METRICS_LOGGER), Level.INFO,
                line(), null, null);

        String written = layout.doLayout(event);

        assertEquals(line() + System.lineSeparator(), written);
        assertEquals("Vuoro", JSON.readTree(written).get("_aws").get("CloudWatchMetrics").get(0).get("Namespace")
                .asText());
    }
}
