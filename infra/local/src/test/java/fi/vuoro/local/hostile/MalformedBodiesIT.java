package fi.vuoro.local.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.domain.testing.FigureLine;
import fi.vuoro.domain.testing.HostileText;
import fi.vuoro.domain.testing.QueueWorld;
import fi.vuoro.local.ServedEndpoints;
import fi.vuoro.local.ServedEndpoints.Endpoint;
import fi.vuoro.local.staff.StaffApiSupport;
import fi.vuoro.testkit.TableItems;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every staff, coordinator and feedback endpoint the service routes, sent broken bodies by a signed-in coordinator
 * of the site: truncated JSON, wrong types and nulls in every field of the form the endpoint reads, deep nesting,
 * huge strings, bytes that are not UTF-8, the wrong content type, an empty body, and bodies over the size limit with
 * and without a declared length. Each gets a 4xx with a message (JSON from the API, a page from the feedback form),
 * never a 5xx and never a hang, and nothing is written: every item of the table reads the same afterwards.
 */
class MalformedBodiesIT extends StaffApiSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OVER_A_MEGABYTE = 1_100_000;

    /** A body as sent: its bytes, its content type (null: none), whether its length is declared. */
    private record Body(String kind, byte[] bytes, String contentType, boolean chunked) {

        static Body json(String kind, String text) {
            return new Body(kind, text.getBytes(StandardCharsets.UTF_8), "application/json", false);
        }
    }

    @Test
    void everyEndpoint_shouldAnswerEveryBrokenBodyWith4xxAndAMessage_andWriteNothing() throws Exception {
        List<Endpoint> endpoints = ServedEndpoints.below(runtime.context(), "/staff/api/", "/f/").stream()
                .filter(Endpoint::readsBody).toList();
        assertTrue(endpoints.size() >= 15, "the routes were not found: " + endpoints);
        String coordinator = token("coordinator");
        List<Map<String, AttributeValue>> before = TableItems.all(dynamo(), TABLE);

        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Endpoint endpoint : endpoints) {
            for (Body body : bodiesFor(endpoint)) {
                sent++;
                String problem = problemWith(endpoint, body, coordinator);
                if (problem != null) {
                    wrong.add(endpoint.key() + " with " + body.kind() + ": " + problem);
                }
            }
        }
        List<Map<String, AttributeValue>> after = TableItems.all(dynamo(), TABLE);
        int written = changedItems(before, after);
        FigureLine.publish("hostile json bodies=" + sent + " endpoints=" + endpoints.size() + " items-read="
                + (before.size() + after.size()) + " wrong-answers=" + wrong.size() + " writes=" + written);
        assertEquals(List.of(), wrong);
        assertEquals(0, written, "items changed by refused requests");
    }

    /** Null when the answer is right; otherwise what is wrong with it. */
    private static String problemWith(Endpoint endpoint, Body body, String token) throws Exception {
        HttpRequest.BodyPublisher publisher = body.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.bytes()))
                : HttpRequest.BodyPublishers.ofByteArray(body.bytes());
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(runtime.baseUrl() + endpoint.pathAt(ServedEndpoints.DEMO_SITE)))
                .timeout(Duration.ofSeconds(15))
                .method(endpoint.method(), publisher)
                .header("Authorization", "Bearer " + token);
        if (body.contentType() != null) {
            request.header("Content-Type", body.contentType());
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException hang) {
            return "no answer within 15 s";
        } catch (java.io.IOException reset) {
            // The server may close the connection after answering a body it will not read: that answer counts.
            return body.bytes().length > 64 * 1024 ? null : "connection failed: " + reset;
        }
        int status = response.statusCode();
        if (status < 400 || status >= 500) {
            return "status " + status + " " + abbreviate(response.body());
        }
        if (status == 401 || status == 403) {
            return "status " + status + " for the site's coordinator";
        }
        if (endpoint.template().startsWith("/f/")) {
            return response.body().isBlank() ? "an empty page" : null;
        }
        try {
            JsonNode error = JSON.readTree(response.body());
            return error.path("error").asText().isBlank() ? "no message: " + abbreviate(response.body()) : null;
        } catch (Exception notJson) {
            return "not a JSON message: " + abbreviate(response.body());
        }
    }

    /** The broken bodies for one endpoint: generic ones, and each field of its form given the wrong kind of value. */
    private static List<Body> bodiesFor(Endpoint endpoint) {
        List<Body> bodies = new ArrayList<>();
        bodies.add(new Body("an empty body", new byte[0], "application/json", false));
        bodies.add(Body.json("a truncated object", "{\"desk\": \"3\", \"name\": "));
        bodies.add(Body.json("a lone brace", "{"));
        bodies.add(Body.json("a bare word", "hello"));
        bodies.add(Body.json("null", "null"));
        bodies.add(Body.json("a number", "42"));
        bodies.add(Body.json("an array", "[1, 2, 3]"));
        bodies.add(Body.json("a string", "\"text\""));
        bodies.add(Body.json("a trailing comma", "{\"a\": 1,}"));
        bodies.add(Body.json("single quotes", "{'desk': '3'}"));
        bodies.add(Body.json("arrays nested 20000 deep", "[".repeat(20_000) + "]".repeat(20_000)));
        bodies.add(Body.json("objects nested 5000 deep", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
        bodies.add(new Body("bytes that are not UTF-8", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"',
                (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '"', '}'}, "application/json", false));
        bodies.add(new Body("JSON as text/plain", "{}".getBytes(StandardCharsets.UTF_8), "text/plain", false));
        bodies.add(new Body("XML", "<a>1</a>".getBytes(StandardCharsets.UTF_8), "application/xml", false));
        bodies.add(new Body("no content type", "{}".getBytes(StandardCharsets.UTF_8), null, false));
        String huge = "x".repeat(OVER_A_MEGABYTE);
        bodies.add(Body.json("a string over 1 MB", "{\"name\": \"" + huge + "\"}"));
        bodies.add(new Body("a string over 1 MB, length undeclared",
                ("{\"name\": \"" + huge + "\"}").getBytes(StandardCharsets.UTF_8), "application/json", true));
        bodies.add(Body.json("just over the 64 KB limit", "{\"name\": \"" + "y".repeat(64 * 1024) + "\"}"));
        Random random = new Random(endpoint.key().hashCode());
        for (int i = 0; i < 6; i++) {
            String text = HostileText.sample(QueueWorld.CATALOGUE, random, 300);
            bodies.add(new Body("random text " + i, text.getBytes(StandardCharsets.UTF_8), "application/json", false));
        }
        endpoint.bodyType().filter(Class::isRecord).ifPresent(type -> bodies.addAll(wrongFields(type, random)));
        if (endpoint.template().startsWith("/f/")) {
            bodies.add(new Body("a form without fields", new byte[0], "application/x-www-form-urlencoded", false));
            bodies.add(new Body("a form of junk", "%%%&=&==&a=%ZZ".getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded", false));
            bodies.add(new Body("a form over 1 MB", ("comment=" + huge).getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded", false));
        }
        return bodies;
    }

    /** For each field of the form: every field null; that one field of each wrong kind, nested deep, or huge. */
    private static List<Body> wrongFields(Class<?> form, Random random) {
        List<Body> bodies = new ArrayList<>();
        List<java.lang.reflect.RecordComponent> components = List.of(form.getRecordComponents());
        List<String> fields = components.stream().map(java.lang.reflect.RecordComponent::getName).toList();
        bodies.add(Body.json("every field null", "{" + fields.stream().map(f -> "\"" + f + "\": null")
                .collect(Collectors.joining(", ")) + "}"));
        List<String> wrongValues = List.of("{}", "[]", "[[[[[]]]]]", "true", "-1", "1e309", "9223372036854775808",
                "\"\"", "\"" + "z".repeat(5000) + "\"", "{\"$where\": 1}", "\"<script>x</script>\"");
        for (java.lang.reflect.RecordComponent component : components) {
            String field = component.getName();
            for (String value : wrongValues) {
                if (isYesNo(component.getType()) && YES_NO_AS_READ.contains(value)) {
                    continue; // true, and numbers read as true: a right value for a yes/no field, not a wrong one
                }
                bodies.add(Body.json(form.getSimpleName() + "." + field + " = " + abbreviate(value),
                        "{\"" + field + "\": " + value + "}"));
            }
        }
        return bodies;
    }

    private static final List<String> YES_NO_AS_READ = List.of("true", "-1", "1e309", "9223372036854775808");

    private static boolean isYesNo(Class<?> type) {
        return type == Boolean.class || type == boolean.class;
    }

    /** Items that differ between the two reads, counting those added and those gone. */
    private static int changedItems(List<Map<String, AttributeValue>> before, List<Map<String, AttributeValue>> after) {
        List<Map<String, AttributeValue>> added = new ArrayList<>(after);
        added.removeAll(before);
        List<Map<String, AttributeValue>> gone = new ArrayList<>(before);
        gone.removeAll(after);
        added.forEach(item -> System.out.println("written: " + item.get("PK") + " " + item.get("SK")));
        gone.forEach(item -> System.out.println("changed or removed: " + item.get("PK") + " " + item.get("SK")));
        return added.size() + gone.size();
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
