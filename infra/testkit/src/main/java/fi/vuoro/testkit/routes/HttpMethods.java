package fi.vuoro.testkit.routes;

import java.util.Locale;
import java.util.Set;

/** The methods an HTTP API route can name, and the ones a request can carry. */
final class HttpMethods {

    static final String ANY = "ANY";

    /** The methods API Gateway HTTP APIs route; {@code ANY} stands for all of them on a route. */
    static final Set<String> REQUEST_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private HttpMethods() {}

    /** A route's method in upper case: SAM accepts {@code get} as well as {@code GET}. */
    static String declared(String method, String where) {
        String upper = method.toUpperCase(Locale.ROOT);
        if (!upper.equals(ANY) && !REQUEST_METHODS.contains(upper)) {
            throw new IllegalArgumentException(where + " '" + method + "' is not an HTTP API route method"
                    + " (one of " + REQUEST_METHODS + " or ANY)");
        }
        return upper;
    }

    /** A request's method exactly as sent: methods are case-sensitive, and no request carries {@code ANY}. */
    static String requested(String method) {
        if (method == null || !REQUEST_METHODS.contains(method)) {
            throw new IllegalArgumentException("Request method '" + method + "' is not one of " + REQUEST_METHODS);
        }
        return method;
    }
}
