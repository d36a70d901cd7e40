package fi.vuoro.testkit.routes;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of one HTTP API of a SAM template, with the authorizer each asks for and its throttling, read from the
 * template alone, so a test can tell which route API Gateway would give a request and whether that route wants a
 * token, without deploying anything.
 *
 * <p>Routes come from the {@code HttpApi} events of the template's functions whose {@code ApiId} is a {@code Ref} to
 * the API. Events without {@code ApiId} belong to SAM's implicit API: they are the routes of
 * {@link #IMPLICIT_API}, and of no other. Anything in the API or its events that could change which route takes a
 * request, or what the route asks for, and that is not modelled here, fails loading with its location.
 */
public final class HttpApiRoutes {

    /** The logical id of the API SAM creates for {@code HttpApi} events without {@code ApiId}. */
    public static final String IMPLICIT_API = HttpApiDeclaration.IMPLICIT_API;

    private final HttpApiDeclaration api;
    private final List<HttpApiRoute> routes;
    private final Map<String, HttpApiRoute> byRouteKey;
    private final List<RoutePrecedence.Candidate> matchable;

    private HttpApiRoutes(HttpApiDeclaration api, List<HttpApiRoute> routes, Map<String, HttpApiRoute> byRouteKey) {
        this.api = api;
        this.routes = routes;
        this.byRouteKey = byRouteKey;
        this.matchable = routes.stream()
                .map(route -> new RoutePrecedence.Candidate(route, RoutePath.parse(route.path(), route.routeKey())))
                .toList();
    }

    /**
     * Reads the routes of one HTTP API.
     *
     * @param httpApiLogicalId an {@code AWS::Serverless::HttpApi} of the template, or {@link #IMPLICIT_API}
     * @throws IllegalArgumentException where SAM would refuse the template, or where it declares something that
     *                                  could change routing and is not modelled; the message names the location
     */
    public static HttpApiRoutes of(CloudFormationTemplate template, String httpApiLogicalId) {
        try {
            return read(template, httpApiLogicalId);
        } catch (IllegalArgumentException e) {
            String file = template.path().toString();
            if (e.getMessage() != null && e.getMessage().contains(file)) {
                throw e;
            }
            throw new IllegalArgumentException(e.getMessage() + " (in " + file + ")", e);
        }
    }

    private static HttpApiRoutes read(CloudFormationTemplate template, String httpApiLogicalId) {
        if (template.globals().containsKey("HttpApi")) {
            throw new IllegalArgumentException("Globals.HttpApi is not modelled by the HTTP API route table: declare"
                    + " the settings on the API itself");
        }
        rejectRoutesDeclaredOutsideSam(template, httpApiLogicalId);
        HttpApiDeclaration api = HttpApiDeclaration.read(template, httpApiLogicalId);
        List<HttpApiRoute> routes = HttpApiEvents.routes(template, api);

        Map<String, HttpApiRoute> byRouteKey = new LinkedHashMap<>();
        Map<String, HttpApiRoute> byShape = new HashMap<>();
        for (HttpApiRoute route : routes) {
            HttpApiRoute sameKey = byRouteKey.putIfAbsent(route.routeKey(), route);
            if (sameKey != null) {
                throw new IllegalArgumentException("Route " + route.routeKey() + " is declared twice, by "
                        + describe(sameKey) + " and " + describe(route) + "; SAM refuses that");
            }
            String shape = RoutePath.parse(route.path(), route.routeKey()).shape();
            HttpApiRoute sameShape = byShape.putIfAbsent(shape, route);
            if (sameShape != null && !sameShape.path().equals(route.path())) {
                throw new IllegalArgumentException("Routes " + sameShape.routeKey() + " (" + describe(sameShape)
                        + ") and " + route.routeKey() + " (" + describe(route) + ") match the same paths, and"
                        + " API Gateway does not document which it chooses; name their variables alike");
            }
        }
        api.routeSettings().keySet().forEach(routeKey -> {
            if (!byRouteKey.containsKey(routeKey)) {
                throw new IllegalArgumentException("Resources." + httpApiLogicalId + ".Properties.RouteSettings names"
                        + " route '" + routeKey + "', which no HttpApi event declares (routes: " + byRouteKey.keySet() + ")");
            }
        });
        return new HttpApiRoutes(api, routes, byRouteKey);
    }

    /** Routes added as {@code AWS::ApiGatewayV2::Route} resources would be invisible to a reading of the events. */
    private static void rejectRoutesDeclaredOutsideSam(CloudFormationTemplate template, String httpApiLogicalId) {
        template.resourcesOfType("AWS::ApiGatewayV2::Route").forEach((logicalId, route) -> {
            Object apiId = route.properties().get("ApiId");
            if (RouteTemplateValues.refTarget(apiId).map(httpApiLogicalId::equals).orElse(true)) {
                throw new IllegalArgumentException("Resources." + logicalId + " is an AWS::ApiGatewayV2::Route that may"
                        + " be on " + httpApiLogicalId + "; only routes from HttpApi events are modelled");
            }
        });
    }

    private static String describe(HttpApiRoute route) {
        return route.functionLogicalId() + ".Events." + route.eventName();
    }

    public String apiLogicalId() {
        return api.logicalId();
    }

    /** Every route of the API, in the order the functions and their events are declared. */
    public List<HttpApiRoute> routes() {
        return routes;
    }

    /** The route with a route key such as {@code GET /sms/inbound} or {@code $default}. */
    public Optional<HttpApiRoute> route(String routeKey) {
        return Optional.ofNullable(byRouteKey.get(routeKey));
    }

    /**
     * The route API Gateway gives a request, by the priorities documented for HTTP APIs (see {@link RoutePrecedence}
     * for the rule quoted and the ties it settles): a path without a greedy variable over one with, over
     * {@code $default}; then the more specific path; then the request's own method over {@code ANY}.
     *
     * <p>Paths are matched case-sensitively, without the query string, and a trailing slash is kept: {@code /x/}
     * is not {@code /x}, and {@code /x/{proxy+}} needs something after {@code /x/}. A route's method must be the
     * request's or {@code ANY}: a {@code GET} route does not take {@code HEAD}.
     *
     * @param method the request's method as sent, e.g. {@code GET}
     * @param path   the request's path as sent, with or without a query string
     * @return empty when no route matches, where API Gateway answers {@code 404 {"message":"Not Found"}}
     * @throws IllegalArgumentException for a method that is not an HTTP method API Gateway routes, or a path whose
     *                                  matching is undocumented (percent-encoded, or with an empty segment)
     */
    public Optional<HttpApiRoute> select(String method, String path) {
        return candidates(method, path).stream().findFirst();
    }

    /**
     * Every route that would take the request if it were the API's only route, whatever the precedence: the routes
     * that could serve the request should the precedence be other than {@link #select} assumes. The first is the
     * one {@code select} returns; the rest follow in the same precedence.
     */
    public List<HttpApiRoute> candidates(String method, String path) {
        String requestMethod = HttpMethods.requested(method);
        RequestPath request = RequestPath.parse(path);
        return matchable.stream()
                .filter(candidate -> candidate.accepts(requestMethod, request))
                .sorted(new RoutePrecedence(requestMethod))
                .map(RoutePrecedence.Candidate::route)
                .toList();
    }

    /** The API's {@code DefaultRouteSettings} limits, for every route without its own. */
    public RouteThrottling defaultRouteSettings() {
        return api.defaultRouteSettings();
    }

    /** The API's {@code RouteSettings} limits by route key, each naming a route of the API. */
    public Map<String, RouteThrottling> routeSettings() {
        return api.routeSettings();
    }

    /**
     * The limits API Gateway applies to one route: each limit its {@code RouteSettings} entry sets, else the
     * {@code DefaultRouteSettings} one; empty where neither sets it (then only the account's limits apply).
     */
    public RouteThrottling effectiveThrottling(HttpApiRoute route) {
        if (!route.equals(byRouteKey.get(route.routeKey()))) {
            throw new IllegalArgumentException(route + " is not a route of " + api.logicalId());
        }
        return api.routeSettings().getOrDefault(route.routeKey(), RouteThrottling.UNSET).over(api.defaultRouteSettings());
    }
}
