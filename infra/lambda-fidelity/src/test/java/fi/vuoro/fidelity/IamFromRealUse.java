package fi.vuoro.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.testkit.iam.AwsCall;
import fi.vuoro.testkit.iam.FunctionPolicies;
import fi.vuoro.testkit.iam.IamGrant;
import fi.vuoro.testkit.iam.IamPolicyCheck;
import fi.vuoro.testkit.iam.IamStatement;
import fi.vuoro.testkit.lambda.ContainerCredentials;
import fi.vuoro.testkit.lambda.DeployedFunction;
import fi.vuoro.testkit.lambda.RecordedAwsCalls;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Each function's role, as template.yaml declares it, against the AWS calls the function really made while the
 * scenarios ran (written down by an SDK execution interceptor inside the function): nothing it did may be denied,
 * and nothing it is granted may go unused.
 */
abstract class IamFromRealUse {

    private final DeployedStack stack = DeployedStack.shared();

    private Map<String, DeployedFunction> functions() {
        Map<String, DeployedFunction> started = stack.started();
        Set<String> declared = stack.template.resourcesOfType("AWS::Serverless::Function").keySet();
        assertEquals(new TreeSet<>(declared), new TreeSet<>(started.keySet()),
                "every function of the template must have run in this suite before its role is checked");
        return started;
    }

    @Test
    void everyAwsCall_shouldBeSignedWithTheFunctionsOwnRoleCredentials_fromTheContainerEndpoint() {
        functions().forEach((logicalId, function) -> {
            ContainerCredentials.Grant grant = stack.grant(logicalId);
            List<RecordedAwsCalls.Call> calls = calls(logicalId, function);
            assertTrue(!calls.isEmpty(), logicalId + " made no AWS call: the check would prove nothing");
            for (RecordedAwsCalls.Call call : calls) {
                assertEquals(grant.accessKeyId(), call.accessKeyId(), logicalId + " signed " + call.operation()
                        + " with credentials that are not its role's");
                assertTrue(call.sessionToken(), logicalId + " sent " + call.operation() + " without a session token");
            }
        });
    }

    @Test
    void everyAwsCall_shouldBeAllowedByTheFunctionsRole() {
        List<String> denied = new ArrayList<>();
        functions().forEach((logicalId, function) -> {
            List<IamStatement> role = FunctionPolicies.of(stack.template, logicalId, stack.resolver);
            for (AwsCall call : IamPolicyCheck.notAllowed(role, used(logicalId, function))) {
                denied.add(logicalId + ": " + call.action() + " on " + call.resourceArn());
            }
        });
        assertTrue(denied.isEmpty(), "calls the deployed roles would deny (AccessDenied in AWS):\n  "
                + String.join("\n  ", denied));
    }

    @Test
    void everyGrantOfARole_shouldBeUsedByItsFunction() {
        List<String> unused = new ArrayList<>();
        functions().forEach((logicalId, function) -> {
            List<IamStatement> role = FunctionPolicies.of(stack.template, logicalId, stack.resolver);
            for (IamGrant grant : IamPolicyCheck.unused(role, used(logicalId, function))) {
                unused.add(logicalId + ": " + grant.action() + " on " + grant.resource() + " (" + grant.source() + ")");
            }
        });
        assertTrue(unused.isEmpty(), "granted but never used (least privilege: remove them):\n  "
                + String.join("\n  ", unused));
    }

    /**
     * Every AWS request the function made: those of its SDK clients, as its interceptor wrote them down, and those it
     * signs by hand (SSM's GetParameter, the user pool's admin API), as the fake SSM and the fake Cognito received
     * them signed with the function's credentials.
     */
    private List<RecordedAwsCalls.Call> calls(String logicalId, DeployedFunction function) {
        List<RecordedAwsCalls.Call> calls = new ArrayList<>(function.awsCalls().calls());
        calls.addAll(stack.ssm.callsSignedBy(stack.grant(logicalId)));
        calls.addAll(stack.cognito.admin().callsSignedBy(stack.grant(logicalId)));
        return calls;
    }

    /** The function's calls as IAM sees them: an action on a resource ARN. */
    private Set<AwsCall> used(String logicalId, DeployedFunction function) {
        String region = stack.context.region();
        String account = stack.context.accountId();
        Set<AwsCall> calls = new LinkedHashSet<>();
        for (RecordedAwsCalls.Call call : calls(logicalId, function)) {
            for (RecordedAwsCalls.Grant grant : call.grants()) {
                String service = grant.action().substring(0, grant.action().indexOf(':'));
                calls.add(new AwsCall(grant.action(), "arn:aws:" + service + ":" + region + ":" + account + ":"
                        + grant.resource()));
            }
        }
        return calls;
    }
}
