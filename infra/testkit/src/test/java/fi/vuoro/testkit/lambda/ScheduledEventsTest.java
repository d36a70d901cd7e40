package fi.vuoro.testkit.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScheduledEventsTest {

    private static final Clock FIRES_AT = Clock.fixed(Instant.parse("2026-12-01T08:15:00.734Z"), ZoneId.of("Europe/Helsinki"));

    private final ScheduledEvents events = new ScheduledEvents("eu-north-1", "123456789012", FIRES_AT);

    @Test
    void event_shouldCarryEveryFieldOfEventBridgesScheduledEvent_whenRuleFires() throws Exception {
        JsonNode event = EventFilterPattern.JSON.readTree(events.event("vuoro-OutboxSenderFunctionEveryMinute-1AB2"));

        assertEquals(List.of("version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"),
                fieldNames(event));
        assertEquals("0", event.get("version").asText());
        UUID.fromString(event.get("id").asText());
        assertEquals("Scheduled Event", event.get("detail-type").asText());
        assertEquals("aws.events", event.get("source").asText());
        assertEquals("123456789012", event.get("account").asText());
        assertEquals("2026-12-01T08:15:00Z", event.get("time").asText(), "whole seconds, in UTC");
        assertEquals("eu-north-1", event.get("region").asText());
        assertEquals(1, event.get("resources").size());
        assertEquals("arn:aws:events:eu-north-1:123456789012:rule/vuoro-OutboxSenderFunctionEveryMinute-1AB2",
                event.get("resources").get(0).asText());
        assertEquals(0, event.get("detail").size());
        assertTrue(event.get("detail").isObject());
    }

    @Test
    void event_shouldGiveEachDeliveryItsOwnId_whenRuleFiresTwice() throws Exception {
        String first = EventFilterPattern.JSON.readTree(events.event("every-minute")).get("id").asText();
        String second = EventFilterPattern.JSON.readTree(events.event("every-minute")).get("id").asText();

        assertNotEquals(first, second);
    }

    @Test
    void ruleArn_shouldUseTheRegionsPartition_whenRegionIsInChina() {
        assertEquals("arn:aws-cn:events:cn-north-1:123456789012:rule/nightly",
                new ScheduledEvents("cn-north-1", "123456789012", FIRES_AT).ruleArn("nightly"));
    }

    @Test
    void event_shouldFail_whenRuleNameIsNotOneEventBridgeAccepts() {
        assertThrows(IllegalArgumentException.class, () -> events.event("every minute"));
        assertThrows(IllegalArgumentException.class, () -> events.event("x".repeat(65)));
    }

    @Test
    void constructor_shouldFail_whenAccountOrRegionIsMalformed() {
        assertThrows(IllegalArgumentException.class, () -> new ScheduledEvents("eu-north-1", "1234"));
        assertThrows(IllegalArgumentException.class, () -> new ScheduledEvents("Europe", "123456789012"));
    }

    private static List<String> fieldNames(JsonNode event) {
        List<String> names = new ArrayList<>();
        event.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
