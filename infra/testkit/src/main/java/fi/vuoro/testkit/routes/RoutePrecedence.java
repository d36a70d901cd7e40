package fi.vuoro.testkit.routes;

import java.util.Comparator;
import java.util.List;

/**
 * The order in which API Gateway prefers, among the routes of an HTTP API that match one request, the route it
 * gives the request: the first in this order.
 *
 * <p>Documented ("Working with routes for HTTP APIs", section "Routing API requests", API Gateway developer guide):
 * <blockquote>API Gateway selects the route with the most-specific match, using the following priorities:
 * 1. Full match for a route and method. 2. Match for a route and method with a greedy path variable
 * ({@code {proxy+}}). 3. The {@code $default} route.</blockquote>
 * and, of methods, "you can use the {@code ANY} method to match all methods that you haven't defined for a resource".
 * The page's example gives {@code GET /pets/dog/1} to {@code GET /pets/dog/{id}} ("the request fully matches this
 * route"), {@code GET /pets/cat/1} to {@code GET /pets/{proxy+}}, and {@code POST /test/5} to {@code ANY /{proxy+}}
 * rather than {@code $default}.
 *
 * <p>Implemented, in this order:
 * <ol>
 *   <li>The priority: a path without a greedy variable (literal segments and {@code {name}} variables, as in the
 *       example's "full match"), then a path ending in a greedy variable, then {@code $default}. A route with method
 *       {@code ANY} is a full match for any method: the priority is decided by the path.</li>
 *   <li>Within a priority, the more specific path, segment by segment from the left: at the first segment where two
 *       paths differ in kind, a literal beats {@code {name}}, which beats {@code {name+}}. So of two greedy routes the
 *       one with the longer fixed part wins ({@code /staff/api/sites/{proxy+}} over {@code /staff/{proxy+}}), and
 *       {@code /pets/dog/rex} beats {@code /pets/dog/{id}}. <em>The documentation says only "most-specific match"
 *       here; this ranking is our reading of it.</em></li>
 *   <li>On the same path, the request's own method beats {@code ANY} ("methods that you haven't defined"). Method
 *       never outranks the path: {@code ANY /staff/api/sites/{proxy+}} takes a {@code GET} under it although
 *       {@code GET /staff/{proxy+}} also matches. <em>Our reading again: the documentation speaks of methods "for a
 *       resource", that is, a path.</em></li>
 * </ol>
 * No two matching routes are left tied: two different paths that tie at every segment would differ only in variable
 * names, and {@link HttpApiRoutes} refuses such templates because the documentation does not say which one wins.
 */
final class RoutePrecedence implements Comparator<RoutePrecedence.Candidate> {

    /** A route with its parsed path. */
    record Candidate(HttpApiRoute route, RoutePath path) {

        /** Whether the route would take the request if it were the only route of the API. */
        boolean accepts(String method, RequestPath request) {
            return (route.method().equals(HttpMethods.ANY) || route.method().equals(method)) && path.matches(request);
        }
    }

    private final String requestMethod;

    /** The precedence among routes matching a request with this method. */
    RoutePrecedence(String requestMethod) {
        this.requestMethod = requestMethod;
    }

    @Override
    public int compare(Candidate first, Candidate second) {
        int byPriority = Integer.compare(priority(first.path()), priority(second.path()));
        if (byPriority != 0) {
            return byPriority;
        }
        int bySegments = compareSegments(first.path().segments(), second.path().segments());
        if (bySegments != 0) {
            return bySegments;
        }
        return Integer.compare(methodRank(first.route()), methodRank(second.route()));
    }

    private static int priority(RoutePath path) {
        if (path.isDefaultRoute()) {
            return 2;
        }
        return path.isGreedy() ? 1 : 0;
    }

    private static int compareSegments(List<RoutePath.Segment> first, List<RoutePath.Segment> second) {
        for (int i = 0; i < Math.min(first.size(), second.size()); i++) {
            // Kinds are declared from the most specific to the least.
            int byKind = first.get(i).kind().compareTo(second.get(i).kind());
            if (byKind != 0) {
                return byKind;
            }
        }
        return 0;
    }

    private int methodRank(HttpApiRoute route) {
        return route.method().equals(requestMethod) ? 0 : 1;
    }
}
