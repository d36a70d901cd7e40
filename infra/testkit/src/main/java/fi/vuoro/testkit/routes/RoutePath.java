package fi.vuoro.testkit.routes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route's path template as API Gateway HTTP APIs read it: literal segments, path variables {@code {name}} that
 * stand for exactly one segment, and a greedy variable {@code {name+}} at the end that stands for one or more; or the
 * {@code $default} route, which stands for any path.
 *
 * <p>"A greedy path variable catches all child resources of a route [...] The greedy path variable must be at the end
 * of the resource path." (Working with routes for HTTP APIs, API Gateway developer guide.) A child needs a name, so
 * {@code /staff/{proxy+}} takes {@code /staff/a} and {@code /staff/a/b/} but neither {@code /staff} nor
 * {@code /staff/}; likewise {@code /{proxy+}} does not take {@code /}.
 *
 * <p>Templates the documentation does not cover are rejected rather than guessed at: a variable sharing its segment
 * with text ({@code /file.{ext}}), a trailing slash (SAM creates no route for one, serverless-application-model#1949),
 * empty segments, and a variable name used twice.
 */
final class RoutePath {

    static final String DEFAULT_ROUTE = "$default";

    /** The kinds of segment, from the most specific to the least. */
    enum Kind { LITERAL, VARIABLE, GREEDY }

    record Segment(Kind kind, String text) {}

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_.\\-]+)(\\+?)}");

    private final String template;
    private final List<Segment> segments;

    private RoutePath(String template, List<Segment> segments) {
        this.template = template;
        this.segments = List.copyOf(segments);
    }

    static RoutePath parse(String template, String where) {
        if (template.equals(DEFAULT_ROUTE)) {
            return new RoutePath(template, List.of());
        }
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException(where + " '" + template + "' must start with / (or be $default)");
        }
        if (template.equals("/")) {
            return new RoutePath(template, List.of());
        }
        if (template.endsWith("/")) {
            throw new IllegalArgumentException(where + " '" + template + "' ends with a slash: SAM creates no route"
                    + " for it (serverless-application-model#1949); drop the slash");
        }
        String[] parts = template.substring(1).split("/", -1);
        List<Segment> segments = new ArrayList<>();
        Set<String> variableNames = new HashSet<>();
        for (int i = 0; i < parts.length; i++) {
            Segment segment = segment(parts[i], template, where);
            if (segment.kind() == Kind.GREEDY && i != parts.length - 1) {
                throw new IllegalArgumentException(where + " '" + template + "': a greedy variable must be the last"
                        + " segment of the path");
            }
            if (segment.kind() != Kind.LITERAL && !variableNames.add(segment.text())) {
                throw new IllegalArgumentException(where + " '" + template + "' uses the variable {" + segment.text()
                        + "} twice");
            }
            segments.add(segment);
        }
        return new RoutePath(template, segments);
    }

    private static Segment segment(String part, String template, String where) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException(where + " '" + template + "' has an empty segment (//)");
        }
        Matcher variable = VARIABLE.matcher(part);
        if (variable.matches()) {
            Kind kind = variable.group(2).isEmpty() ? Kind.VARIABLE : Kind.GREEDY;
            return new Segment(kind, variable.group(1));
        }
        if (part.indexOf('{') >= 0 || part.indexOf('}') >= 0) {
            throw new IllegalArgumentException(where + " '" + template + "' has segment '" + part + "': only whole"
                    + " segments {name} or a final {name+} are modelled as path variables");
        }
        return new Segment(Kind.LITERAL, part);
    }

    String template() {
        return template;
    }

    List<Segment> segments() {
        return segments;
    }

    boolean isDefaultRoute() {
        return template.equals(DEFAULT_ROUTE);
    }

    boolean isGreedy() {
        return !segments.isEmpty() && segments.get(segments.size() - 1).kind() == Kind.GREEDY;
    }

    /**
     * The template with variable names left out. Two different templates of one shape match exactly the same
     * requests, and the documentation does not say which of them API Gateway would choose.
     */
    String shape() {
        if (isDefaultRoute()) {
            return template;
        }
        StringBuilder shape = new StringBuilder();
        for (Segment segment : segments) {
            shape.append('/').append(switch (segment.kind()) {
                case LITERAL -> segment.text();
                case VARIABLE -> "{}";
                case GREEDY -> "{+}";
            });
        }
        return shape.length() == 0 ? "/" : shape.toString();
    }

    /** Whether this route would take the request path if it were the only route of the API. */
    boolean matches(RequestPath request) {
        if (isDefaultRoute()) {
            return true;
        }
        List<String> parts = request.segments();
        int fixed = isGreedy() ? segments.size() - 1 : segments.size();
        if (isGreedy() ? parts.size() <= fixed : parts.size() != fixed) {
            return false;
        }
        for (int i = 0; i < fixed; i++) {
            if (!matches(segments.get(i), parts.get(i))) {
                return false;
            }
        }
        // The greedy variable takes the rest, which must name at least one child.
        return !isGreedy() || !String.join("/", parts.subList(fixed, parts.size())).isEmpty();
    }

    private static boolean matches(Segment segment, String part) {
        return switch (segment.kind()) {
            case LITERAL -> segment.text().equals(part);
            case VARIABLE -> !part.isEmpty();
            case GREEDY -> throw new IllegalStateException("A greedy variable is matched against the rest of the path");
        };
    }

    @Override
    public String toString() {
        return template;
    }
}
