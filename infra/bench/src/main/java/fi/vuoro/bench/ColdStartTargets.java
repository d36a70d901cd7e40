package fi.vuoro.bench;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cold-start benchmark starts: every {@code AWS::Serverless::Function} of template.yaml, with the handler
 * it names, the jar its {@code CodeUri} builds, the environment variables it declares with literal values, and the
 * kind of event its first event source delivers (a DynamoDB stream before a schedule, so a function with both is
 * started by its stream); then the baseline.
 */
final class ColdStartTargets {

    static final String API_EVENT = "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent";
    static final Path BASELINE_JAR = Path.of("infra/bench/target/coldstart-baseline-lambda.jar");

    /** The route each API function is started with: the webhook's join, the lobby screen's poll, a feedback link. */
    static final List<String> PREFERRED_ROUTES = List.of("POST /sms/inbound", "GET /lobby/{proxy+}", "GET /f/{token}");

    enum EventKind { HTTP_API, DYNAMODB_STREAM, SCHEDULE }

    /**
     * One function to start.
     *
     * @param name        the template's logical id, or "Baseline"
     * @param eventSource the template's name of the event source whose event it gets
     * @param route       for an HTTP API function: its first route, e.g. {@code POST /sms/inbound}
     * @param environment the variables with literal values (Globals' and the function's), JAVA_TOOL_OPTIONS aside
     * @param declared    the names of all its variables, literal or not (e.g. VUORO_STAFF_JWKS_URL)
     */
    record Target(String name, String handler, Path jar, EventKind kind, String eventSource, String route,
                  Map<String, String> environment, java.util.Set<String> declared) {

        String inputType() {
            return kind == EventKind.HTTP_API ? API_EVENT : fi.vuoro.bench.probe.ColdStartProbe.MAP_INPUT;
        }

        boolean baseline() {
            return "Baseline".equals(name);
        }
    }

    private ColdStartTargets() {
    }

    static List<Target> of(CloudFormationTemplate template) {
        Map<String, String> global = literals(nested(nested(nested(template.globals(), "Function"), "Environment"), "Variables"));
        List<Target> targets = new ArrayList<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, resource) -> {
            Map<String, Object> properties = resource.properties();
            Map<String, String> environment = new LinkedHashMap<>(global);
            environment.putAll(literals(nested(nested(properties, "Environment"), "Variables")));
            environment.remove("JAVA_TOOL_OPTIONS");
            java.util.Set<String> declared = new java.util.TreeSet<>(nested(nested(nested(template.globals(), "Function"),
                    "Environment"), "Variables").keySet());
            declared.addAll(nested(nested(properties, "Environment"), "Variables").keySet());
            Map<String, Object> events = nested(properties, "Events");
            Map.Entry<String, Object> chosen = null;
            for (String kind : List.of("DynamoDB", "HttpApi", "Schedule")) {
                for (Map.Entry<String, Object> event : events.entrySet()) {
                    if (chosen == null && kind.equals(nested(events, event.getKey()).get("Type"))) {
                        chosen = event;
                    }
                }
            }
            // An HTTP API function is asked on a public route that reads the table, where it has one
            for (Map.Entry<String, Object> event : events.entrySet()) {
                Map<String, Object> route = nested(nested(events, event.getKey()), "Properties");
                if (chosen != null && "HttpApi".equals(nested(events, chosen.getKey()).get("Type"))
                        && PREFERRED_ROUTES.contains(route.get("Method") + " " + route.get("Path"))) {
                    chosen = event;
                    break;
                }
            }
            if (chosen == null) {
                throw new IllegalStateException(id + " has no event source the benchmark can imitate");
            }
            Map<String, Object> event = nested(events, chosen.getKey());
            Map<String, Object> eventProperties = nested(event, "Properties");
            EventKind kind = switch (String.valueOf(event.get("Type"))) {
                case "DynamoDB" -> EventKind.DYNAMODB_STREAM;
                case "HttpApi" -> EventKind.HTTP_API;
                default -> EventKind.SCHEDULE;
            };
            String route = kind == EventKind.HTTP_API ? eventProperties.get("Method") + " " + eventProperties.get("Path") : null;
            targets.add(new Target(id, String.valueOf(properties.get("Handler")), Path.of(String.valueOf(properties.get("CodeUri"))),
                    kind, chosen.getKey(), route, environment, declared));
        });
        targets.add(new Target("Baseline", fi.vuoro.bench.baseline.PutItemBaselineHandler.class.getName(), BASELINE_JAR,
                EventKind.SCHEDULE, "EveryMinute", null, Map.of(), java.util.Set.of()));
        return targets;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    /** The entries whose values are plain strings or numbers: intrinsic functions (!Ref …) are left out. */
    private static Map<String, String> literals(Map<String, Object> variables) {
        Map<String, String> out = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                out.put(name, String.valueOf(value));
            }
        });
        return out;
    }
}
