package fi.vuoro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TemplateTablesTest {

    /** DynamoDB Local looks for expired items in each table about every 11 s (a page, then 10 s of rest). */
    private static final Duration MACHINE_CLOCK_DELETION = Duration.ofSeconds(30);

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

    /** DynamoDB Local deletes expired items by the machine's clock, whatever clock the service runs on. */
    @Test
    void createAll_shouldHaveDynamoDbLocalDeleteAnItemExpiredByTheMachineClock() throws InterruptedException {
        TemplateTables.createAll(client, template);
        putExpiredAWeekAgo("QueueTable");

        assertTrue(deletedInTime("QueueTable"), "DynamoDB Local kept an item a week past its expiry");
    }

    /** A service on a clock of its own keeps its items: a test's day in the past is not expired by it. */
    @Test
    void createAllWithoutTimeToLive_shouldKeepAnItemExpiredByTheMachineClock() throws InterruptedException {
        TemplateTables.createAllWithoutTimeToLive(client, template);
        putExpiredAWeekAgo("QueueTable");
        // A table with time to live beside it: once its expired item is gone, DynamoDB Local has looked for some.
        client.createTable(request -> request.tableName("WitnessTable").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .attributeDefinitions(attribute("pk"), attribute("sk")));
        client.updateTimeToLive(request -> request.tableName("WitnessTable")
                .timeToLiveSpecification(ttl -> ttl.attributeName("expiresAt").enabled(true)));
        putExpiredAWeekAgo("WitnessTable");

        assertTrue(deletedInTime("WitnessTable"), "DynamoDB Local deleted nothing: what follows would prove nothing");
        assertEquals(TimeToLiveStatus.DISABLED, client.describeTimeToLive(request -> request.tableName("QueueTable"))
                .timeToLiveDescription().timeToLiveStatus());
        assertEquals("DESK#helsinki", expiredItem("QueueTable").get("pk").s());
    }

    /**
     * With every key attribute of the table's indexes too: DynamoDB Local deletes only items that carry all of
     * them (as an outbox message waiting in the due index does).
     */
    private static void putExpiredAWeekAgo(String table) {
        long aWeekAgo = Instant.now().minus(Duration.ofDays(7)).getEpochSecond();
        client.putItem(request -> request.tableName(table).item(Map.of(
                "pk", s("DESK#helsinki"), "sk", s("VISIT#0001"), "status", s("WAITING"), "joinedAt", n("1750000000"),
                "expiresAt", n(Long.toString(aWeekAgo)))));
    }

    private static boolean deletedInTime(String table) throws InterruptedException {
        Instant giveUp = Instant.now().plus(MACHINE_CLOCK_DELETION);
        while (!expiredItem(table).isEmpty() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
        return expiredItem(table).isEmpty();
    }

    private static Map<String, AttributeValue> expiredItem(String table) {
        return client.getItem(request -> request.tableName(table).consistentRead(true)
                .key(Map.of("pk", s("DESK#helsinki"), "sk", s("VISIT#0001")))).item();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
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
