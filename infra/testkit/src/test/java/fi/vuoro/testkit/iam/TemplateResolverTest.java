package fi.vuoro.testkit.iam;

import static fi.vuoro.testkit.iam.IamTestTemplates.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateResolverTest {

    private static final String TABLE_ARN = "arn:aws:dynamodb:eu-north-1:123456789012:table/OrdersTable";

    private final CloudFormationTemplate template = IamTestTemplates.load("iam-intrinsics.yaml");
    private final TemplateResolver resolver = new TemplateResolver(template, TemplateContext.defaults());

    @Test
    void string_shouldGiveTestDeploymentValues_whenPseudoParametersAreReferenced() {
        assertEquals("eu-north-1", resolve("Region"));
        assertEquals("aws|eu-north-1|123456789012|vuoro|amazonaws.com", resolve("Pseudo"));
    }

    @Test
    void string_shouldUseTheContextsRegionAccountAndStack_whenOverridden() {
        TemplateResolver stockholmElsewhere = new TemplateResolver(template, TemplateContext.defaults()
                .withRegion("eu-west-1").withAccountId("210987654321").withStackName("vuoro-test"));

        assertEquals("aws|eu-west-1|210987654321|vuoro-test|amazonaws.com",
                stockholmElsewhere.string(output(template, "Pseudo"), "Outputs.Pseudo.Value"));
    }

    @Test
    void string_shouldGiveParameterDefault_whenTheContextGivesNoValue() {
        assertEquals("dev", resolve("StageDefault"));
        assertEquals("48", resolve("Retention"));
    }

    @Test
    void string_shouldGiveContextValue_whenParameterIsOverridden() {
        TemplateResolver prod = new TemplateResolver(template, TemplateContext.defaults()
                .withParameter("Stage", "prod").withParameter("ApiKey", "k-1"));

        assertEquals("prod", prod.string(output(template, "StageDefault"), "Outputs.StageDefault.Value"));
        assertEquals("k-1", prod.string(output(template, "MissingDefault"), "Outputs.MissingDefault.Value"));
    }

    @Test
    void string_shouldFailNamingTheParameter_whenItHasNoDefaultAndNoValue() {
        assertFailure("MissingDefault", "ApiKey", "withParameter");
    }

    @Test
    void string_shouldFail_whenParameterValueBreaksItsConstraints() {
        CloudFormationTemplate t = template;
        Exception notAllowed = assertThrows(IllegalArgumentException.class, () ->
                new TemplateResolver(t, TemplateContext.defaults().withParameter("Stage", "test"))
                        .string(output(t, "StageDefault"), "Outputs.StageDefault.Value"));
        Exception tooLarge = assertThrows(IllegalArgumentException.class, () ->
                new TemplateResolver(t, TemplateContext.defaults().withParameter("RetentionHours", "721"))
                        .string(output(t, "Retention"), "Outputs.Retention.Value"));
        Exception badPattern = assertThrows(IllegalArgumentException.class, () ->
                new TemplateResolver(t, TemplateContext.defaults().withParameter("SecretName", "no-slash"))
                        .string(output(t, "SubWithVariables"), "Outputs.SubWithVariables.Value"));

        assertTrue(notAllowed.getMessage().contains("AllowedValues"), notAllowed.getMessage());
        assertTrue(tooLarge.getMessage().contains("MaxValue"), tooLarge.getMessage());
        assertTrue(badPattern.getMessage().contains("AllowedPattern"), badPattern.getMessage());
    }

    @Test
    void string_shouldGiveLogicalIdForTableRef_evenWhenTheTableDeclaresAName() {
        assertEquals("OrdersTable", resolve("TableName"));
    }

    @Test
    void string_shouldGivePhysicalIdFromContext_whenOverridden() {
        TemplateResolver deployed = new TemplateResolver(template,
                TemplateContext.defaults().withPhysicalId("OrdersTable", "orders-dev"));

        assertEquals("arn:aws:dynamodb:eu-north-1:123456789012:table/orders-dev",
                deployed.string(output(template, "TableArn"), "Outputs.TableArn.Value"));
    }

    @Test
    void string_shouldGiveTableArns_whenGetAttNamesArnOrStreamArn() {
        assertEquals(TABLE_ARN, resolve("TableArn"));
        assertEquals(TABLE_ARN, resolve("TableArnLongForm"));
        assertEquals(TABLE_ARN + "/stream/2026-01-01T00:00:00.000", resolve("StreamArn"));
    }

    @Test
    void string_shouldFail_whenTableHasNoStream() {
        assertFailure("NoStreamArn", "AuditTable has no StreamSpecification");
    }

    @Test
    void string_shouldGiveFixedCognitoAndApiIds_whenTheirRefsAreResolved() {
        assertEquals("eu-north-1_TestPool0", resolve("PoolId"));
        assertEquals("arn:aws:cognito-idp:eu-north-1:123456789012:userpool/eu-north-1_TestPool0", resolve("PoolArn"));
        assertEquals(TemplateContext.USER_POOL_CLIENT_ID, resolve("PoolClientId"));
        assertEquals("https://test0httpa.execute-api.eu-north-1.amazonaws.com/", resolve("ApiUrl"));
    }

    @Test
    void string_shouldGiveLogGroupNameAndArn_fromItsDeclaredName() {
        assertEquals("/aws/lambda/vuoro-orders", resolve("LogGroupName"));
        assertEquals("arn:aws:logs:eu-north-1:123456789012:log-group:/aws/lambda/vuoro-orders:*",
                resolve("LogGroupArn"));
    }

    @Test
    void string_shouldFailWithLocation_whenPhysicalNameIsGeneratedByCloudFormation() {
        assertFailure("UnnamedLogGroupName", "UnnamedLogGroup declares no LogGroupName");
        assertFailure("TopicName", "AWS::SNS::Topic", "withPhysicalId");
    }

    @Test
    void string_shouldFailWithLocation_whenAttributeOrRefIsUnknown() {
        assertFailure("UnknownAttribute", "Fn::GetAtt OrdersTable.LatestStreamLabel");
        assertFailure("UnknownRef", "NoSuchThing");
    }

    @Test
    void string_shouldSubstituteAttributesLiteralsAndVariables_whenSubIsUsed() {
        assertEquals(TABLE_ARN + "/index/*", resolve("SubWithAttribute"));
        assertEquals("${Literal}-dev", resolve("SubLiteral"));
        assertEquals("arn:aws:ssm:eu-north-1:123456789012:parameter/shop/secret/dev", resolve("SubWithVariables"));
    }

    @Test
    void string_shouldFail_whenSubIsUnclosed() {
        assertFailure("SubUnclosed", "unclosed");
    }

    @Test
    void string_shouldJoinSelectAndSplit_whenListFunctionsAreNested() {
        assertEquals("dev/" + TABLE_ARN + "/7", resolve("Joined"));
        assertEquals("2026-01-01T00:00:00.000", resolve("Selected"));
        assertEquals("b", resolve("SelectedZone"));
        assertFailure("SelectedOutOfRange", "out of range");
    }

    @Test
    void string_shouldFailWithLocation_whenConditionsOrMappingsAreNeeded() {
        assertFailure("Conditional", "Fn::If is not evaluated");
        assertFailure("FromMap", "Fn::FindInMap is not evaluated");
        assertFailure("NoValue", "AWS::NoValue");
    }

    @Test
    void strings_shouldGiveOneElementOrEach_whenValueIsAStringOrAList() {
        assertEquals(List.of(TABLE_ARN), resolver.strings(output(template, "TableArn"), "here"));
        assertEquals(List.of("dev", TABLE_ARN),
                resolver.strings(List.of(Map.of("Ref", "Stage"), Map.of("Fn::GetAtt", List.of("OrdersTable", "Arn"))),
                        "here"));
        assertEquals(List.of("a", "b", "c"), resolver.strings(Map.of("Ref", "Zones"), "here"));
    }

    private String resolve(String outputName) {
        return resolver.string(output(template, outputName), "Outputs." + outputName + ".Value");
    }

    private void assertFailure(String outputName, String... expectedInMessage) {
        Exception failure = assertThrows(IllegalArgumentException.class, () -> resolve(outputName));
        String message = failure.getMessage();
        assertTrue(message.contains("Outputs." + outputName + ".Value"), message);
        assertTrue(message.contains(template.path().toString()), message);
        for (String expected : expectedInMessage) {
            assertTrue(message.contains(expected), message);
        }
    }
}
