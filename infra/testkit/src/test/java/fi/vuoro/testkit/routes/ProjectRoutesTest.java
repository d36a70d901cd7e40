package fi.vuoro.testkit.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which route of the project's own HTTP API takes a request, read from {@code template.yaml}. */
class ProjectRoutesTest {

    private final HttpApiRoutes api = HttpApiRoutes.of(RouteTemplates.project(), "HttpApi");

    @Test
    void select_shouldChooseTheWebhookWithoutAuthorizer_whenTwilioPostsAnInboundSms() {
        HttpApiRoute route = api.select("POST", "/sms/inbound").orElseThrow();

        assertEquals("POST /sms/inbound", route.routeKey());
        assertEquals("SmsWebhookFunction", route.functionLogicalId());
        assertEquals("SmsInbound", route.eventName());
        assertTrue(route.isPublic(), "Twilio signs its webhooks; it sends no token");
    }

    @Test
    void select_shouldChooseTheSiteApiWithStaffJwt_whenPathIsUnderStaffApiSites() {
        HttpApiRoute route = api.select("GET", "/staff/api/sites/demo/queue").orElseThrow();

        assertEquals("ANY /staff/api/sites/{proxy+}", route.routeKey());
        assertEquals(Optional.of("StaffJwt"), route.authorizer());
    }

    @Test
    void candidates_shouldBeTheSiteApiAlone_whenPathIsUnderStaffApiSites() {
        List<HttpApiRoute> candidates = api.candidates("GET", "/staff/api/sites/demo/queue");

        assertEquals(List.of("ANY /staff/api/sites/{proxy+}"), candidates.stream().map(HttpApiRoute::routeKey).toList(),
                "no open route could take the queue, whatever the precedence");
    }

    @Test
    void select_shouldChooseStaffMeWithStaffJwt_andNoOpenRouteCouldTakeIt() {
        assertEquals(Optional.of("StaffJwt"), api.select("GET", "/staff/api/me").orElseThrow().authorizer());
        assertEquals(List.of("GET /staff/api/me"),
                api.candidates("GET", "/staff/api/me").stream().map(HttpApiRoute::routeKey).toList());
    }

    @Test
    void select_shouldChooseTheOpenPageRoute_whenPathIsAStaffPageFile() {
        HttpApiRoute route = api.select("GET", "/staff/index.html").orElseThrow();

        assertEquals("GET /staff/{page}", route.routeKey());
        assertEquals("StaffPage", route.eventName());
        assertTrue(route.isPublic());
    }

    @Test
    void select_shouldChooseNothing_whenStaffMeIsPostedTo() {
        assertEquals(Optional.empty(), api.select("POST", "/staff/api/me"), "the open page route takes GET only");
    }

    @Test
    void select_shouldChooseTheSiteApi_whenADeskActionIsPosted() {
        assertEquals("ANY /staff/api/sites/{proxy+}", api.select("POST", "/staff/api/sites/demo/call-next")
                .orElseThrow().routeKey());
    }

    @Test
    void select_shouldChooseNothing_whenNoRouteTakesThePath() {
        assertEquals(Optional.empty(), api.select("GET", "/nowhere"));
        assertEquals(Optional.empty(), api.select("GET", "/staff"));
        assertTrue(api.candidates("GET", "/nowhere").isEmpty());
    }
}
