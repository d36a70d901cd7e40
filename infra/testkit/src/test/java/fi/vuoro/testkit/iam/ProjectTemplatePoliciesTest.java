package fi.vuoro.testkit.iam;

import static fi.vuoro.testkit.iam.IamPolicyCheck.allows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the project's own template grants each function, as the later comparison with real calls will see it. */
class ProjectTemplatePoliciesTest {

    private static final List<String> FUNCTIONS =
            List.of("SmsWebhookFunction", "StaffApiFunction", "OutboxSenderFunction", "NoShowSweepFunction",
                    "InterpreterWavesFunction", "FeedbackFunction");
    private static final String TABLE = "arn:aws:dynamodb:eu-north-1:123456789012:table/VuoroTable";
    private static final String INDEX = TABLE + "/index/GSI1";
    private static final String PARAMETERS = "arn:aws:ssm:eu-north-1:123456789012:parameter/vuoro/";

    private final CloudFormationTemplate template = IamTestTemplates.project();
    private final TemplateResolver resolver = new TemplateResolver(template, TemplateContext.defaults());

    @Test
    void of_shouldResolveEveryFunctionsPolicies_whenReadFromTheProjectTemplate() {
        assertEquals(Set.copyOf(FUNCTIONS), template.resourcesOfType("AWS::Serverless::Function").keySet());
        for (String function : FUNCTIONS) {
            assertFalse(policies(function).isEmpty(), function);
        }
    }

    @Test
    void of_shouldLetTheWebhookQueryTheTable_andTheOutboxIndex_forErasure() {
        List<IamStatement> webhook = policies("SmsWebhookFunction");

        assertTrue(allows(webhook, "dynamodb:Query", TABLE));
        assertTrue(allows(webhook, "dynamodb:Query", INDEX));
        assertFalse(allows(webhook, "dynamodb:BatchWriteItem", TABLE));
    }

    @Test
    void of_shouldLetOnlyTheWebhookAndTheOutboxSenderQueryTheOutboxIndex() {
        assertTrue(allows(policies("OutboxSenderFunction"), "dynamodb:Query", INDEX));
        assertFalse(allows(policies("StaffApiFunction"), "dynamodb:Query", INDEX));
        assertFalse(allows(policies("NoShowSweepFunction"), "dynamodb:Query", INDEX));
        assertFalse(allows(policies("InterpreterWavesFunction"), "dynamodb:Query", INDEX));
        assertFalse(allows(policies("FeedbackFunction"), "dynamodb:Query", INDEX));
    }

    @Test
    void of_shouldLetEachFunctionReadExactlyTheSecretsItUses() {
        Map<String, Set<String>> secrets = Map.of(
                "SmsWebhookFunction", Set.of("twilio-auth-token", "phone-hash-key", "phone-encryption-key"),
                "StaffApiFunction", Set.of("phone-hash-key", "phone-encryption-key"),
                "OutboxSenderFunction", Set.of("twilio-auth-token", "phone-encryption-key"),
                "NoShowSweepFunction", Set.of(),
                "InterpreterWavesFunction", Set.of(),
                "FeedbackFunction", Set.of("phone-hash-key"));
        for (String function : FUNCTIONS) {
            List<IamStatement> statements = policies(function);
            for (String secret : List.of("twilio-auth-token", "phone-hash-key", "phone-encryption-key", "other")) {
                assertEquals(secrets.get(function).contains(secret),
                        allows(statements, "ssm:GetParameter", PARAMETERS + secret), function + " " + secret);
            }
            assertFalse(allows(statements, "ssm:GetParameters", PARAMETERS + "twilio-auth-token"), function);
        }
    }

    @Test
    void of_shouldGiveNoFunctionScan() {
        for (String function : FUNCTIONS) {
            assertFalse(allows(policies(function), "dynamodb:Scan", TABLE), function);
        }
    }

    @Test
    void of_shouldResolveSecretArnsFromTheContextsParameterValues_whenOverridden() {
        TemplateResolver renamed = new TemplateResolver(template,
                TemplateContext.defaults().withParameter("TwilioAuthTokenParameter", "/vuoro-test/twilio"));

        List<IamStatement> webhook = FunctionPolicies.of(template, "SmsWebhookFunction", renamed);

        assertTrue(allows(webhook, "ssm:GetParameter", "arn:aws:ssm:eu-north-1:123456789012:parameter/vuoro-test/twilio"));
        assertFalse(allows(webhook, "ssm:GetParameter", PARAMETERS + "twilio-auth-token"));
    }

    @Test
    void unused_shouldReportTheWebhooksGrantsThatNoCallNeeded() {
        List<AwsCall> calls = List.of(
                new AwsCall("dynamodb:BatchGetItem", TABLE),
                new AwsCall("dynamodb:GetItem", TABLE),
                new AwsCall("dynamodb:Query", TABLE),
                new AwsCall("dynamodb:PutItem", TABLE),
                new AwsCall("dynamodb:UpdateItem", TABLE),
                new AwsCall("dynamodb:Query", INDEX),
                new AwsCall("ssm:GetParameter", PARAMETERS + "twilio-auth-token"),
                new AwsCall("ssm:GetParameter", PARAMETERS + "phone-hash-key"),
                new AwsCall("ssm:GetParameter", PARAMETERS + "phone-encryption-key"));

        List<IamGrant> unused = IamPolicyCheck.unused(policies("SmsWebhookFunction"), calls);

        assertEquals(1, unused.size(), unused.toString());
        assertEquals("dynamodb:DeleteItem", unused.get(0).action());
        assertEquals(TABLE, unused.get(0).resource());
        assertTrue(unused.get(0).source().contains("SmsWebhookFunction.Properties.Policies[0].Statement[0]"
                + " (QueueTableItems)"), unused.get(0).source());
    }

    private List<IamStatement> policies(String function) {
        return FunctionPolicies.of(template, function, resolver);
    }
}
