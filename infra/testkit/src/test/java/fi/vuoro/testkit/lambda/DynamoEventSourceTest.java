package fi.vuoro.testkit.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynamoEventSourceTest {

    private static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.load(CloudFormationTemplate.locate());

    @TempDir
    Path dir;

    @Test
    void fromTemplate_shouldReadOutboxSenderStreamSettings_whenEventIsNewOutboxMessages() throws Exception {
        DynamoEventSource source = DynamoEventSource.fromTemplate(TEMPLATE, "OutboxSenderFunction", "NewOutboxMessages");

        assertEquals(DynamoEventSource.StartingPosition.LATEST, source.startingPosition());
        assertEquals(10, source.batchSize());
        assertEquals(1, source.filterCriteria().filters().size());
        assertTrue(source.filterCriteria().matches(EventFilterPattern.JSON.readTree(
                "{\"eventName\":\"INSERT\",\"dynamodb\":{\"NewImage\":{\"SK\":{\"S\":\"MSG\"}}}}")));
        assertFalse(source.filterCriteria().matches(EventFilterPattern.JSON.readTree(
                "{\"eventName\":\"INSERT\",\"dynamodb\":{\"NewImage\":{\"SK\":{\"S\":\"TICKET\"}}}}")));
    }

    @Test
    void fromTemplate_shouldUseLambdaDefaults_whenBatchSizeAndFiltersAreLeftOut() throws IOException {
        CloudFormationTemplate template = template("""
                Stream: !GetAtt Table.StreamArn
                StartingPosition: TRIM_HORIZON""");

        DynamoEventSource source = DynamoEventSource.fromTemplate(template, "Fn", "Changes");

        assertEquals(DynamoEventSource.StartingPosition.TRIM_HORIZON, source.startingPosition());
        assertEquals(DynamoEventSource.DEFAULT_BATCH_SIZE, source.batchSize());
        assertEquals(EventFilterCriteria.NONE, source.filterCriteria());
    }

    @Test
    void fromTemplate_shouldFail_whenEventIsNotDynamoDb() {
        Exception failure = assertThrows(IllegalArgumentException.class,
                () -> DynamoEventSource.fromTemplate(TEMPLATE, "OutboxSenderFunction", "EveryMinute"));

        assertTrue(failure.getMessage().contains("Schedule"), failure.getMessage());
    }

    @Test
    void fromTemplate_shouldFail_whenFunctionHasNoSuchEvent() {
        Exception failure = assertThrows(IllegalArgumentException.class,
                () -> DynamoEventSource.fromTemplate(TEMPLATE, "OutboxSenderFunction", "Missing"));

        assertTrue(failure.getMessage().contains("NewOutboxMessages"), failure.getMessage());
    }

    @Test
    void fromTemplate_shouldFail_whenPropertyChangesTheEventShape() throws IOException {
        CloudFormationTemplate template = template("""
                Stream: !GetAtt Table.StreamArn
                StartingPosition: LATEST
                TumblingWindowInSeconds: 60""");

        Exception failure = assertThrows(IllegalArgumentException.class,
                () -> DynamoEventSource.fromTemplate(template, "Fn", "Changes"));

        assertTrue(failure.getMessage().contains("TumblingWindowInSeconds"), failure.getMessage());
    }

    @Test
    void fromTemplate_shouldFail_whenStartingPositionIsForKinesisOnly() throws IOException {
        CloudFormationTemplate template = template("""
                Stream: !GetAtt Table.StreamArn
                StartingPosition: AT_TIMESTAMP""");

        assertThrows(IllegalArgumentException.class, () -> DynamoEventSource.fromTemplate(template, "Fn", "Changes"));
    }

    @Test
    void fromTemplate_shouldFail_whenFilterPatternIsUnsupported() throws IOException {
        CloudFormationTemplate template = template("""
                Stream: !GetAtt Table.StreamArn
                StartingPosition: LATEST
                FilterCriteria:
                  Filters:
                    - Pattern: '{"dynamodb":{"Keys":{"PK":{"S":[{"wildcard":"SITE#*"}]}}}}'""");

        Exception failure = assertThrows(IllegalArgumentException.class,
                () -> DynamoEventSource.fromTemplate(template, "Fn", "Changes"));

        assertTrue(failure.getMessage().contains("Filters[0].Pattern"), failure.getMessage());
    }

    @Test
    void constructor_shouldRejectBatchSize_whenOutsideLambdaLimits() {
        assertThrows(IllegalArgumentException.class,
                () -> new DynamoEventSource(DynamoEventSource.StartingPosition.LATEST, 0, EventFilterCriteria.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> new DynamoEventSource(DynamoEventSource.StartingPosition.LATEST, 10_001, EventFilterCriteria.NONE));
    }

    /** A template with one function Fn whose DynamoDB event Changes has these properties. */
    private CloudFormationTemplate template(String eventProperties) throws IOException {
        String indented = eventProperties.indent(12).stripTrailing();
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Handler
                      Events:
                        Changes:
                          Type: DynamoDB
                          Properties:
                """ + indented + "\n");
        return CloudFormationTemplate.load(file);
    }
}
