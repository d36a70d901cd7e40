package fi.vuoro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TemplateTablesTest {

    private static DynamoDbLocalServer server;
    private static DynamoDbClient client;
    private final CloudFormationTemplate template = TestTemplates.load("queue-service.yaml");

    @BeforeAll
    static void startDynamoDb() {
        server = DynamoDbLocalServer.start();
        client = server.client();
    }

    @AfterAll
    static void stopDynamoDb() {
        server.close();
    }

    @BeforeEach
    void dropTables() {
        client.listTables().tableNames().forEach(name -> client.deleteTable(request -> request.tableName(name)));
    }

    @Test
    void createAll_shouldCreateEveryTableNamedByLogicalId() {
        List<String> created = TemplateTables.createAll(client, template);

        assertEquals(List.of("QueueTable", "FeedbackTable"), created);
        assertEquals(List.of("FeedbackTable", "QueueTable"), client.listTables().tableNames());
    }

    @Test
    void createAll_shouldCreateTableThatAcceptsPutGetAndIndexQuery() {
        TemplateTables.createAll(client, template);
        client.putItem(request -> request.tableName("QueueTable").item(Map.of(
                "pk", s("DESK#helsinki"), "sk", s("VISIT#0001"), "status", s("WAITING"),
                "joinedAt", n("1750000000"), "phone", s("+358401234567"), "language", s("ar"),
                "notes", s("not projected"))));

        Map<String, AttributeValue> item = client.getItem(request -> request.tableName("QueueTable")
                .key(Map.of("pk", s("DESK#helsinki"), "sk", s("VISIT#0001")))).item();
        QueryResponse waiting = client.query(request -> request.tableName("QueueTable").indexName("ByStatus")
                .keyConditionExpression("#status = :waiting")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":waiting", s("WAITING"))));

        assertEquals("ar", item.get("language").s());
        assertEquals(1, waiting.count());
        assertEquals("+358401234567", waiting.items().get(0).get("phone").s());
        assertTrue(!waiting.items().get(0).containsKey("notes"), "INCLUDE projection must leave other attributes out");
    }

    @Test
    void createAll_shouldBeNoOpWhenTablesAlreadyExist() {
        TemplateTables.createAll(client, template);
        client.putItem(request -> request.tableName("FeedbackTable")
                .item(Map.of("visitId", s("v1"), "day", s("2025-06-05"))));

        List<String> createdAgain = TemplateTables.createAll(client, template);

        assertTrue(createdAgain.isEmpty());
        assertEquals(1, client.scan(request -> request.tableName("FeedbackTable")).count());
    }

    @Test
    void createAll_shouldEnableTimeToLiveAndStreamAsDeclared() {
        TemplateTables.createAll(client, template);

        TimeToLiveDescription ttl = client.describeTimeToLive(request -> request.tableName("QueueTable"))
                .timeToLiveDescription();
        TableDescription queue = describe("QueueTable");

        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals("expiresAt", ttl.attributeName());
        assertTrue(queue.streamSpecification().streamEnabled());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, queue.streamSpecification().streamViewType());
        assertEquals(BillingMode.PAY_PER_REQUEST, queue.billingModeSummary().billingMode());
        assertEquals(ProjectionType.INCLUDE, queue.globalSecondaryIndexes().get(0).projection().projectionType());
    }

    @Test
    void createAll_shouldGiveProvisionedTablesAndIndexesTheirThroughput() {
        TemplateTables.createAll(client, template);

        TableDescription feedback = describe("FeedbackTable");

        assertEquals(2L, feedback.provisionedThroughput().readCapacityUnits());
        assertEquals(1L, feedback.globalSecondaryIndexes().get(0).provisionedThroughput().writeCapacityUnits());
    }

    @Test
    void createAll_shouldRejectTableSettingDecidedByCondition() {
        CloudFormationTemplate conditional = TestTemplates.load("billing-mode-from-condition.yaml");

        Exception failure = assertThrows(IllegalArgumentException.class,
                () -> TemplateTables.createAll(client, conditional));

        assertTrue(failure.getMessage().contains("VisitsTable.Properties.BillingMode"), failure.getMessage());
        assertTrue(client.listTables().tableNames().isEmpty());
    }

    @Test
    void createAll_shouldRejectPropertyItCannotReproduce() {
        CloudFormationTemplate kinesis = TestTemplates.load("table-with-kinesis-stream.yaml");

        Exception failure = assertThrows(IllegalArgumentException.class, () -> TemplateTables.createAll(client, kinesis));

        assertTrue(failure.getMessage().contains("KinesisStreamSpecification"), failure.getMessage());
    }

    private static TableDescription describe(String table) {
        return client.describeTable(request -> request.tableName(table)).table();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
