package fi.vuoro.testkit.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoutePathTest {

    @Test
    void matches_shouldTakeOnlyTheSamePath_whenTemplateHasNoVariables() {
        RoutePath inbound = path("/sms/inbound");

        assertTrue(inbound.matches(request("/sms/inbound")));
        assertTrue(inbound.matches(request("/sms/inbound?outbox=7")));
        assertFalse(inbound.matches(request("/sms/Inbound")), "paths are case-sensitive");
        assertFalse(inbound.matches(request("/sms/inbound/")), "a trailing slash is another path");
        assertFalse(inbound.matches(request("/sms")));
        assertFalse(inbound.matches(request("/sms/inbound/extra")));
    }

    @Test
    void matches_shouldTakeExactlyOneNonEmptySegment_whenTemplateHasPathVariable() {
        RoutePath ticket = path("/tickets/{id}");

        assertTrue(ticket.matches(request("/tickets/42")));
        assertFalse(ticket.matches(request("/tickets/42/history")));
        assertFalse(ticket.matches(request("/tickets/")));
        assertFalse(ticket.matches(request("/tickets")));
    }

    @Test
    void matches_shouldTakeOneOrMoreSegments_whenTemplateEndsWithGreedyVariable() {
        RoutePath staff = path("/staff/{proxy+}");

        assertTrue(staff.matches(request("/staff/index.html")));
        assertTrue(staff.matches(request("/staff/api/sites/demo/queue")));
        assertTrue(staff.matches(request("/staff/api/")));
        assertFalse(staff.matches(request("/staff/")), "the greedy variable needs a child to take");
        assertFalse(staff.matches(request("/staff")));
        assertFalse(staff.matches(request("/staffroom/x")));
    }

    @Test
    void matches_shouldNotTakeRoot_whenTemplateIsRootGreedyVariable() {
        RoutePath everything = path("/{proxy+}");

        assertTrue(everything.matches(request("/a")));
        assertFalse(everything.matches(request("/")));
        assertTrue(path("/").matches(request("/")));
    }

    @Test
    void matches_shouldTakeAnyPath_whenRouteIsDefault() {
        RoutePath fallback = path("$default");

        assertTrue(fallback.matches(request("/")));
        assertTrue(fallback.matches(request("/any/thing/")));
        assertTrue(fallback.isDefaultRoute());
    }

    @Test
    void shape_shouldLeaveOutVariableNames_whenComparingTemplates() {
        assertEquals(path("/pets/{id}/toys/{proxy+}").shape(), path("/pets/{petId}/toys/{rest+}").shape());
        assertEquals("/pets/{}/toys/{+}", path("/pets/{id}/toys/{proxy+}").shape());
    }

    @Test
    void parse_shouldReject_whenGreedyVariableIsNotLast() {
        Exception failure = assertThrows(IllegalArgumentException.class, () -> path("/{proxy+}/edit"));

        assertTrue(failure.getMessage().contains("Path"), failure.getMessage());
    }

    @Test
    void parse_shouldReject_whenVariableSharesItsSegmentWithText() {
        assertThrows(IllegalArgumentException.class, () -> path("/files/{name}.json"));
    }

    @Test
    void parse_shouldReject_whenTemplateEndsWithSlash() {
        assertThrows(IllegalArgumentException.class, () -> path("/events/"));
    }

    @Test
    void parse_shouldReject_whenTemplateHasEmptySegmentOrNoLeadingSlash() {
        assertThrows(IllegalArgumentException.class, () -> path("/a//b"));
        assertThrows(IllegalArgumentException.class, () -> path("sms/inbound"));
    }

    @Test
    void parse_shouldReject_whenVariableNameRepeats() {
        assertThrows(IllegalArgumentException.class, () -> path("/a/{id}/b/{id}"));
    }

    @Test
    void requestPath_shouldReject_whenPathIsEncodedOrHasEmptySegment() {
        assertThrows(IllegalArgumentException.class, () -> request("/staff/api%2Fsites/x"));
        assertThrows(IllegalArgumentException.class, () -> request("/staff//api"));
        assertThrows(IllegalArgumentException.class, () -> request("staff"));
        assertThrows(IllegalArgumentException.class, () -> request(""));
    }

    private static RoutePath path(String template) {
        return RoutePath.parse(template, "Path");
    }

    private static RequestPath request(String path) {
        return RequestPath.parse(path);
    }
}
