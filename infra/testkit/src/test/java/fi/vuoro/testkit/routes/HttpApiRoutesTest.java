package fi.vuoro.testkit.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HttpApiRoutesTest {

    private final HttpApiRoutes partner = HttpApiRoutes.of(RouteTemplates.load("default-authorizer.yaml"), "PartnerApi");

    @Test
    void of_shouldReadEveryRouteOfTheApiWithItsAuthorizer_whenTemplateIsTheProjects() {
        HttpApiRoutes routes = HttpApiRoutes.of(RouteTemplates.project(), "HttpApi");

        assertEquals(List.of(
                        "POST /sms/inbound [public] from SmsWebhookFunction.SmsInbound",
                        "POST /sms/status [public] from SmsWebhookFunction.SmsStatus",
                        "ANY /staff/api/sites/{proxy+} [StaffJwt] from StaffApiFunction.StaffSiteApi",
                        "GET /staff/api/me [StaffJwt] from StaffApiFunction.StaffMe",
                        "GET /staff/api/sign-in [public] from StaffApiFunction.StaffSignIn",
                        "GET /staff/api/languages [public] from StaffApiFunction.StaffLanguages",
                        "GET /staff/{page} [public] from StaffApiFunction.StaffPage",
                        "GET /lobby/{proxy+} [public] from StaffApiFunction.Lobby",
                        "GET /f/{token} [public] from FeedbackFunction.FeedbackForm",
                        "POST /f/{token} [public] from FeedbackFunction.FeedbackAnswer"),
                routes.routes().stream().map(HttpApiRoute::toString).toList());
    }

    @Test
    void of_shouldGiveTheDefaultAuthorizer_whenEventNamesNone() {
        HttpApiRoute listOrders = partner.route("GET /orders").orElseThrow();

        assertEquals(Optional.of("StaffJwt"), listOrders.authorizer());
        assertEquals("GET", listOrders.method(), "SAM reads the method in any case");
        assertEquals("OrdersFunction", listOrders.functionLogicalId());
        assertEquals("ListOrders", listOrders.eventName());
    }

    @Test
    void of_shouldMakeRoutePublic_whenEventOverridesDefaultWithNone() {
        HttpApiRoute health = partner.route("GET /health").orElseThrow();

        assertTrue(health.isPublic());
    }

    @Test
    void of_shouldKeepTheEventsAuthorizer_whenItNamesAnotherDeclaredOne() {
        assertEquals(Optional.of("PartnerKey"),
                partner.route("POST /partners/{partnerId}/orders").orElseThrow().authorizer());
    }

    @Test
    void of_shouldLeaveOutEventsOfOtherApis_whenReadingOneApi() {
        assertEquals(List.of("GET /orders", "GET /health", "POST /partners/{partnerId}/orders"),
                partner.routes().stream().map(HttpApiRoute::routeKey).toList());
    }

    @Test
    void of_shouldReadEventsWithoutApiIdAsTheImplicitApisWithDefaultRoute_whenAskedForIt() {
        HttpApiRoutes implicit = HttpApiRoutes.of(RouteTemplates.load("default-authorizer.yaml"), HttpApiRoutes.IMPLICIT_API);

        assertEquals(List.of("GET /legacy/orders", "$default"),
                implicit.routes().stream().map(HttpApiRoute::routeKey).toList());
        HttpApiRoute fallback = implicit.route("$default").orElseThrow();
        assertEquals("ANY", fallback.method());
        assertTrue(fallback.isDefaultRoute());
        assertTrue(fallback.isPublic());
    }

    @Test
    void of_shouldFailNamingTheEvent_whenAuthorizerIsNotDeclared() {
        Exception failure = assertThrows(IllegalArgumentException.class,
                () -> HttpApiRoutes.of(RouteTemplates.load("unknown-authorizer.yaml"), "HttpApi"));

        assertTrue(failure.getMessage().contains("StaffFunction.Properties.Events.Queue.Properties.Auth.Authorizer"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("StaffJWT"), failure.getMessage());
        assertTrue(failure.getMessage().contains("unknown-authorizer.yaml"), failure.getMessage());
    }

    @Test
    void of_shouldFail_whenRouteSaysNoneAndApiHasNoDefaultAuthorizer() {
        Exception failure = assertThrows(IllegalArgumentException.class,
                () -> HttpApiRoutes.of(RouteTemplates.load("none-without-default-authorizer.yaml"), "HttpApi"));

        assertTrue(failure.getMessage().contains("Events.Lobby.Properties.Auth.Authorizer is NONE"), failure.getMessage());
    }

    @Test
    void of_shouldFailNamingTheProperty_whenApiDeclaresSomethingUnmodelled() {
        Exception failure = assertThrows(IllegalArgumentException.class,
                () -> HttpApiRoutes.of(RouteTemplates.load("cors-configuration.yaml"), "HttpApi"));

        assertTrue(failure.getMessage().contains("Resources.HttpApi.Properties.CorsConfiguration"), failure.getMessage());
    }

    @Test
    void of_shouldFail_whenRouteSettingsNameARouteNoEventDeclares() {
        Exception failure = assertThrows(IllegalArgumentException.class,
                () -> HttpApiRoutes.of(RouteTemplates.load("route-settings-for-missing-route.yaml"), "HttpApi"));

        assertTrue(failure.getMessage().contains("'GET /sms/inbound'"), failure.getMessage());
    }

    @Test
    void of_shouldFail_whenTwoRoutesDifferOnlyInVariableNames() {
        Exception failure = assertThrows(IllegalArgumentException.class,
                () -> HttpApiRoutes.of(RouteTemplates.load("same-shape-variables.yaml"), "HttpApi"));

        assertTrue(failure.getMessage().contains("GET /sites/{siteId}"), failure.getMessage());
        assertTrue(failure.getMessage().contains("ANY /sites/{id}"), failure.getMessage());
    }

    @Test
    void of_shouldFail_whenLogicalIdIsNotAnHttpApi() {
        CloudFormationTemplate project = RouteTemplates.project();

        Exception notApi = assertThrows(IllegalArgumentException.class, () -> HttpApiRoutes.of(project, "VuoroTable"));
        Exception missing = assertThrows(IllegalArgumentException.class, () -> HttpApiRoutes.of(project, "RestApi"));

        assertTrue(notApi.getMessage().contains("AWS::DynamoDB::Table"), notApi.getMessage());
        assertTrue(missing.getMessage().contains("Resources.RestApi does not exist"), missing.getMessage());
    }

    @Test
    void effectiveThrottling_shouldTakeTheRoutesOwnSettings_overTheDefaults() {
        HttpApiRoutes routes = HttpApiRoutes.of(RouteTemplates.project(), "HttpApi");

        RouteThrottling inbound = routes.effectiveThrottling(routes.route("POST /sms/inbound").orElseThrow());

        assertEquals(RouteThrottling.of(20, 10), routes.defaultRouteSettings());
        assertEquals(RouteThrottling.of(200, 100), inbound);
        assertEquals(routes.routes().size(), routes.routeSettings().size(), "every route has its own limits");
    }

    @Test
    void effectiveThrottling_shouldTakeEachLimitTheRouteSetsOverTheDefault_whenRouteHasSettings() {
        HttpApiRoute order = partner.route("POST /partners/{partnerId}/orders").orElseThrow();

        assertEquals(Map.of("POST /partners/{partnerId}/orders", new RouteThrottling(OptionalInt.empty(), OptionalDouble.of(2.5))),
                partner.routeSettings());
        assertEquals(RouteThrottling.of(20, 2.5), partner.effectiveThrottling(order));
        assertEquals(RouteThrottling.of(20, 10), partner.effectiveThrottling(partner.route("GET /orders").orElseThrow()));
    }

    @Test
    void effectiveThrottling_shouldFail_whenRouteBelongsToAnotherApi() {
        HttpApiRoute elsewhere = new HttpApiRoute("GET", "/orders", Optional.empty(), "OrdersFunction", "OtherOrders");

        assertThrows(IllegalArgumentException.class, () -> partner.effectiveThrottling(elsewhere));
    }
}
