package fi.vuoro.testkit.routes;

import static fi.vuoro.testkit.routes.RouteTemplateValues.map;
import static fi.vuoro.testkit.routes.RouteTemplateValues.rejectUnmodelled;
import static fi.vuoro.testkit.routes.RouteTemplateValues.string;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The properties of one {@code AWS::Serverless::HttpApi} that decide routing: its authorizers and its throttling.
 * Every other property is either known to leave routing alone or rejected, because it could add routes the template's
 * events do not show ({@code DefinitionBody}), answer requests before any route does ({@code CorsConfiguration}
 * answers preflight {@code OPTIONS}), or change the paths requests arrive with ({@code Domain}, a named stage).
 *
 * @param routeSettings {@code RouteSettings} by route key, as declared (not yet checked against the routes)
 */
record HttpApiDeclaration(
        String logicalId, HttpApiAuth auth, RouteThrottling defaultRouteSettings, Map<String, RouteThrottling> routeSettings) {

    static final String TYPE = "AWS::Serverless::HttpApi";

    /** The logical id SAM gives the API it creates for {@code HttpApi} events that name no {@code ApiId}. */
    static final String IMPLICIT_API = "ServerlessHttpApi";

    private static final Set<String> MODELLED = Set.of("Auth", "DefaultRouteSettings", "RouteSettings", "StageName");

    // Descriptions, logging and tags: nothing here changes which route takes a request or what it asks for.
    private static final Set<String> IGNORED = Set.of(
            "AccessLogSettings", "Description", "DisableExecuteApiEndpoint", "FailOnWarnings", "Name",
            "PropagateTags", "StageVariables", "Tags");

    HttpApiDeclaration {
        routeSettings = Collections.unmodifiableMap(new LinkedHashMap<>(routeSettings));
    }

    static HttpApiDeclaration read(CloudFormationTemplate template, String logicalId) {
        CloudFormationTemplate.Resource resource = template.resources().get(logicalId);
        if (resource == null) {
            if (logicalId.equals(IMPLICIT_API)) {
                return new HttpApiDeclaration(logicalId, HttpApiAuth.OPEN, RouteThrottling.UNSET, Map.of());
            }
            throw new IllegalArgumentException("Resources." + logicalId + " does not exist");
        }
        if (!resource.type().equals(TYPE)) {
            throw new IllegalArgumentException("Resources." + logicalId + " is a " + resource.type() + ", not an " + TYPE);
        }
        String where = "Resources." + logicalId + ".Properties";
        Map<String, Object> properties = resource.properties();
        rejectUnmodelled(properties, MODELLED, IGNORED, where);
        Object stage = properties.get("StageName");
        if (stage != null && !string(stage, where + ".StageName").equals("$default")) {
            throw new IllegalArgumentException(where + ".StageName '" + stage + "': a named stage puts its name in"
                    + " front of every path, which is not modelled; only $default is");
        }
        Map<String, RouteThrottling> routeSettings = new LinkedHashMap<>();
        Object declared = properties.get("RouteSettings");
        if (declared != null) {
            map(declared, where + ".RouteSettings").forEach((routeKey, settings) -> routeSettings.put(routeKey,
                    RouteThrottling.read(settings, where + ".RouteSettings." + routeKey)));
        }
        return new HttpApiDeclaration(logicalId,
                HttpApiAuth.read(properties.get("Auth"), where + ".Auth"),
                RouteThrottling.read(properties.get("DefaultRouteSettings"), where + ".DefaultRouteSettings"),
                routeSettings);
    }
}
