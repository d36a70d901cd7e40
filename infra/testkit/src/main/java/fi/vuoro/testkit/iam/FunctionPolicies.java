package fi.vuoro.testkit.iam;

import static fi.vuoro.testkit.iam.TemplateShapes.problem;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements a function's {@code Policies} property puts in the role SAM creates for it: inline policy
 * documents, SAM policy templates expanded as SAM expands them, and AWS managed policies from a short list known
 * to grant no data access (which add no statements). {@code Policies} may be one string, one policy document,
 * one policy template, or a list mixing them.
 *
 * <p>Not modelled: what SAM attaches to the role by itself. That is {@code AWSLambdaBasicExecutionRole} (logs)
 * always, X-Ray write access when {@code Tracing} is {@code Active}, the pollers' read access for stream and
 * queue events ({@code AWSLambdaDynamoDBExecutionRole} for a DynamoDB stream, which allows the stream reads on
 * every stream), VPC network interfaces for {@code VpcConfig}, and send permissions for a {@code DeadLetterQueue}
 * or {@code EventInvokeConfig} destination. Those permissions serve Lambda's own work rather than calls the
 * function's code makes, so the result says what the template author granted the code, not everything the role
 * allows. A function whose role is declared elsewhere ({@code Role}) or narrowed by a
 * {@code PermissionsBoundary} fails, since its permissions are not those of its {@code Policies}.
 */
public final class FunctionPolicies {

    private FunctionPolicies() {}

    /**
     * @return the statements in declaration order; empty when the function declares no {@code Policies}
     * @throws IllegalArgumentException if anything in them cannot be read or resolved exactly, naming where
     */
    public static List<IamStatement> of(CloudFormationTemplate template, String functionLogicalId,
                                        TemplateResolver resolver) {
        FunctionDeclaration function = FunctionDeclaration.find(template, functionLogicalId, resolver);
        String unmodelled = "is set, so " + functionLogicalId + "'s permissions are not those of its Policies"
                + " alone, which are all the test kit models";
        for (String property : List.of("Role", "PermissionsBoundary")) {
            if (function.properties().containsKey(property)) {
                throw problem(template, function.where(property), unmodelled);
            }
            if (function.globals().containsKey(property)) {
                throw problem(template, "Globals.Function." + property, unmodelled);
            }
        }

        Object policies = function.properties().get("Policies");
        String where = function.where("Policies");
        if (policies == null) {
            return List.of();
        }
        if (!(policies instanceof List<?> entries)) {
            return policy(policies, where, resolver);
        }
        List<IamStatement> statements = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            statements.addAll(policy(entries.get(i), where + "[" + i + "]", resolver));
        }
        return List.copyOf(statements);
    }

    private static List<IamStatement> policy(Object policy, String where, TemplateResolver resolver) {
        if (PolicyDocument.looksLikeOne(policy)) {
            return PolicyDocument.statements(policy, where, resolver);
        }
        if (SamPolicyTemplates.isOne(policy)) {
            return SamPolicyTemplates.expand(policy, where, resolver);
        }
        // SAM reads a string, or an intrinsic giving one, as the name or ARN of a managed policy.
        if (policy instanceof String || TemplateShapes.isIntrinsic(policy)) {
            ManagedPolicies.requireWithoutDataAccess(resolver.string(policy, where), where, resolver);
            return List.of();
        }
        throw problem(resolver.template(), where, "is neither a policy document, a SAM policy template nor a"
                + " managed policy: " + policy);
    }
}
