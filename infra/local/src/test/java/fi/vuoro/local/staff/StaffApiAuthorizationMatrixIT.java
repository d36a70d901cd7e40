package fi.vuoro.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.account.SiteRole;
import fi.vuoro.domain.account.StaffDirectory;
import fi.vuoro.domain.testing.FigureLine;
import fi.vuoro.local.ServedEndpoints;
import fi.vuoro.local.feedback.FeedbackVisitSupport;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Who may call what, over every endpoint of a site's staff API as the running service routes it, so a new endpoint
 * cannot be forgotten: without a token and with an expired one 401; staff of another site 403; staff of the site
 * 403 where only its coordinators may; the site's coordinator always let through to the endpoint itself. Then the
 * whole matrix: every route the service has (the site API, the session, the lobby, the feedback form, the Twilio
 * webhooks, the local runtime's own pages) under a rule named for it, against every kind of caller, from a forged or
 * expired token to a visitor's feedback link, each answered as the rule says.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffApiAuthorizationMatrixIT extends FeedbackVisitSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SITE_PREFIX = "/staff/api/sites/{siteId}";

    /** Who an endpoint is for. A new endpoint fails the matrix until it is named here. */
    private enum Audience { STAFF, COORDINATORS }

    private static final Map<String, Audience> AUDIENCE = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /queue", Audience.STAFF),
            Map.entry("POST /call-next", Audience.STAFF),
            Map.entry("POST /tickets/{number}/call", Audience.STAFF),
            Map.entry("POST /tickets/{number}/recall", Audience.STAFF),
            Map.entry("POST /tickets/{number}/served", Audience.STAFF),
            Map.entry("POST /tickets/{number}/no-show", Audience.STAFF),
            Map.entry("POST /tickets/{number}/requeue", Audience.STAFF),
            Map.entry("POST /tickets/{number}/remove", Audience.STAFF),
            Map.entry("POST /tickets/{number}/interpreter", Audience.STAFF),
            Map.entry("DELETE /tickets/{number}/interpreter", Audience.STAFF),
            Map.entry("POST /tickets/{number}/interpreter/arrived", Audience.STAFF),
            Map.entry("POST /tickets/{number}/feedback-link", Audience.STAFF),
            Map.entry("POST /walk-ins", Audience.STAFF),
            Map.entry("PUT /desks/{label}", Audience.STAFF),
            Map.entry("GET /interpreters", Audience.COORDINATORS),
            Map.entry("POST /interpreters", Audience.COORDINATORS),
            Map.entry("PUT /interpreters/{interpreterId}", Audience.COORDINATORS),
            Map.entry("DELETE /interpreters/{interpreterId}", Audience.COORDINATORS),
            Map.entry("GET /reports", Audience.COORDINATORS),
            Map.entry("GET /reports.csv", Audience.COORDINATORS),
            Map.entry("GET /volunteers", Audience.COORDINATORS),
            Map.entry("GET /settings", Audience.COORDINATORS),
            Map.entry("PUT /settings", Audience.COORDINATORS),
            Map.entry("GET /audit", Audience.COORDINATORS),
            Map.entry("GET /staff", Audience.COORDINATORS),
            Map.entry("PUT /staff/{username}", Audience.COORDINATORS),
            Map.entry("DELETE /staff/{username}", Audience.COORDINATORS)));

    /** One endpoint: its method, its route template below the site, and a concrete path of the demo site. */
    private record Endpoint(String method, String template, String path) {

        String key() {
            return method + " " + template;
        }
    }

    private static List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : runtime.context().getBean(Router.class).uriRoutes().toList()) {
            String template = route.getUriMatchTemplate().toString().replaceAll("\\{\\?.*}$", "");
            if (!template.startsWith(SITE_PREFIX) || route.getHttpMethodName().equals("HEAD")) {
                continue;
            }
            String below = template.substring(SITE_PREFIX.length());
            String path = "/staff/api/sites/demo" + below.replace("{number}", "9999").replace("{label}", "3")
                    .replaceAll("\\{[^}]+}", "nobody");
            Endpoint endpoint = new Endpoint(route.getHttpMethodName(), below, path);
            if (endpoints.stream().noneMatch(known -> known.key().equals(endpoint.key()))) {
                endpoints.add(endpoint);
            }
        }
        assertTrue(endpoints.size() >= AUDIENCE.size(), "the site API's routes were not found: " + endpoints);
        return endpoints;
    }

    private static int call(Endpoint endpoint, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.baseUrl() + endpoint.path()))
                .method(endpoint.method(), endpoint.method().equals("GET") || endpoint.method().equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    @Order(1)
    void everyEndpointOfASite_isNamedWithItsAudience() {
        List<String> unnamed = endpoints().stream().map(Endpoint::key).filter(key -> !AUDIENCE.containsKey(key))
                .toList();
        assertTrue(unnamed.isEmpty(), "endpoints the matrix does not know; name who they are for: " + unnamed);
    }

    @Test
    @Order(2)
    void everyEndpoint_refusesNoToken_401_andStaffOfAnotherSite_403() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            int anonymous = call(endpoint, null);
            int otherSite = call(endpoint, token("olli"));
            if (anonymous != 401 || otherSite != 403) {
                wrong.add(endpoint.key() + ": no token " + anonymous + ", staff of hervanta " + otherSite);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    @Order(3)
    void coordinatorsEndpoints_refuseTheSitesStaff_403_andEveryEndpointLetsTheCoordinatorThrough() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            int staff = call(endpoint, token("anna"));
            int coordinator = call(endpoint, token("coordinator"));
            boolean staffRight = AUDIENCE.get(endpoint.key()) == Audience.COORDINATORS ? staff == 403
                    : staff != 401 && staff != 403;
            if (!staffRight || coordinator == 401 || coordinator == 403) {
                wrong.add(endpoint.key() + ": staff of demo " + staff + ", its coordinator " + coordinator);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    @Order(4)
    void everyEndpoint_refusesAnExpiredToken_401() throws Exception {
        String coordinator = token("coordinator");
        Instant before = clock.instant();
        clock.set(before.plus(Duration.ofHours(2)));
        try {
            List<String> wrong = new ArrayList<>();
            for (Endpoint endpoint : endpoints()) {
                int status = call(endpoint, coordinator);
                if (status != 401) {
                    wrong.add(endpoint.key() + ": " + status);
                }
            }
            assertEquals(List.of(), wrong, "an access token past its expiry");
        } finally {
            clock.set(before);
        }
    }

    /** What a route outside a site's staff API is for; a new route fails the matrix until it is named here. */
    private enum Rule {
        /** Anyone: the lobby screen, the feedback form, the sign-in page's configuration. */
        PUBLIC,
        /** Anyone signed in as staff, of any site. */
        SIGNED_IN,
        /** Twilio only, by its signature: any caller without one is refused with 403. */
        TWILIO,
        /** The local runtime's own sign-in and SMS simulator, which no deployment has. */
        LOCAL
    }

    private static final Map<String, Rule> RULES = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /staff/api/me", Rule.SIGNED_IN),
            Map.entry("GET /staff/api/languages", Rule.PUBLIC),
            Map.entry("GET /staff/api/sign-in", Rule.PUBLIC),
            Map.entry("GET /lobby/api/sites/{siteId}/calls", Rule.PUBLIC),
            Map.entry("GET /f/{token}", Rule.PUBLIC),
            Map.entry("POST /f/{token}", Rule.PUBLIC),
            Map.entry("GET /f/feedback.css", Rule.PUBLIC),
            Map.entry("POST /sms/inbound", Rule.TWILIO),
            Map.entry("POST /sms/status", Rule.TWILIO),
            Map.entry("GET /", Rule.LOCAL),
            Map.entry("GET /simulator", Rule.LOCAL),
            Map.entry("GET /local/messages", Rule.LOCAL),
            Map.entry("GET /local/demo", Rule.LOCAL),
            Map.entry("POST /local/simulate", Rule.LOCAL),
            Map.entry("GET /local/jwks.json", Rule.LOCAL),
            Map.entry("POST /local/login", Rule.LOCAL),
            Map.entry("POST /local/refresh", Rule.LOCAL),
            Map.entry("POST /local/sign-out", Rule.LOCAL)));

    /** Every kind of caller, from nobody to the site's own coordinator. */
    private enum Caller {
        NO_TOKEN, GARBAGE_TOKEN, FORGED_UNSIGNED_TOKEN, TAMPERED_TOKEN, EXPIRED_TOKEN, VISITORS_FEEDBACK_LINK,
        STAFF_OF_ANOTHER_SITE, COORDINATOR_OF_ANOTHER_SITE, STAFF_OF_THE_SITE, COORDINATOR_OF_THE_SITE;

        boolean signedIn() {
            return compareTo(STAFF_OF_ANOTHER_SITE) >= 0;
        }
    }

    private static List<ServedEndpoints.Endpoint> everyRoute() {
        return ServedEndpoints.below(runtime.context(), "/");
    }

    private static boolean ofASite(ServedEndpoints.Endpoint endpoint) {
        return endpoint.template().startsWith(SITE_PREFIX);
    }

    @Test
    @Order(5)
    void everyRouteOutsideTheSiteApi_isNamedWithItsRule() {
        List<String> unnamed = everyRoute().stream().filter(endpoint -> !ofASite(endpoint))
                .map(ServedEndpoints.Endpoint::key).filter(key -> !RULES.containsKey(key)).toList();
        assertEquals(List.of(), unnamed, "routes the matrix does not know; name who they are for");
    }

    @Test
    @Order(6)
    void everyRoute_answersEveryKindOfCaller_asItsRuleSays() throws Exception {
        String feedbackToken = servedVisitorsLink("JONO").replaceAll(".*/", "");
        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        tokens.put(Caller.GARBAGE_TOKEN, "garbage");
        tokens.put(Caller.FORGED_UNSIGNED_TOKEN, unsignedTokenClaimingToCoordinate());
        String coordinator = token("coordinator");
        tokens.put(Caller.TAMPERED_TOKEN, coordinator.substring(0, coordinator.length() - 4)
                + (coordinator.endsWith("AAAA") ? "BBBB" : "AAAA"));
        tokens.put(Caller.EXPIRED_TOKEN, coordinator);
        tokens.put(Caller.VISITORS_FEEDBACK_LINK, feedbackToken);
        tokens.put(Caller.STAFF_OF_ANOTHER_SITE, token("olli"));
        tokens.put(Caller.STAFF_OF_THE_SITE, token("anna"));
        tokens.put(Caller.COORDINATOR_OF_THE_SITE, coordinator);

        List<ServedEndpoints.Endpoint> endpoints = everyRoute();
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (Caller caller : Caller.values()) {
            if (caller == Caller.COORDINATOR_OF_ANOTHER_SITE) {
                // Olli becomes coordinator of his own site (not the demo site) and signs in again.
                runtime.context().getBean(StaffDirectory.class).grant("hervanta", "olli", SiteRole.COORDINATOR, null);
                StaffApiSupport.forgetTheTokensOfEarlierServices();
                tokens.put(caller, token("olli"));
            }
            for (ServedEndpoints.Endpoint endpoint : endpoints) {
                cases++;
                int status = callAs(caller, endpoint, tokens.get(caller), feedbackToken);
                String expected = expected(caller, endpoint);
                if (!matches(expected, status)) {
                    wrong.add(endpoint.key() + " as " + caller + ": " + status + ", expected " + expected);
                }
            }
        }
        FigureLine.publish("authz endpoints=" + endpoints.size() + " callers=" + Caller.values().length
                + " cases=" + cases + " wrong=" + wrong.size());
        assertEquals(List.of(), wrong);
    }

    /**
     * "401", "403", "through" (any answer of the endpoint itself: 2xx, or a 4xx other than 401 and 403), or "any"
     * answer but a 5xx.
     */
    private static String expected(Caller caller, ServedEndpoints.Endpoint endpoint) {
        if (!ofASite(endpoint)) {
            Rule rule = RULES.get(endpoint.key());
            switch (rule) {
                case TWILIO:
                    return "403";
                case SIGNED_IN:
                    return caller.signedIn() ? "through" : "401";
                case LOCAL:
                    return "any"; // its sign-in answers a wrong password with 401, as a sign-in must
                default:
                    return "through";
            }
        }
        if (!caller.signedIn()) {
            return "401";
        }
        if (caller == Caller.STAFF_OF_ANOTHER_SITE || caller == Caller.COORDINATOR_OF_ANOTHER_SITE) {
            return "403";
        }
        Audience audience = AUDIENCE.get(endpoint.method() + " " + endpoint.template().substring(SITE_PREFIX.length()));
        return caller == Caller.STAFF_OF_THE_SITE && audience == Audience.COORDINATORS ? "403" : "through";
    }

    private static boolean matches(String expected, int status) {
        if (status >= 500) {
            return false;
        }
        if (expected.equals("any")) {
            return true;
        }
        return expected.equals("through") ? status != 401 && status != 403 : expected.equals(String.valueOf(status));
    }

    private static int callAs(Caller caller, ServedEndpoints.Endpoint endpoint, String token, String feedbackToken)
            throws Exception {
        if (caller != Caller.EXPIRED_TOKEN) {
            return callRoute(endpoint, token, feedbackToken);
        }
        Instant before = clock.instant();
        clock.set(before.plus(Duration.ofHours(2)));
        try {
            return callRoute(endpoint, token, feedbackToken);
        } finally {
            clock.set(before);
        }
    }

    private static int callRoute(ServedEndpoints.Endpoint endpoint, String token, String feedbackToken)
            throws Exception {
        String path = endpoint.pathAt("demo").replace("not-a-feedback-link", feedbackToken);
        boolean form = endpoint.template().startsWith("/f/") || endpoint.template().startsWith("/sms/")
                || endpoint.template().equals("/local/simulate");
        boolean bodyless = endpoint.method().equals("GET") || endpoint.method().equals("DELETE");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path))
                .timeout(Duration.ofSeconds(15))
                .method(endpoint.method(), bodyless ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(!form ? "{}" : endpoint.template().startsWith("/sms/")
                                ? UNSIGNED_SMS : ""))
                .header("Content-Type", form ? "application/x-www-form-urlencoded" : "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A message as Twilio would post it, but with no signature. */
    private static final String UNSIGNED_SMS = "MessageSid=SMauthorizationmatrix&From=%2B358401234567"
            + "&To=%2B358500000001&Body=JONO&MessageStatus=delivered";

    /** A token of the right shape naming the coordinator, with no signature ("alg": "none"). */
    private static String unsignedTokenClaimingToCoordinate() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long expiry = clock.instant().plus(Duration.ofHours(1)).getEpochSecond();
        String claims = "{\"sub\":\"coordinator\",\"username\":\"coordinator\",\"token_use\":\"access\","
                + "\"cognito:groups\":[\"coordinator-demo\"],\"exp\":" + expiry + "}";
        return header + "." + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
