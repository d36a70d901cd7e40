package fi.vuoro.testkit.lambda;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventFilterPatternTest {

    /** The outbox sender's filter in template.yaml. */
    private static final String NEW_OUTBOX_MESSAGES =
            "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"SK\":{\"S\":[\"MSG\"]}}}}";

    @Test
    void matches_shouldAcceptInsertOfOutboxItem_whenPatternIsTheTemplateFilter() {
        EventFilterPattern pattern = EventFilterPattern.parse(NEW_OUTBOX_MESSAGES);

        assertTrue(pattern.matches(streamRecord("INSERT", "MSG")));
        assertFalse(pattern.matches(streamRecord("MODIFY", "MSG")));
        assertFalse(pattern.matches(streamRecord("INSERT", "TICKET")));
        assertFalse(pattern.matches("{\"eventName\":\"REMOVE\",\"dynamodb\":{\"Keys\":{\"SK\":{\"S\":\"MSG\"}}}}"));
    }

    @Test
    void matches_shouldAcceptAnyListedValue_whenPatternListsSeveral() {
        EventFilterPattern pattern = EventFilterPattern.parse("{\"eventName\":[\"INSERT\",\"MODIFY\"]}");

        assertTrue(pattern.matches("{\"eventName\":\"MODIFY\"}"));
        assertFalse(pattern.matches("{\"eventName\":\"REMOVE\"}"));
    }

    @Test
    void matches_shouldRequireEveryField_whenPatternNamesSeveral() {
        EventFilterPattern pattern = EventFilterPattern.parse("{\"a\":[\"x\"],\"b\":[\"y\"]}");

        assertTrue(pattern.matches("{\"a\":\"x\",\"b\":\"y\",\"c\":\"ignored\"}"));
        assertFalse(pattern.matches("{\"a\":\"x\"}"));
    }

    @Test
    void matches_shouldCompareNumbersBooleansAndNullExactly_whenPatternListsLiterals() {
        EventFilterPattern pattern = EventFilterPattern.parse("{\"n\":[300],\"flag\":[true],\"gone\":[null]}");

        assertTrue(pattern.matches("{\"n\":300,\"flag\":true,\"gone\":null}"));
        assertFalse(pattern.matches("{\"n\":300.0,\"flag\":true,\"gone\":null}"), "300.0 is not written as 300");
        assertFalse(pattern.matches("{\"n\":\"300\",\"flag\":true,\"gone\":null}"), "a string is not a number");
        assertFalse(pattern.matches("{\"n\":300,\"flag\":\"true\",\"gone\":null}"));
        assertFalse(pattern.matches("{\"n\":300,\"flag\":true}"), "null does not match an absent field");
    }

    @Test
    void matches_shouldAcceptListField_whenAnyElementMatches() {
        EventFilterPattern pattern = EventFilterPattern.parse("{\"tags\":[\"urgent\"]}");

        assertTrue(pattern.matches("{\"tags\":[\"late\",\"urgent\"]}"));
        assertFalse(pattern.matches("{\"tags\":[\"late\"]}"));
    }

    @Test
    void matches_shouldMatchNestedPatternInOneListElement_whenFieldIsListOfObjects() {
        EventFilterPattern pattern = EventFilterPattern.parse("{\"items\":{\"kind\":[\"a\"],\"size\":[1]}}");

        assertTrue(pattern.matches("{\"items\":[{\"kind\":\"b\",\"size\":1},{\"kind\":\"a\",\"size\":1}]}"));
        assertFalse(pattern.matches("{\"items\":[{\"kind\":\"a\",\"size\":2},{\"kind\":\"b\",\"size\":1}]}"));
    }

    @Test
    void matches_shouldMatchStart_whenRuleIsPrefix() {
        EventFilterPattern pattern = EventFilterPattern.parse("{\"PK\":[{\"prefix\":\"SITE#\"}]}");

        assertTrue(pattern.matches("{\"PK\":\"SITE#helsinki\"}"));
        assertFalse(pattern.matches("{\"PK\":\"TICKET#SITE#\"}"));
        assertFalse(pattern.matches("{\"PK\":7}"));
    }

    @Test
    void matches_shouldMatchEnd_whenRuleIsSuffix() {
        EventFilterPattern pattern = EventFilterPattern.parse("{\"file\":[{\"suffix\":\".png\"}]}");

        assertTrue(pattern.matches("{\"file\":\"photo.png\"}"));
        assertFalse(pattern.matches("{\"file\":\"photo.PNG\"}"));
    }

    @Test
    void matches_shouldIgnoreCase_whenRuleIsEqualsIgnoreCase() {
        EventFilterPattern pattern = EventFilterPattern.parse("{\"state\":[{\"equals-ignore-case\":\"waiting\"}]}");

        assertTrue(pattern.matches("{\"state\":\"WAITING\"}"));
        assertFalse(pattern.matches("{\"state\":\"called\"}"));
    }

    @Test
    void matches_shouldLookAtPresence_whenRuleIsExists() {
        EventFilterPattern present = EventFilterPattern.parse("{\"dynamodb\":{\"NewImage\":{\"GSI1PK\":{\"S\":[{\"exists\":true}]}}}}");
        EventFilterPattern absent = EventFilterPattern.parse("{\"dynamodb\":{\"NewImage\":{\"GSI1PK\":{\"S\":[{\"exists\":false}]}}}}");
        String due = "{\"dynamodb\":{\"NewImage\":{\"GSI1PK\":{\"S\":\"OUTBOX#DUE\"}}}}";
        String sent = "{\"dynamodb\":{\"NewImage\":{\"SK\":{\"S\":\"MSG\"}}}}";

        assertTrue(present.matches(due));
        assertFalse(present.matches(sent));
        assertTrue(absent.matches(sent));
        assertFalse(absent.matches(due));
    }

    @Test
    void matches_shouldNotCountNestedObjectAsValue_whenRuleIsExists() {
        EventFilterPattern pattern = EventFilterPattern.parse("{\"dynamodb\":{\"NewImage\":{\"SK\":[{\"exists\":true}]}}}");

        assertFalse(pattern.matches(streamRecord("INSERT", "MSG")),
                "SK holds {\"S\":...}, an object, and exists only sees values");
    }

    @Test
    void matches_shouldAcceptOtherValues_whenRuleIsAnythingBut() {
        EventFilterPattern single = EventFilterPattern.parse("{\"state\":[{\"anything-but\":\"SERVED\"}]}");
        EventFilterPattern list = EventFilterPattern.parse("{\"state\":[{\"anything-but\":[\"SERVED\",\"NO_SHOW\"]}]}");
        EventFilterPattern number = EventFilterPattern.parse("{\"desk\":[{\"anything-but\":[0]}]}");

        assertTrue(single.matches("{\"state\":\"WAITING\"}"));
        assertFalse(single.matches("{\"state\":\"SERVED\"}"));
        assertFalse(single.matches("{}"), "an absent field is not anything-but anything");
        assertTrue(list.matches("{\"state\":\"CALLED\"}"));
        assertFalse(list.matches("{\"state\":\"NO_SHOW\"}"));
        assertTrue(number.matches("{\"desk\":3}"));
        assertFalse(number.matches("{\"desk\":0}"));
    }

    @Test
    void matches_shouldCompareJsonNumbers_whenRuleIsNumericRange() {
        EventFilterPattern pattern = EventFilterPattern.parse("{\"count\":[{\"numeric\":[\">\",0,\"<=\",5]}]}");

        assertTrue(pattern.matches("{\"count\":5}"));
        assertTrue(pattern.matches("{\"count\":0.5}"));
        assertFalse(pattern.matches("{\"count\":0}"));
        assertFalse(pattern.matches("{\"count\":5.01}"));
        assertFalse(pattern.matches("{\"count\":\"3\"}"), "DynamoDB's N values are strings, not numbers");
    }

    @Test
    void matches_shouldCompareValue_whenRuleIsNumericEquals() {
        EventFilterPattern pattern = EventFilterPattern.parse("{\"price\":[{\"numeric\":[\"=\",100]}]}");

        assertTrue(pattern.matches("{\"price\":100.0}"), "numeric equality compares values, not how they are written");
        assertFalse(pattern.matches("{\"price\":101}"));
    }

    @Test
    void matches_shouldAcceptEitherRule_whenListMixesLiteralAndOperator() {
        EventFilterPattern pattern = EventFilterPattern.parse("{\"PK\":[\"ADMIN\",{\"prefix\":\"SITE#\"}]}");

        assertTrue(pattern.matches("{\"PK\":\"ADMIN\"}"));
        assertTrue(pattern.matches("{\"PK\":\"SITE#1\"}"));
        assertFalse(pattern.matches("{\"PK\":\"TICKET#1\"}"));
    }

    @Test
    void parse_shouldFail_whenOperatorIsUnsupported() {
        Exception wildcard = assertThrows(IllegalArgumentException.class,
                () -> EventFilterPattern.parse("{\"file\":[{\"wildcard\":\"*.png\"}]}"));
        Exception or = assertThrows(IllegalArgumentException.class,
                () -> EventFilterPattern.parse("{\"$or\":[{\"a\":[\"x\"]},{\"b\":[\"y\"]}]}"));
        Exception nested = assertThrows(IllegalArgumentException.class,
                () -> EventFilterPattern.parse("{\"a\":[{\"anything-but\":{\"prefix\":\"x\"}}]}"));

        assertTrue(wildcard.getMessage().contains("wildcard"), wildcard.getMessage());
        assertTrue(or.getMessage().contains("$or"), or.getMessage());
        assertTrue(nested.getMessage().contains("anything-but"), nested.getMessage());
    }

    @Test
    void parse_shouldFail_whenPatternIsMalformed() {
        assertThrows(IllegalArgumentException.class, () -> EventFilterPattern.parse("{\"eventName\":\"INSERT\"}"));
        assertThrows(IllegalArgumentException.class, () -> EventFilterPattern.parse("{\"eventName\":[]}"));
        assertThrows(IllegalArgumentException.class, () -> EventFilterPattern.parse("[\"INSERT\"]"));
        assertThrows(IllegalArgumentException.class, () -> EventFilterPattern.parse("{}"));
        assertThrows(IllegalArgumentException.class, () -> EventFilterPattern.parse("{\"a\":[{\"numeric\":[\">\"]}]}"));
        assertThrows(IllegalArgumentException.class, () -> EventFilterPattern.parse("{\"a\":[{\"exists\":\"yes\"}]}"));
        assertThrows(IllegalArgumentException.class, () -> EventFilterPattern.parse("{\"a\":[{\"prefix\":\"x\",\"suffix\":\"y\"}]}"));
        assertThrows(IllegalArgumentException.class, () -> EventFilterPattern.parse("{not json"));
    }

    private static String streamRecord(String eventName, String sortKey) {
        return "{\"eventID\":\"1\",\"eventName\":\"" + eventName + "\",\"eventSource\":\"aws:dynamodb\","
                + "\"dynamodb\":{\"Keys\":{\"PK\":{\"S\":\"OUTBOX#1\"},\"SK\":{\"S\":\"" + sortKey + "\"}},"
                + "\"NewImage\":{\"PK\":{\"S\":\"OUTBOX#1\"},\"SK\":{\"S\":\"" + sortKey + "\"}},"
                + "\"StreamViewType\":\"NEW_IMAGE\"}}";
    }
}
