package fi.vuoro.local.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.testing.FigureLine;
import fi.vuoro.local.staff.StaffApiSupport;
import fi.vuoro.testkit.CloudFormationTemplate;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every answer of the service carries the browser protections, whatever answers: every route of every function
 * (read from the router, so a new endpoint is covered the day it is added), signed in and not, every file of the
 * staff pages, the lobby screen and the simulator, the feedback form, the SMS webhook, 304s, 404s and a 413.
 */
class SecurityHeadersIT extends StaffApiSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path ROOT = CloudFormationTemplate.locate().getParent();
    /** Where each folder of page files is served. */
    private static final Map<Path, String> PAGE_FILES = Map.of(
            ROOT.resolve("functions/staff-api/src/main/resources/web/staff"), "/staff/",
            ROOT.resolve("functions/staff-api/src/main/resources/web/lobby"), "/lobby/",
            ROOT.resolve("infra/local/src/main/resources/simulator"), "/simulator/");

    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final List<String> wrong = new ArrayList<>();

    /** One request: what it is, for a failure message, and whether it fetches a page's own (static) file. */
    private record Call(String what, HttpRequest request, boolean pageFile) {
    }

    @Test
    void everyAnswer_shouldCarryTheSecurityHeaders_onEveryRouteAndPageFile_signedInOrNot() throws Exception {
        List<Call> calls = new ArrayList<>();
        Set<String> routes = new LinkedHashSet<>();
        for (UriRouteInfo<?, ?> route : runtime.context().getBean(Router.class).uriRoutes().toList()) {
            String method = route.getHttpMethodName();
            String template = route.getUriMatchTemplate().toString().replaceAll("\\{\\?.*}$", "");
            if (method.equals("HEAD") || !routes.add(method + " " + template)) {
                continue;
            }
            String path = template.replace("{number}", "9999").replace("{label}", "3")
                    .replace("{siteId}", "demo").replaceAll("\\{[^}]+}", "nobody");
            for (String token : new String[] {null, token("coordinator")}) {
                calls.add(new Call(method + " " + template + (token == null ? "" : " signed in"),
                        request(path, method, token), false));
            }
        }
        assertTrue(routes.size() > 40, "the router's routes were not found: " + routes);
        int pageFiles = 0;
        for (Map.Entry<Path, String> folder : PAGE_FILES.entrySet()) {
            try (Stream<Path> files = Files.list(folder.getKey())) {
                for (Path file : files.sorted().toList()) {
                    String path = folder.getValue() + file.getFileName();
                    calls.add(new Call("GET " + path, HttpRequest.newBuilder(uri(path)).GET().build(), true));
                    pageFiles++;
                }
            }
        }
        assertTrue(pageFiles >= 20, "the page files were not found");
        calls.add(new Call("unknown path", HttpRequest.newBuilder(uri("/no/such/page")).GET().build(), false));
        calls.add(new Call("unknown page file", HttpRequest.newBuilder(uri("/staff/nothing.html")).GET().build(), false));
        calls.add(new Call("too large", HttpRequest.newBuilder(uri("/staff/api/sites/demo/call-next"))
                .header("Authorization", "Bearer " + token("anna")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"desk\":\"" + "1".repeat(70_000) + "\"}")).build(), false));
        calls.add(new Call("feedback link of nobody", HttpRequest.newBuilder(uri("/f/not-a-real-link")).GET().build(),
                false));
        calls.add(new Call("unsigned SMS", HttpRequest.newBuilder(uri("/sms/inbound"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("From=%2B358401112223&Body=JONO")).build(), false));

        text(newPhone(), "JONO");
        int notModified = 0;
        for (String path : List.of("/staff/api/sites/demo/queue", "/lobby/api/sites/demo/calls")) {
            HttpResponse<String> first = HTTP.send(request(path, "GET", token("anna")),
                    HttpResponse.BodyHandlers.ofString());
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpRequest again = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token("anna"))
                    .header("If-None-Match", etag).GET().build();
            assertEquals(304, HTTP.send(again, HttpResponse.BodyHandlers.discarding()).statusCode(), path);
            calls.add(new Call("304 of " + path, again, false));
            notModified++;
        }

        for (Call call : calls) {
            check(call, HTTP.send(call.request(), HttpResponse.BodyHandlers.ofString()));
        }
        assertTrue(byStatus.keySet().containsAll(Set.of(200, 304, 401, 403, 404, 413)), "statuses seen: " + byStatus);
        assertTrue(wrong.isEmpty(), wrong.size() + " answers without their protections:\n  "
                + String.join("\n  ", wrong));
        FigureLine.publish("security-headers routes=" + routes.size() + " page-files=" + pageFiles
                + " not-modified=" + notModified + " answers=" + calls.size() + " by-status=" + byStatus + " missing=0");
    }

    @Test
    void strictTransportSecurity_shouldBeSent_onlyWhenTheRequestCameOverHttps() throws Exception {
        HttpResponse<String> behindTls = HTTP.send(HttpRequest.newBuilder(uri("/staff/index.html"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("max-age=31536000; includeSubDomains",
                behindTls.headers().firstValue("Strict-Transport-Security").orElse(null));
        HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(uri("/staff/index.html")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty(),
                "HSTS over plain HTTP means nothing to a browser and would pin localhost");
    }

    private void check(Call call, HttpResponse<String> response) {
        byStatus.merge(response.statusCode(), 1, Integer::sum);
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        List<String> missing = new ArrayList<>();
        for (String directive : List.of("default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'",
                "form-action 'self'")) {
            if (!policy.contains(directive)) {
                missing.add(directive);
            }
        }
        if (policy.contains("unsafe-") || policy.contains("*")
                || (policy.contains("script-src") && !policy.contains("script-src 'self';"))) {
            missing.add("no loosened script or style source");
        }
        if (response.headers().allValues("Content-Security-Policy").size() != 1) {
            missing.add("exactly one policy");
        }
        if (!response.headers().firstValue("X-Content-Type-Options").orElse("").equals("nosniff")) {
            missing.add("nosniff");
        }
        if (!response.headers().firstValue("Referrer-Policy").orElse("").equals("no-referrer")) {
            missing.add("no-referrer");
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        boolean pageFile = response.statusCode() == 200 && (call.pageFile() || type.startsWith("text/css")
                || type.contains("javascript") || type.startsWith("image/"));
        if (!pageFile && !response.headers().firstValue("Cache-Control").orElse("").contains("no-store")) {
            missing.add("Cache-Control: no-store");
        }
        if (!missing.isEmpty()) {
            wrong.add(call.what() + " answered " + response.statusCode() + " without " + missing + "; headers "
                    + response.headers().map());
        }
    }

    private static HttpRequest request(String path, String method, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        boolean form = path.startsWith("/sms/") || path.startsWith("/f/");
        if (method.equals("GET") || method.equals("DELETE")) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.method(method, HttpRequest.BodyPublishers.ofString(form ? "a=b" : "{}"))
                    .header("Content-Type", form ? "application/x-www-form-urlencoded" : "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private static URI uri(String path) {
        return URI.create(runtime.baseUrl() + path);
    }
}
