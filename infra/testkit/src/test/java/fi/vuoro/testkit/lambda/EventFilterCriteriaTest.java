package fi.vuoro.testkit.lambda;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class EventFilterCriteriaTest {

    @Test
    void matches_shouldAcceptRecord_whenAnyFilterMatches() throws Exception {
        EventFilterCriteria criteria = EventFilterCriteria.of("{\"eventName\":[\"INSERT\"]}", "{\"eventName\":[\"REMOVE\"]}");

        assertTrue(criteria.matches(json("{\"eventName\":\"REMOVE\"}")));
        assertFalse(criteria.matches(json("{\"eventName\":\"MODIFY\"}")));
    }

    @Test
    void matches_shouldAcceptEveryRecord_whenThereAreNoFilters() throws Exception {
        assertTrue(EventFilterCriteria.NONE.matches(json("{\"eventName\":\"MODIFY\"}")));
    }

    private static JsonNode json(String text) throws Exception {
        return EventFilterPattern.JSON.readTree(text);
    }
}
