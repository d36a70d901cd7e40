package fi.vuoro.local;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every endpoint the running service routes, read from Micronaut's router rather than listed by hand, so a test over
 * them covers an endpoint the day it is added.
 */
public final class ServedEndpoints {

    /** The demo site's id, which the local runtime always creates, stands in for {@code {siteId}}. */
    public static final String DEMO_SITE = "demo";

    /**
     * One endpoint: its method, its route template, the type its JSON body binds to (empty when it reads none), and
     * a concrete path of it at the site given, naming a ticket, desk and record that do not exist.
     */
    public record Endpoint(String method, String template, Optional<Class<?>> bodyType) {

        public String key() {
            return method + " " + template;
        }

        public String pathAt(String siteId) {
            return template.replace("{siteId}", siteId).replace("{number}", "9999").replace("{label}", "3")
                    .replace("{token}", "not-a-feedback-link").replaceAll("\\{[^}]+}", "nobody");
        }

        public boolean readsBody() {
            return bodyType.isPresent() || method.equals("POST") || method.equals("PUT");
        }
    }

    private ServedEndpoints() {
    }

    /** Every endpoint below one of the prefixes, HEAD and OPTIONS left out (they follow their GET). */
    public static List<Endpoint> below(ApplicationContext context, String... prefixes) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : context.getBean(Router.class).uriRoutes().toList()) {
            String template = route.getUriMatchTemplate().toString().replaceAll("\\{\\?.*}$", "");
            String method = route.getHttpMethodName();
            if (method.equals("HEAD") || method.equals("OPTIONS") || !startsWithAny(template, prefixes)) {
                continue;
            }
            Optional<Class<?>> body = route.getBodyArgument().map(Argument::getType).map(type -> (Class<?>) type);
            Endpoint endpoint = new Endpoint(method, template, body);
            if (endpoints.stream().noneMatch(known -> known.key().equals(endpoint.key()))) {
                endpoints.add(endpoint);
            }
        }
        return endpoints;
    }

    private static boolean startsWithAny(String template, String... prefixes) {
        for (String prefix : prefixes) {
            if (template.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
