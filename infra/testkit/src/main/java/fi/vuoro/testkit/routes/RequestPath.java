package fi.vuoro.testkit.routes;

import java.util.Arrays;
import java.util.List;

/**
 * The path of a request as route matching sees it: the query string dropped, then split into segments.
 *
 * <p>A trailing slash is kept as an empty last segment, so {@code /sms/inbound/} is not {@code /sms/inbound}:
 * API Gateway does not document that it trims one for HTTP APIs, and assuming it does would let a check pass on a
 * path that is in fact served by another route. What API Gateway leaves undocumented and this class cannot decide
 * is rejected: empty segments inside the path ({@code //}) and percent-encoded characters, whose decoding could move
 * a request to another route (an encoded {@code /} most of all).
 */
record RequestPath(String path, List<String> segments) {

    RequestPath {
        segments = List.copyOf(segments);
    }

    /** Reads a path as a client sends it, with or without a query string; fails on what it cannot match. */
    static RequestPath parse(String requestPath) {
        if (requestPath == null || requestPath.isEmpty()) {
            throw new IllegalArgumentException("A request path is required, starting with /");
        }
        int query = requestPath.indexOf('?');
        String path = query < 0 ? requestPath : requestPath.substring(0, query);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Request path '" + requestPath + "' must start with /");
        }
        if (path.indexOf('#') >= 0) {
            throw new IllegalArgumentException("Request path '" + requestPath + "' has a fragment, which clients never send");
        }
        if (path.indexOf('%') >= 0) {
            throw new IllegalArgumentException("Request path '" + requestPath + "' is percent-encoded: how API Gateway"
                    + " matches encoded characters against routes is undocumented, so it is not modelled");
        }
        if (path.equals("/")) {
            return new RequestPath(path, List.of());
        }
        List<String> segments = Arrays.asList(path.substring(1).split("/", -1));
        for (int i = 0; i < segments.size() - 1; i++) {
            if (segments.get(i).isEmpty()) {
                throw new IllegalArgumentException("Request path '" + requestPath + "' has an empty segment (//),"
                        + " whose matching API Gateway does not document");
            }
        }
        return new RequestPath(path, segments);
    }
}
