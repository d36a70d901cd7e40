package fi.vuoro.testkit.routes;

import static fi.vuoro.testkit.routes.RouteTemplateValues.bool;
import static fi.vuoro.testkit.routes.RouteTemplateValues.map;
import static fi.vuoro.testkit.routes.RouteTemplateValues.rejectUnmodelled;
import static fi.vuoro.testkit.routes.RouteTemplateValues.string;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An HTTP API's {@code Auth} and the rules by which SAM gives each route its authorizer.
 *
 * <p>These follow SAM's translator ({@code samtranslator/model/eventsources/push.py}, class {@code HttpApi}): a route
 * whose event names no {@code Auth.Authorizer} gets the API's {@code DefaultAuthorizer}, or none; {@code NONE} makes
 * a route public and is accepted only when the API has a default authorizer to override; any other name must be
 * declared under the API's {@code Auth.Authorizers}. An authorizer's own configuration (issuer, audience, Lambda
 * function) is not read: whether a route asks for one, and which, is what routing decides.
 *
 * @param authorizers       the names declared under {@code Auth.Authorizers}, in declaration order
 * @param defaultAuthorizer the authorizer of routes that name none
 */
record HttpApiAuth(Set<String> authorizers, Optional<String> defaultAuthorizer) {

    static final String NONE = "NONE";

    /** SAM's implicit API, and an API without {@code Auth}: no authorizers, every route public. */
    static final HttpApiAuth OPEN = new HttpApiAuth(Set.of(), Optional.empty());

    private static final Set<String> MODELLED = Set.of("Authorizers", "DefaultAuthorizer", "EnableIamAuthorizer");

    HttpApiAuth {
        authorizers = Collections.unmodifiableSet(new LinkedHashSet<>(authorizers));
    }

    static HttpApiAuth read(Object value, String where) {
        if (value == null) {
            return OPEN;
        }
        Map<String, Object> auth = map(value, where);
        rejectUnmodelled(auth, MODELLED, Set.of(), where);
        Object iam = auth.get("EnableIamAuthorizer");
        if (iam != null && bool(iam, where + ".EnableIamAuthorizer")) {
            throw new IllegalArgumentException(where + ".EnableIamAuthorizer: the built-in AWS_IAM authorizer is not"
                    + " modelled by the HTTP API route table");
        }
        Set<String> names = new LinkedHashSet<>();
        Object declared = auth.get("Authorizers");
        if (declared != null) {
            map(declared, where + ".Authorizers").forEach((name, body) -> {
                map(body, where + ".Authorizers." + name);
                names.add(name);
            });
        }
        Optional<String> defaultAuthorizer = Optional.empty();
        Object defaultValue = auth.get("DefaultAuthorizer");
        if (defaultValue != null) {
            String name = string(defaultValue, where + ".DefaultAuthorizer");
            if (!names.contains(name)) {
                throw new IllegalArgumentException(where + ".DefaultAuthorizer '" + name + "' is not declared under "
                        + where + ".Authorizers " + names);
            }
            defaultAuthorizer = Optional.of(name);
        }
        return new HttpApiAuth(names, defaultAuthorizer);
    }

    /**
     * The authorizer of a route, from its event's {@code Auth.Authorizer} (absent when the event names none).
     *
     * @throws IllegalArgumentException where SAM refuses the template
     */
    Optional<String> authorizerFor(Optional<String> eventAuthorizer, String where) {
        if (eventAuthorizer.isEmpty()) {
            return defaultAuthorizer;
        }
        String name = eventAuthorizer.get();
        if (name.equals(NONE)) {
            if (defaultAuthorizer.isEmpty()) {
                throw new IllegalArgumentException(where + " is NONE, which SAM accepts only to override the API's"
                        + " DefaultAuthorizer, and the API has none: leave Auth out to make the route public");
            }
            return Optional.empty();
        }
        if (authorizers.isEmpty()) {
            throw new IllegalArgumentException(where + " '" + name + "' cannot be set: the API declares no Authorizers");
        }
        if (!authorizers.contains(name)) {
            throw new IllegalArgumentException(where + " '" + name + "' is not declared under the API's"
                    + " Auth.Authorizers " + authorizers);
        }
        return eventAuthorizer;
    }
}
