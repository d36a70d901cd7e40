package fi.vuoro.testkit.iam;

import static fi.vuoro.testkit.iam.IamTestTemplates.TWILIO_ACCOUNT_SID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionEnvironmentTest {

    private final CloudFormationTemplate synthetic = IamTestTemplates.load("iam-intrinsics.yaml");
    private final CloudFormationTemplate project = IamTestTemplates.project();
    private final TemplateResolver projectResolver = new TemplateResolver(project,
            TemplateContext.defaults().withParameter("TwilioAccountSid", TWILIO_ACCOUNT_SID));

    @Test
    void of_shouldLetTheFunctionWin_whenGlobalsDeclareTheSameVariable() {
        Map<String, String> environment = FunctionEnvironment.of(synthetic, "OrdersFunction",
                new TemplateResolver(synthetic, TemplateContext.defaults()));

        assertEquals("from-function", environment.get("STAGE"));
        assertEquals("OrdersTable", environment.get("TABLE"));
        assertEquals(List.of("TABLE", "STAGE", "RETENTION", "LOG_LEVEL", "BATCH_SIZE", "RATIO", "ENABLED", "POOL_ARN"),
                List.copyOf(environment.keySet()));
    }

    @Test
    void of_shouldGiveEveryValueAsAString_whenDeclaredAsNumberOrBoolean() {
        Map<String, String> environment = FunctionEnvironment.of(synthetic, "OrdersFunction",
                new TemplateResolver(synthetic, TemplateContext.defaults()));

        assertEquals("48", environment.get("RETENTION"));
        assertEquals("25", environment.get("BATCH_SIZE"));
        assertEquals("0.5", environment.get("RATIO"));
        assertEquals("true", environment.get("ENABLED"));
        assertEquals("arn:aws:cognito-idp:eu-north-1:123456789012:userpool/eu-north-1_TestPool0",
                environment.get("POOL_ARN"));
    }

    @Test
    void of_shouldGiveGlobalsOnly_whenTheFunctionDeclaresNoEnvironment() {
        Map<String, String> environment = FunctionEnvironment.of(synthetic, "BareFunction",
                new TemplateResolver(synthetic, TemplateContext.defaults()));

        assertEquals(Map.of("TABLE", "OrdersTable", "STAGE", "dev", "RETENTION", "48", "LOG_LEVEL", "INFO"),
                environment);
    }

    @Test
    void of_shouldMergeProjectGlobalsWithTheWebhooksOwnVariables() {
        Map<String, String> environment = FunctionEnvironment.of(project, "SmsWebhookFunction", projectResolver);

        assertEquals("VuoroTable", environment.get("VUORO_TABLE_NAME"));
        assertEquals("", environment.get("VUORO_PUBLIC_BASE_URL"));
        assertEquals("/vuoro/twilio-auth-token", environment.get("VUORO_TWILIO_AUTH_TOKEN_PARAMETER"));
        assertEquals(null, environment.get("VUORO_TWILIO_ACCOUNT_SID"), "the webhook sends nothing itself");
        assertEquals("48", environment.get("VUORO_RETENTION_HOURS"));
        assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1", environment.get("JAVA_TOOL_OPTIONS"));
        assertEquals("sms-webhook", environment.get("VUORO_SERVICE"));
    }

    @Test
    void of_shouldResolveTheStaffApisCognitoSettings_toTheTestPoolAndClient() {
        Map<String, String> environment = FunctionEnvironment.of(project, "StaffApiFunction", projectResolver);

        assertEquals("https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_TestPool0/.well-known/jwks.json",
                environment.get("VUORO_STAFF_JWKS_URL"));
        assertEquals("https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_TestPool0",
                environment.get("VUORO_STAFF_TOKEN_ISSUER"));
        assertEquals(TemplateContext.USER_POOL_CLIENT_ID, environment.get("VUORO_STAFF_CLIENT_ID"));
        assertEquals("staff-api", environment.get("VUORO_SERVICE"));
    }

    @Test
    void of_shouldFailNamingTheVariable_whenARequiredParameterHasNoValue() {
        TemplateResolver withoutSid = new TemplateResolver(project, TemplateContext.defaults());

        Exception failure = assertThrows(IllegalArgumentException.class,
                () -> FunctionEnvironment.of(project, "OutboxSenderFunction", withoutSid));

        assertTrue(failure.getMessage().contains("Environment.Variables.VUORO_TWILIO_ACCOUNT_SID"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("TwilioAccountSid"), failure.getMessage());
    }

    @Test
    void of_shouldFail_whenTheLogicalIdIsNotAServerlessFunction() {
        TemplateResolver resolver = new TemplateResolver(synthetic, TemplateContext.defaults());

        Exception table = assertThrows(IllegalArgumentException.class,
                () -> FunctionEnvironment.of(synthetic, "OrdersTable", resolver));
        Exception missing = assertThrows(IllegalArgumentException.class,
                () -> FunctionEnvironment.of(synthetic, "NoSuchFunction", resolver));

        assertTrue(table.getMessage().contains("AWS::DynamoDB::Table"), table.getMessage());
        assertTrue(missing.getMessage().contains("OrdersFunction"), missing.getMessage());
    }
}
