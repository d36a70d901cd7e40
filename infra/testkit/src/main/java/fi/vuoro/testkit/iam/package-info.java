/**
 * What each Lambda function's IAM role allows, read from {@code template.yaml} alone, so tests can compare it
 * with the AWS calls the function really makes.
 *
 * <p>Deployment-only values (region, account, physical ids) come from a {@link fi.vuoro.testkit.iam.TemplateContext};
 * {@link fi.vuoro.testkit.iam.TemplateResolver} evaluates intrinsics with it;
 * {@link fi.vuoro.testkit.iam.FunctionPolicies} and {@link fi.vuoro.testkit.iam.FunctionEnvironment} read one
 * function; {@link fi.vuoro.testkit.iam.IamPolicyCheck} answers what the statements allow. Whatever cannot be
 * evaluated exactly fails with its location instead of being guessed, because a guessed grant would make the
 * comparison pass or fail for the wrong reason.
 */
package fi.vuoro.testkit.iam;
