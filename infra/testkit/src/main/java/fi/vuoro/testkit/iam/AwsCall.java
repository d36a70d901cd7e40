package fi.vuoro.testkit.iam;

import java.util.regex.Pattern;

/**
 * One request a function made, as IAM authorises it: the action and the resource ARN it acts on (for
 * example {@code dynamodb:Query} on {@code arn:aws:dynamodb:eu-north-1:123456789012:table/VuoroTable/index/GSI1}).
 * Actions without resource-level permissions take {@code *} as their resource.
 */
public record AwsCall(String action, String resourceArn) {

    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9]+");

    public AwsCall {
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("'" + action + "' is not a concrete IAM action (service:Action)");
        }
        if (resourceArn == null || (!resourceArn.equals("*") && (!resourceArn.startsWith("arn:")
                || resourceArn.contains("*") || resourceArn.contains("?")))) {
            throw new IllegalArgumentException("'" + resourceArn + "' is not a concrete resource ARN (nor *)");
        }
    }
}
