package fi.vuoro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudFormationTemplateTest {

    private final CloudFormationTemplate template = TestTemplates.load("queue-service.yaml");

    @Test
    void load_shouldKeepShortFormRefAsLongFormMap() {
        Map<String, Object> variables = nested(template.globals(), "Function", "Environment", "Variables");

        assertEquals(Map.of("Ref", "QueueTable"), variables.get("QUEUE_TABLE"));
        assertEquals(Map.of("Ref", "Stage"), variables.get("STAGE"));
    }

    @Test
    void load_shouldSplitScalarGetAttIntoResourceAndAttribute() {
        Map<String, Object> notifier = template.resourcesOfType("AWS::Serverless::Function")
                .get("QueueNotifierFunction").properties();
        Map<String, Object> streamEvent = nested(notifier, "Events", "QueueChanges", "Properties");

        assertEquals(Map.of("Fn::GetAtt", List.of("QueueTable", "StreamArn")), streamEvent.get("Stream"));
    }

    @Test
    void load_shouldReadSequenceGetAttLikeTheScalarForm() {
        Map<String, Object> output = nested(template.outputs(), "QueueTableArn");

        assertEquals(Map.of("Fn::GetAtt", List.of("QueueTable", "Arn")), output.get("Value"));
    }

    @Test
    void load_shouldKeepNestedIntrinsicsInsideSequences() {
        Map<String, Object> output = nested(template.outputs(), "QueueTableStreamLabel");

        assertEquals(Map.of("Fn::Select", List.of(2,
                        Map.of("Fn::Split", List.of("/", Map.of("Fn::GetAtt", List.of("QueueTable", "StreamArn")))))),
                output.get("Value"));
    }

    @Test
    void load_shouldKeepSubAndConditionFunctions() {
        Map<String, Object> feedback = template.resourcesOfType("AWS::DynamoDB::Table").get("FeedbackTable").properties();
        Map<String, Object> pitr = nested(template.resourcesOfType("AWS::DynamoDB::Table").get("QueueTable").properties(),
                "PointInTimeRecoverySpecification");

        assertEquals(Map.of("Fn::Sub", "vuoro-feedback-${Stage}"), feedback.get("TableName"));
        assertEquals(Map.of("Fn::If", List.of("IsProd", true, false)), pitr.get("PointInTimeRecoveryEnabled"));
    }

    @Test
    void load_shouldKeepUnquotedPolicyVersionAsString() {
        Map<String, Object> webhook = template.resourcesOfType("AWS::Serverless::Function")
                .get("SmsWebhookFunction").properties();
        List<?> policies = (List<?>) webhook.get("Policies");

        assertEquals("2012-10-17", ((Map<?, ?>) policies.get(1)).get("Version"));
    }

    @Test
    void resourcesOfType_shouldListFunctionsWithHandlerAndCodeUriInDeclarationOrder() {
        Map<String, CloudFormationTemplate.Resource> functions = template.resourcesOfType("AWS::Serverless::Function");

        assertEquals(List.of("SmsWebhookFunction", "QueueNotifierFunction"), List.copyOf(functions.keySet()));
        CloudFormationTemplate.Resource webhook = functions.get("SmsWebhookFunction");
        assertEquals("AWS::Serverless::Function", webhook.type());
        assertEquals("fi.vuoro.sms.SmsWebhookHandler::handleRequest", webhook.properties().get("Handler"));
        assertEquals("functions/sms-webhook", webhook.properties().get("CodeUri"));
    }

    @Test
    void globalsAndParameters_shouldExposeTheirSections() {
        assertEquals("java21", nested(template.globals(), "Function").get("Runtime"));
        assertEquals("dev", nested(template.parameters(), "Stage").get("Default"));
    }

    @Test
    void globals_shouldBeEmptyWhenTemplateHasNone() {
        assertTrue(TestTemplates.load("table-with-kinesis-stream.yaml").globals().isEmpty());
    }

    @Test
    void load_shouldFailOnUnknownTag() {
        Exception failure = assertThrows(IllegalArgumentException.class, () -> TestTemplates.load("unknown-tag.yaml"));

        assertTrue(failure.getMessage().contains("!Unknown"), failure.getMessage());
    }

    @Test
    void locateFrom_shouldFindTemplateInFirstAncestorThatAlsoHasPom(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("template.yaml"), "Resources: {}\n");
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Path module = Files.createDirectories(root.resolve("functions/sms-webhook"));
        // A template without a pom beside it is not the project's template.
        Files.writeString(root.resolve("functions/template.yaml"), "Resources: {}\n");

        assertEquals(root.resolve("template.yaml"), CloudFormationTemplate.locateFrom(module));
    }

    @Test
    void locateFrom_shouldExplainWhereItSearched(@TempDir Path root) {
        Exception failure = assertThrows(IllegalStateException.class, () -> CloudFormationTemplate.locateFrom(root));

        assertTrue(failure.getMessage().contains(root.toString()), failure.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> map, String... keys) {
        Map<String, Object> current = map;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }
}
