package fi.vuoro.testkit.iam;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One statement of an identity policy with its intrinsics resolved: what it allows or denies, on which resources.
 * Only {@code Action} and {@code Resource} are modelled; a statement with {@code NotAction}, {@code NotResource}
 * or a {@code Condition} is rejected where it is read, because ignoring those elements would change its meaning.
 *
 * @param actions   {@code service:Action} names, {@code *} and {@code ?} allowed, matched case-insensitively
 * @param resources ARNs or {@code *}, {@code *} and {@code ?} allowed, matched case-sensitively
 * @param source    where the statement was declared, for messages and reports
 */
public record IamStatement(Effect effect, List<String> actions, List<String> resources, String source) {

    public enum Effect { ALLOW, DENY }

    private static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+");

    public IamStatement {
        if (effect == null || source == null) {
            throw new IllegalArgumentException("A statement needs an effect and a source");
        }
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException(source + ": a statement needs at least one action and one resource");
        }
        for (String action : actions) {
            if (!ACTION.matcher(action).matches()) {
                throw new IllegalArgumentException(source + ": '" + action + "' is not an IAM action (service:Action)");
            }
        }
        for (String resource : resources) {
            if (!resource.equals("*") && !resource.startsWith("arn:")) {
                throw new IllegalArgumentException(source + ": resource '" + resource
                        + "' is neither * nor an ARN; IAM would refuse the policy");
            }
            // Policy variables such as ${aws:username} are evaluated per request, which the check cannot do.
            if (resource.contains("${")) {
                throw new IllegalArgumentException(source + ": resource '" + resource
                        + "' holds a policy variable, which the test kit does not evaluate");
            }
        }
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }

    public static IamStatement allow(List<String> actions, List<String> resources) {
        return new IamStatement(Effect.ALLOW, actions, resources, "declared in code");
    }

    public static IamStatement deny(List<String> actions, List<String> resources) {
        return new IamStatement(Effect.DENY, actions, resources, "declared in code");
    }
}
