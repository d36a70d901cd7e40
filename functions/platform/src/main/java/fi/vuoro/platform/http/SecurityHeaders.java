package fi.vuoro.platform.http;

import fi.vuoro.platform.config.VuoroConfiguration;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The browser-facing protections every answer of every function carries, whatever produced it (a page, the staff
 * API, the feedback form, TwiML, an error, a 304): a strict Content-Security-Policy (scripts and styles only from
 * this origin's files, no inline ones, no framing, forms post only here), no MIME sniffing, no referrer (feedback
 * links carry their token in the path), HSTS when the request came over HTTPS, and {@code Cache-Control: no-store}
 * on everything that is not a page's static file, as API answers carry personal data.
 *
 * <p>An answer that brings a stricter policy of its own keeps it (the feedback form allows no script at all).
 * First of the filters, so that it also marks the answers other filters give instead of the route's (413).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    public static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    public static final String REFERRER_POLICY = "Referrer-Policy";
    public static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final String policy;

    public SecurityHeaders(VuoroConfiguration config) {
        this(Optional.ofNullable(config.getCognitoEndpoint()));
    }

    SecurityHeaders(Optional<String> cognitoEndpoint) {
        this.policy = policy(cognitoEndpoint.flatMap(SecurityHeaders::origin));
    }

    /**
     * The policy: nothing by default; this origin's scripts, styles, images (and the QR code, a data: image);
     * requests to this origin and, for the staff pages' sign-in, to the Cognito endpoint; no frames, no base.
     */
    public static String policy(Optional<String> signInOrigin) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
                + signInOrigin.map(origin -> " " + origin).orElse("")
                + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    public String policy() {
        return policy;
    }

    @ResponseFilter
    public void secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        if (!headers.contains(CONTENT_SECURITY_POLICY)) {
            headers.set(CONTENT_SECURITY_POLICY, policy);
        }
        headers.set(CONTENT_TYPE_OPTIONS, "nosniff");
        headers.set(REFERRER_POLICY, "no-referrer");
        if (overHttps(request)) {
            headers.set(STRICT_TRANSPORT_SECURITY, HSTS);
        }
        if (!headers.contains(HttpHeaders.CACHE_CONTROL) && mayHoldPersonalData(response)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    /** API Gateway ends TLS and says so in X-Forwarded-Proto; a request straight to the server knows it itself. */
    private static boolean overHttps(HttpRequest<?> request) {
        String forwarded = request.getHeaders().get("X-Forwarded-Proto");
        return forwarded != null ? forwarded.trim().toLowerCase(Locale.ROOT).startsWith("https") : request.isSecure();
    }

    /**
     * Everything but a page's own files (stylesheets, scripts, images, the pages' markup, the same for everyone) and
     * a 304, which only confirms what the client has and keeps the caching its first answer said.
     */
    private static boolean mayHoldPersonalData(MutableHttpResponse<?> response) {
        if (response.code() == 304) {
            return false;
        }
        if (response.code() >= 300) {
            return true;
        }
        String type = response.getContentType().map(Object::toString).orElse("").toLowerCase(Locale.ROOT);
        boolean pageFile = type.startsWith("text/css") || type.contains("javascript") || type.startsWith("image/")
                || (type.startsWith("text/html") && response.getHeaders().contains(HttpHeaders.LAST_MODIFIED));
        return !pageFile;
    }

    private static Optional<String> origin(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(endpoint.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    }
}
