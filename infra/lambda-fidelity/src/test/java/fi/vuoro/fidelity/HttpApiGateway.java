package fi.vuoro.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.vuoro.testkit.lambda.DeployedFunction;
import fi.vuoro.testkit.lambda.LambdaRuntimeApi;
import fi.vuoro.testkit.routes.HttpApiRoute;
import fi.vuoro.testkit.routes.HttpApiRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The stack's HTTP API as API Gateway runs it, in front of the deployed functions: it picks the route of
 * template.yaml a request matches (404 for none), runs the route's JWT authorizer (401 without invoking anything
 * when the token is missing or not the user pool's), and invokes the route's function with the payload 2.0 event
 * API Gateway builds: lower-case headers, the form body base64-encoded, the authorizer's claims in the request
 * context. A function that fails outright is answered 500 as API Gateway answers it.
 */
final class HttpApiGateway {

    /** What the caller of the API gets back. */
    record Response(int status, Map<String, String> headers, String body, Optional<HttpApiRoute> route) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final DeployedStack stack;
    private final HttpApiRoutes routes;
    private final java.util.function.Function<String, DeployedFunction> functions;

    HttpApiGateway(DeployedStack stack) {
        this(stack, stack::function);
    }

    /** An API whose routes invoke the given functions (by logical id), e.g. one started behind a failing service. */
    HttpApiGateway(DeployedStack stack, java.util.function.Function<String, DeployedFunction> functions) {
        this.stack = stack;
        this.routes = HttpApiRoutes.of(stack.template, "HttpApi");
        this.functions = functions;
    }

    HttpApiRoutes routes() {
        return routes;
    }

    Response get(String pathAndQuery, Map<String, String> headers) {
        return send("GET", pathAndQuery, headers, null);
    }

    Response postJson(String path, String token, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        return send("POST", path, headers, json);
    }

    Response send(String method, String pathAndQuery, Map<String, String> requestHeaders, String body) {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        String rawQuery = query < 0 ? "" : pathAndQuery.substring(query + 1);
        Optional<HttpApiRoute> route = routes.select(method, path);
        if (route.isEmpty()) {
            return new Response(404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}", route);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        requestHeaders.forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        headers.putIfAbsent("host", stack.context.httpApiId() + ".execute-api." + stack.context.region()
                + ".amazonaws.com");
        headers.putIfAbsent("user-agent", "Mozilla/5.0 (X11; Linux x86_64)");
        headers.put("x-forwarded-for", "203.0.113.7");
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
        headers.put("x-amzn-trace-id", "Root=1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            headers.put("content-length", Integer.toString(bytes.length));
        }
        Optional<Map<String, Object>> claims = Optional.empty();
        if (route.get().authorizer().isPresent()) {
            claims = stack.cognito.authorize(headers.get("authorization"), List.of(stack.context.userPoolClientId()));
            if (claims.isEmpty()) {
                return new Response(401, Map.of("content-type", "application/json", "www-authenticate", "Bearer"),
                        "{\"message\":\"Unauthorized\"}", route);
            }
        }
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.get().routeKey());
        event.put("rawPath", path);
        event.put("rawQueryString", rawQuery);
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);
        if (!rawQuery.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                parameters.put(name, parameters.has(name) ? parameters.get(name).asText() + "," + value : value);
            }
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", stack.context.accountId());
        context.put("apiId", stack.context.httpApiId());
        claims.ifPresent(found -> {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            ObjectNode claimNode = jwt.putObject("claims");
            // API Gateway passes every claim as a string, a list as "[a b]".
            found.forEach((name, value) -> claimNode.put(name, value instanceof List<?> list
                    ? "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]"
                    : value instanceof java.util.Date date ? Long.toString(date.toInstant().getEpochSecond())
                    : String.valueOf(value)));
            jwt.putNull("scopes");
        });
        context.put("domainName", headers.get("host"));
        context.put("domainPrefix", stack.context.httpApiId());
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "203.0.113.7");
        http.put("userAgent", headers.get("user-agent"));
        context.put("requestId", UUID.randomUUID().toString().substring(0, 16) + "=");
        context.put("routeKey", route.get().routeKey());
        context.put("stage", "$default");
        Instant now = Instant.now();
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        pathParameters(route.get().path(), path).ifPresent(parameters -> {
            ObjectNode node = event.putObject("pathParameters");
            parameters.forEach(node::put);
        });
        if (body != null) {
            boolean text = String.valueOf(headers.get("content-type")).startsWith("application/json")
                    || String.valueOf(headers.get("content-type")).startsWith("text/");
            event.put("body", text ? body : Base64.getEncoder().encodeToString(bytes));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        LambdaRuntimeApi.Outcome outcome = functions.apply(route.get().functionLogicalId()).invoke(event.toString());
        if (outcome instanceof LambdaRuntimeApi.Outcome.Failed) {
            return new Response(500, Map.of("content-type", "application/json"),
                    "{\"message\":\"Internal Server Error\"}", route);
        }
        return answer(((LambdaRuntimeApi.Outcome.Answered) outcome).payload(), route);
    }

    private static Response answer(String payload, Optional<HttpApiRoute> route) {
        try {
            JsonNode answer = JSON.readTree(payload);
            Map<String, String> headers = new LinkedHashMap<>();
            answer.path("headers").fields().forEachRemaining(entry ->
                    headers.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue().asText()));
            answer.path("multiValueHeaders").fields().forEachRemaining(entry -> headers.putIfAbsent(
                    entry.getKey().toLowerCase(Locale.ROOT), entry.getValue().path(0).asText()));
            String body = answer.path("body").isNull() ? "" : answer.path("body").asText("");
            if (answer.path("isBase64Encoded").asBoolean(false)) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            int status = answer.path("statusCode").asInt(200);
            requireSecurityHeaders(status, headers, route);
            return new Response(status, headers, body, route);
        } catch (IOException e) {
            throw new UncheckedIOException("The function answered something API Gateway cannot read: " + payload, e);
        }
    }

    /** How many function answers, by status class (2xx, 3xx, 4xx, 5xx), carried the security headers. */
    static final Map<String, java.util.concurrent.atomic.AtomicInteger> SECURED_ANSWERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Every answer a function gives through API Gateway, whatever the route and status, carries the browser
     * protections: a strict policy (no inline script or style, no framing), no sniffing, no referrer, HSTS (the
     * request came over HTTPS) and a caching rule.
     */
    private static void requireSecurityHeaders(int status, Map<String, String> headers, Optional<HttpApiRoute> route) {
        String what = status + " from " + route.map(HttpApiRoute::toString).orElse("?") + ", headers " + headers;
        String policy = headers.getOrDefault("content-security-policy", "");
        if (!policy.contains("default-src 'none'") || !policy.contains("frame-ancestors 'none'")
                || !policy.contains("base-uri 'none'") || policy.contains("unsafe-inline")
                || policy.contains("unsafe-eval")) {
            throw new AssertionError("no strict Content-Security-Policy on " + what);
        }
        if (!"nosniff".equals(headers.get("x-content-type-options"))
                || !"no-referrer".equals(headers.get("referrer-policy"))
                || !String.valueOf(headers.get("strict-transport-security")).startsWith("max-age=")
                || !headers.containsKey("cache-control")) {
            throw new AssertionError("security headers missing on " + what);
        }
        SECURED_ANSWERS.computeIfAbsent(status / 100 + "xx", key -> new java.util.concurrent.atomic.AtomicInteger())
                .incrementAndGet();
    }

    /** The values of a route's path variables, as API Gateway passes them. */
    private static Optional<Map<String, String>> pathParameters(String template, String path) {
        String[] parts = template.split("/");
        String[] actual = path.split("/");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parts.length && i < actual.length; i++) {
            String part = parts[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                values.put(part.substring(1, part.length() - 2),
                        String.join("/", java.util.Arrays.copyOfRange(actual, i, actual.length)));
                break;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                values.put(part.substring(1, part.length() - 1), actual[i]);
            }
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values);
    }
}
