package fi.vuoro.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * 403 where only its coordinators may; the site's coordinator always let through to the endpoint itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffApiAuthorizationMatrixIT extends StaffApiSupport {

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
}
