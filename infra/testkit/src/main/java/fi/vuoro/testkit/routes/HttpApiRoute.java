package fi.vuoro.testkit.routes;

import java.util.Objects;
import java.util.Optional;

/**
 * One route of an HTTP API, as SAM creates it from an {@code HttpApi} event of a function.
 *
 * @param method            {@code GET}, {@code POST}, ... or {@code ANY}, in upper case whatever the template's spelling
 * @param path              the path template, e.g. {@code /staff/api/sites/{proxy+}}, or {@code $default}
 * @param authorizer        the authorizer API Gateway runs before the function (from the event, or the API's default);
 *                          empty when anyone may call the route
 * @param functionLogicalId the function the route invokes
 * @param eventName         the name of the function's event that declares the route
 */
public record HttpApiRoute(
        String method, String path, Optional<String> authorizer, String functionLogicalId, String eventName) {

    /** The route key and path of the catch-all route. */
    public static final String DEFAULT_ROUTE = RoutePath.DEFAULT_ROUTE;

    public HttpApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(functionLogicalId, "functionLogicalId");
        Objects.requireNonNull(eventName, "eventName");
        if (path.equals(DEFAULT_ROUTE) && !method.equals(HttpMethods.ANY)) {
            throw new IllegalArgumentException("The $default route takes every method, so its method is ANY, not " + method);
        }
    }

    /** The route key as API Gateway names it: {@code GET /sms/inbound}, or {@code $default}. */
    public String routeKey() {
        return isDefaultRoute() ? DEFAULT_ROUTE : method + " " + path;
    }

    public boolean isDefaultRoute() {
        return path.equals(DEFAULT_ROUTE);
    }

    /** Whether API Gateway lets a request through to the function without any authorizer. */
    public boolean isPublic() {
        return authorizer.isEmpty();
    }

    /** For failure messages: {@code GET /staff/{proxy+} [public] from StaffApiFunction.StaffPage}. */
    @Override
    public String toString() {
        return routeKey() + " [" + authorizer.orElse("public") + "] from " + functionLogicalId + "." + eventName;
    }
}
