package fi.vuoro.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.routes.HttpApiRoute;
import fi.vuoro.testkit.routes.HttpApiRoutes;
import fi.vuoro.testkit.routes.RouteThrottling;
import io.micronaut.context.ApplicationContext;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API's routes (template.yaml) as API Gateway matches them, against every path the functions' code serves:
 * each served path reaches the function that serves it, every staff API path is behind the JWT authorizer however
 * API Gateway ranks its routes (no open route could take it at all), and every route has its own throttling.
 */
class ApiRoutesTest {

    /** Staff API paths that are open on purpose: the page needs them before anyone has signed in. */
    private static final Set<String> OPEN_STAFF_API = Set.of("/staff/api/sign-in", "/staff/api/languages");
    private static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.load(CloudFormationTemplate.locate());
    private static final HttpApiRoutes API = HttpApiRoutes.of(TEMPLATE, "HttpApi");
    private static ApplicationContext functions;

    /** One served path, with the function whose package serves it. */
    private record Served(String method, String path, String function) {
    }

    @BeforeAll
    static void loadTheFunctionsRoutes() {
        // The controllers of the web-facing functions, as their Lambda handlers load them; nothing is created
        // eagerly, so no setting is needed just to read the routes (nor the SnapStart priming, which Micronaut
        // CRaC would create at start to register it).
        functions = ApplicationContext.builder().eagerInitSingletons(false).deduceEnvironment(false)
                .properties(java.util.Map.of("crac.enabled", false)).start();
    }

    @AfterAll
    static void stop() {
        functions.close();
    }

    private static List<Served> servedPaths() throws IOException {
        List<Served> served = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : functions.getBean(Router.class).uriRoutes().toList()) {
            String declaringPackage = route.getTargetMethod().getDeclaringType().getPackageName();
            String function = declaringPackage.startsWith("fi.vuoro.sms") ? "SmsWebhookFunction"
                    : declaringPackage.startsWith("fi.vuoro.staff") ? "StaffApiFunction"
                    : declaringPackage.startsWith("fi.vuoro.feedback") ? "FeedbackFunction" : null;
            // Micronaut answers HEAD for every GET by itself; no client of Vuoro sends one.
            if (function != null && !route.getHttpMethodName().equals("HEAD")) {
                served.add(new Served(route.getHttpMethodName(), example(route.getUriMatchTemplate().toString()),
                        function));
            }
        }
        Path staffJar = CloudFormationTemplate.locate().getParent()
                .resolve("functions/staff-api/target/staff-api-lambda.jar");
        try (ZipFile jar = new ZipFile(staffJar.toFile())) {
            jar.stream().filter(entry -> !entry.isDirectory() && entry.getName().startsWith("web/"))
                    .forEach(entry -> served.add(new Served("GET", entry.getName().substring("web".length()),
                            "StaffApiFunction")));
        }
        assertTrue(served.size() > 20, "the functions' routes were not found: " + served);
        return served;
    }

    /** A concrete path for a route template: each variable given a plausible value. */
    private static String example(String template) {
        return template.replaceAll("\\{number}", "7").replaceAll("\\{label}", "3")
                .replaceAll("\\{[^}]+}", "demo").replaceAll("\\?.*$", "");
    }

    @Test
    void everyPathTheCodeServes_shouldReachTheFunctionThatServesIt() throws IOException {
        List<String> lost = new ArrayList<>();
        for (Served path : servedPaths()) {
            Optional<HttpApiRoute> route = API.select(path.method(), path.path());
            if (route.isEmpty() || !route.get().functionLogicalId().equals(path.function())) {
                lost.add(path.method() + " " + path.path() + " (" + path.function() + ") -> "
                        + route.map(HttpApiRoute::toString).orElse("no route: API Gateway answers 404"));
            }
        }
        assertTrue(lost.isEmpty(), "paths the deployed API does not bring to their function:\n  "
                + String.join("\n  ", lost));
    }

    @Test
    void everyStaffApiPath_shouldRequireTheStaffJwt_onEveryRouteThatCouldTakeIt() throws IOException {
        List<String> open = new ArrayList<>();
        int checked = 0;
        for (Served path : servedPaths()) {
            if (!path.path().startsWith("/staff/api/") || OPEN_STAFF_API.contains(path.path())) {
                continue;
            }
            checked++;
            for (HttpApiRoute candidate : API.candidates(path.method(), path.path())) {
                if (!candidate.authorizer().equals(Optional.of("StaffJwt"))) {
                    open.add(path.method() + " " + path.path() + " could be taken by " + candidate);
                }
            }
        }
        assertTrue(checked >= 10, "only " + checked + " staff API paths found");
        assertTrue(open.isEmpty(), "staff API paths an unauthorised route could take:\n  " + String.join("\n  ", open));
    }

    @Test
    void openRoutes_shouldBeOnlyTheWebhooksThePagesTheLobbyHowToSignInAndTheFeedbackForm() {
        Map<String, String> open = new LinkedHashMap<>();
        API.routes().stream().filter(HttpApiRoute::isPublic).forEach(route -> open.put(route.routeKey(),
                route.functionLogicalId()));
        assertEquals(Map.of(
                "POST /sms/inbound", "SmsWebhookFunction",
                "POST /sms/status", "SmsWebhookFunction",
                "GET /staff/api/sign-in", "StaffApiFunction",
                "GET /staff/api/languages", "StaffApiFunction",
                "GET /staff/{page}", "StaffApiFunction",
                "GET /lobby/{proxy+}", "StaffApiFunction",
                "GET /f/{token}", "FeedbackFunction",
                "POST /f/{token}", "FeedbackFunction"), open);
    }

    @Test
    void everyRoute_shouldTakeAPathTheCodeServes() throws IOException {
        List<Served> served = servedPaths();
        List<String> dangling = new ArrayList<>();
        for (HttpApiRoute route : API.routes()) {
            boolean used = served.stream().anyMatch(path -> API.select(path.method(), path.path())
                    .map(chosen -> chosen.routeKey().equals(route.routeKey())).orElse(false));
            if (!used) {
                dangling.add(route.toString());
            }
        }
        assertTrue(dangling.isEmpty(), "routes no code path needs:\n  " + String.join("\n  ", dangling));
    }

    /**
     * The load a region's deployment must carry (docs/deploy.md, "Throttling"): 30 sites, each with up to 10 staff
     * pages and 10 lobby screens polling every 2 s, and a morning rush of SMS; each route with its own limit so that
     * a flood on one cannot starve another.
     */
    @Test
    void everyRoute_shouldHaveItsOwnThrottling_enoughForARegionsLoad() {
        double staffPolls = 30 * 10 / 2.0;
        Map<String, Double> needed = Map.of(
                "ANY /staff/api/sites/{proxy+}", staffPolls,
                "GET /lobby/{proxy+}", staffPolls,
                "POST /sms/inbound", 30 * 1.0,
                "POST /sms/status", 30 * 3.0);
        for (HttpApiRoute route : API.routes()) {
            RouteThrottling own = API.routeSettings().get(route.routeKey());
            assertTrue(own != null && own.rateLimit().isPresent() && own.burstLimit().isPresent(),
                    route.routeKey() + " shares the default limit with every other route");
            double rate = own.rateLimit().getAsDouble();
            assertTrue(rate >= needed.getOrDefault(route.routeKey(), 1.0) * 2,
                    route.routeKey() + " allows " + rate + "/s, less than twice its expected load");
            assertTrue(own.burstLimit().getAsInt() >= rate, route.routeKey() + " cannot take a burst of one second");
        }
        assertFalse(API.routeSettings().isEmpty());
    }
}
