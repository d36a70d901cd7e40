package fi.vuoro.testkit.iam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers what a list of identity-policy statements allows, with IAM's evaluation: a request is allowed when some
 * {@code Allow} statement matches it and no {@code Deny} statement does (an explicit deny always wins), and
 * denied by default otherwise. Resource policies, permission boundaries and session policies are not part of it.
 */
public final class IamPolicyCheck {

    private IamPolicyCheck() {}

    public static boolean allows(List<IamStatement> statements, String action, String resourceArn) {
        return allows(statements, new AwsCall(action, resourceArn));
    }

    public static boolean allows(List<IamStatement> statements, AwsCall call) {
        boolean allowed = false;
        for (IamStatement statement : statements) {
            if (matches(statement, call)) {
                if (statement.effect() == IamStatement.Effect.DENY) {
                    return false;
                }
                allowed = true;
            }
        }
        return allowed;
    }

    /** The calls the statements do not allow, in the order given, each once. */
    public static List<AwsCall> notAllowed(List<IamStatement> statements, Collection<AwsCall> calls) {
        Set<AwsCall> refused = new LinkedHashSet<>();
        for (AwsCall call : calls) {
            if (!allows(statements, call)) {
                refused.add(call);
            }
        }
        return List.copyOf(refused);
    }

    /**
     * The grants no call needed: each (action, resource) pair of an {@code Allow} statement that matches no call
     * the statements allow. A wildcard grant counts as used as soon as one call matches it; a grant whose only
     * matching calls are denied anyway is unused, since removing it would change nothing.
     */
    public static List<IamGrant> unused(List<IamStatement> granted, Collection<AwsCall> used) {
        List<AwsCall> allowedCalls = new ArrayList<>();
        for (AwsCall call : used) {
            if (allows(granted, call)) {
                allowedCalls.add(call);
            }
        }
        Set<IamGrant> unused = new LinkedHashSet<>();
        for (IamStatement statement : granted) {
            if (statement.effect() != IamStatement.Effect.ALLOW) {
                continue;
            }
            for (String action : statement.actions()) {
                for (String resource : statement.resources()) {
                    boolean needed = allowedCalls.stream().anyMatch(call ->
                            IamPattern.matchesAction(action, call.action())
                                    && IamPattern.matchesResource(resource, call.resourceArn()));
                    if (!needed) {
                        unused.add(new IamGrant(action, resource, statement.source()));
                    }
                }
            }
        }
        return List.copyOf(unused);
    }

    private static boolean matches(IamStatement statement, AwsCall call) {
        return statement.actions().stream().anyMatch(action -> IamPattern.matchesAction(action, call.action()))
                && statement.resources().stream()
                        .anyMatch(resource -> IamPattern.matchesResource(resource, call.resourceArn()));
    }
}
