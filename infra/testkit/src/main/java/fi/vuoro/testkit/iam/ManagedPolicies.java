package fi.vuoro.testkit.iam;

import static fi.vuoro.testkit.iam.TemplateShapes.problem;

import java.util.Map;
import java.util.TreeSet;

/**
 * The AWS managed policies a function may name in {@code Policies}. The test kit does not know what managed
 * policies contain, so only these are accepted, each because it grants nothing outside CloudWatch Logs and X-Ray,
 * services whose calls the comparison does not record. They therefore contribute no statements; any other
 * managed policy fails, since it may grant what the comparison checks (DynamoDB, SSM, ...).
 */
final class ManagedPolicies {

    /** Each accepted policy by name, with its path in {@code arn:<partition>:iam::aws:policy/<path><name>}. */
    private static final Map<String, String> WITHOUT_DATA_ACCESS = Map.of(
            // logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents.
            "AWSLambdaBasicExecutionRole", "service-role/",
            // xray:PutTraceSegments, xray:PutTelemetryRecords and the sampling reads.
            "AWSXRayDaemonWriteAccess", "",
            "AWSXrayWriteOnlyAccess", "");

    private ManagedPolicies() {}

    /** Checks that {@code nameOrArn} is on the list; it then grants nothing the comparison records. */
    static void requireWithoutDataAccess(String nameOrArn, String where, TemplateResolver resolver) {
        String partition = resolver.context().partition();
        boolean accepted = WITHOUT_DATA_ACCESS.entrySet().stream().anyMatch(policy ->
                nameOrArn.equals(policy.getKey())
                        || nameOrArn.equals("arn:" + partition + ":iam::aws:policy/" + policy.getValue() + policy.getKey()));
        if (!accepted) {
            throw problem(resolver.template(), where, "managed policy '" + nameOrArn + "' is not one the test kit"
                    + " knows to grant no data access (it accepts " + new TreeSet<>(WITHOUT_DATA_ACCESS.keySet())
                    + "); write its statements inline or use a SAM policy template");
        }
    }
}
