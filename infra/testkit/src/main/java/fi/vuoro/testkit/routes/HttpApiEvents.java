package fi.vuoro.testkit.routes;

import static fi.vuoro.testkit.routes.RouteTemplateValues.map;
import static fi.vuoro.testkit.routes.RouteTemplateValues.optionalMap;
import static fi.vuoro.testkit.routes.RouteTemplateValues.refTarget;
import static fi.vuoro.testkit.routes.RouteTemplateValues.rejectUnmodelled;
import static fi.vuoro.testkit.routes.RouteTemplateValues.string;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The routes SAM creates on one HTTP API from the {@code HttpApi} events of the template's
 * {@code AWS::Serverless::Function}s, following SAM's translator ({@code implicit_http_api_plugin.py}): an event
 * without {@code ApiId} belongs to the implicit API {@code ServerlessHttpApi}; one with neither {@code Path} nor
 * {@code Method} is the {@code $default} route for any method, and one with only one of them is refused.
 *
 * <p>An {@code ApiId} must be a {@code Ref} to an HTTP API of the same template: anything else (an imported id, a
 * parameter) leaves unknown which API the route is on, and a check of one API could miss it.
 */
final class HttpApiEvents {

    static final String FUNCTION_TYPE = "AWS::Serverless::Function";

    private static final Set<String> MODELLED = Set.of("ApiId", "Path", "Method", "Auth");

    // How the function is invoked once API Gateway has chosen the route.
    private static final Set<String> IGNORED = Set.of("PayloadFormatVersion", "TimeoutInMillis");

    private HttpApiEvents() {}

    /** The routes on {@code api}, in the order the functions and their events are declared. */
    static List<HttpApiRoute> routes(CloudFormationTemplate template, HttpApiDeclaration api) {
        List<HttpApiRoute> routes = new ArrayList<>();
        template.resourcesOfType(FUNCTION_TYPE).forEach((functionId, function) -> {
            String eventsAt = "Resources." + functionId + ".Properties.Events";
            Object events = function.properties().get("Events");
            if (events == null) {
                return;
            }
            map(events, eventsAt).forEach((eventName, body) -> {
                String where = eventsAt + "." + eventName;
                Map<String, Object> event = map(body, where);
                if (!"HttpApi".equals(event.get("Type"))) {
                    return;
                }
                Map<String, Object> properties = optionalMap(event, "Properties", where);
                String propertiesAt = where + ".Properties";
                if (apiOf(template, properties, propertiesAt).equals(api.logicalId())) {
                    rejectUnmodelled(properties, MODELLED, IGNORED, propertiesAt);
                    routes.add(route(functionId, eventName, properties, propertiesAt, api.auth()));
                }
            });
        });
        return List.copyOf(routes);
    }

    private static String apiOf(CloudFormationTemplate template, Map<String, Object> properties, String where) {
        Object apiId = properties.get("ApiId");
        if (apiId == null) {
            return HttpApiDeclaration.IMPLICIT_API;
        }
        Optional<String> target = refTarget(apiId);
        if (target.isEmpty()) {
            throw new IllegalArgumentException(where + ".ApiId must be a Ref to an " + HttpApiDeclaration.TYPE
                    + " of this template to tell which API the route is on, but is " + apiId);
        }
        CloudFormationTemplate.Resource referenced = template.resources().get(target.get());
        if (referenced == null || !referenced.type().equals(HttpApiDeclaration.TYPE)) {
            throw new IllegalArgumentException(where + ".ApiId refers to " + target.get() + ", which is not an "
                    + HttpApiDeclaration.TYPE + " of this template");
        }
        return target.get();
    }

    private static HttpApiRoute route(String functionId, String eventName, Map<String, Object> properties,
            String where, HttpApiAuth auth) {
        Object path = properties.get("Path");
        Object method = properties.get("Method");
        String routePath;
        String routeMethod;
        if (path == null && method == null) {
            routePath = HttpApiRoute.DEFAULT_ROUTE;
            routeMethod = HttpMethods.ANY;
        } else if (path == null || method == null) {
            throw new IllegalArgumentException(where + " has " + (path == null ? "a Method but no Path" : "a Path but no Method")
                    + ": SAM needs both, or neither for the $default route");
        } else {
            routePath = RoutePath.parse(string(path, where + ".Path"), where + ".Path").template();
            routeMethod = HttpMethods.declared(string(method, where + ".Method"), where + ".Method");
            if (routePath.equals(HttpApiRoute.DEFAULT_ROUTE) && !routeMethod.equals(HttpMethods.ANY)) {
                throw new IllegalArgumentException(where + ".Method must be ANY on the $default route, not " + method);
            }
        }
        Map<String, Object> eventAuth = optionalMap(properties, "Auth", where);
        rejectUnmodelled(eventAuth, Set.of("Authorizer"), Set.of(), where + ".Auth");
        Optional<String> named = eventAuth.containsKey("Authorizer")
                ? Optional.of(string(eventAuth.get("Authorizer"), where + ".Auth.Authorizer"))
                : Optional.empty();
        Optional<String> authorizer = auth.authorizerFor(named, where + ".Auth.Authorizer");
        return new HttpApiRoute(routeMethod, routePath, authorizer, functionId, eventName);
    }
}
