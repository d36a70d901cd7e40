package fi.vuoro.testkit.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.TemplateTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stream events from DynamoDB Local with the real template's table, stream and outbox sender event source. */
class DynamoStreamEventsTest {

    private static final String TABLE = "VuoroTable";
    private static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.load(CloudFormationTemplate.locate());

    private static DynamoDbLocalServer server;
    private static DynamoDbClient client;

    @BeforeAll
    static void startDynamoDb() {
        server = DynamoDbLocalServer.start();
        client = server.client();
        TemplateTables.createAll(client, TEMPLATE);
    }

    @AfterAll
    static void stopDynamoDb() {
        server.close();
    }

    @Test
    void nextBatches_shouldDeliverOneRecordInLambdasShape_whenOutboxMessageIsInserted() throws IOException {
        Instant before = Instant.now();
        try (DynamoStreamEvents events = outboxSenderEvents()) {
            String pk = putOutboxMessage();

            List<String> batches = events.nextBatches();

            assertEquals(1, batches.size());
            JsonNode records = json(batches.get(0)).get("Records");
            assertEquals(1, records.size());
            JsonNode record = records.get(0);
            assertEquals("INSERT", record.get("eventName").asText());
            assertEquals("1.1", record.get("eventVersion").asText());
            assertEquals("aws:dynamodb", record.get("eventSource").asText());
            assertEquals("eu-north-1", record.get("awsRegion").asText());
            assertTrue(record.get("eventID").asText().length() > 0);
            String arn = record.get("eventSourceARN").asText();
            assertTrue(arn.matches("arn:aws:dynamodb:eu-north-1:\\d{12}:table/VuoroTable/stream/.+"), arn);
            assertEquals(events.streamArn(), arn);
            JsonNode change = record.get("dynamodb");
            assertEquals(pk, change.at("/Keys/PK/S").asText());
            assertEquals("MSG", change.at("/Keys/SK/S").asText());
            assertEquals("MSG", change.at("/NewImage/SK/S").asText());
            assertEquals("OUTBOX#DUE", change.at("/NewImage/GSI1PK/S").asText());
            assertEquals("NEW_IMAGE", change.get("StreamViewType").asText());
            assertTrue(change.get("SequenceNumber").isTextual());
            assertTrue(change.get("SizeBytes").isIntegralNumber());
            // Epoch seconds; DynamoDB Local rounds it down to the minute.
            long created = change.get("ApproximateCreationDateTime").asLong();
            assertTrue(created >= before.truncatedTo(ChronoUnit.MINUTES).getEpochSecond()
                    && created <= Instant.now().getEpochSecond(), "created " + created);
        }
    }

    @Test
    void nextBatches_shouldDeliverNothing_whenItemHasAnotherSortKey() {
        try (DynamoStreamEvents events = outboxSenderEvents(); DynamoStreamEvents everything = unfiltered()) {
            put(Map.of("PK", s("TICKET#" + UUID.randomUUID()), "SK", s("TICKET")));

            assertEquals(List.of(), events.nextBatches());
            assertEquals(1, everything.nextBatches().size(), "the stream did carry the record");
        }
    }

    @Test
    void nextBatches_shouldDeliverNothing_whenOutboxMessageIsModified() {
        String pk = putOutboxMessage();
        try (DynamoStreamEvents events = outboxSenderEvents(); DynamoStreamEvents everything = unfiltered()) {
            client.updateItem(request -> request.tableName(TABLE)
                    .key(Map.of("PK", s(pk), "SK", s("MSG")))
                    .updateExpression("SET attempts = :one")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));

            assertEquals(List.of(), events.nextBatches());
            List<String> all = everything.nextBatches();
            assertEquals(1, all.size());
            assertEquals("MODIFY", json(all.get(0)).at("/Records/0/eventName").asText());
        }
    }

    @Test
    void nextBatches_shouldSkipRecordsWrittenBeforeItOpened_whenStartingPositionIsLatest() {
        putOutboxMessage();
        try (DynamoStreamEvents events = outboxSenderEvents()) {
            String later = putOutboxMessage();

            assertEquals(List.of(later), partitionKeys(events.nextBatches()));
        }
    }

    @Test
    void nextBatches_shouldIncludeRecordsWrittenBeforeItOpened_whenStartingPositionIsTrimHorizon() {
        String earlier = putOutboxMessage();
        DynamoEventSource fromStart = new DynamoEventSource(
                DynamoEventSource.StartingPosition.TRIM_HORIZON, DynamoEventSource.MAX_BATCH_SIZE, EventFilterCriteria.NONE);
        try (DynamoStreamEvents events = DynamoStreamEvents.open(server.endpoint(), TABLE, fromStart)) {
            assertTrue(partitionKeys(events.nextBatches()).contains(earlier));
        }
    }

    @Test
    void nextBatches_shouldReturnOnlyNewRecords_whenCalledAgain() {
        try (DynamoStreamEvents events = outboxSenderEvents()) {
            String first = putOutboxMessage();
            assertEquals(List.of(first), partitionKeys(events.nextBatches()));

            assertEquals(List.of(), events.nextBatches());

            String second = putOutboxMessage();
            assertEquals(List.of(second), partitionKeys(events.nextBatches()));
        }
    }

    @Test
    void nextBatches_shouldSplitRecordsInOrderIntoBatchesOfTheTemplatesBatchSize_whenManyArrive() {
        try (DynamoStreamEvents events = outboxSenderEvents()) {
            List<String> written = new ArrayList<>();
            for (int i = 0; i < 23; i++) {
                written.add(putOutboxMessage());
                put(Map.of("PK", s("TICKET#" + i + "-" + UUID.randomUUID()), "SK", s("TICKET")));
            }

            List<String> batches = events.nextBatches();

            assertEquals(List.of(10, 10, 3), batches.stream().map(batch -> json(batch).get("Records").size()).toList());
            assertEquals(written, partitionKeys(batches));
        }
    }

    @Test
    void nextBatches_shouldWriteEveryAttributeTypeInDynamoDbJson_whenItemHoldsThemAll() {
        try (DynamoStreamEvents events = unfiltered()) {
            String pk = "TYPES#" + UUID.randomUUID();
            put(Map.of(
                    "PK", s(pk),
                    "SK", s("ALL"),
                    "number", AttributeValue.fromN("1.5"),
                    "binary", AttributeValue.fromB(SdkBytes.fromString("hi", StandardCharsets.UTF_8)),
                    "flag", AttributeValue.fromBool(false),
                    "nothing", AttributeValue.fromNul(true),
                    "names", AttributeValue.fromSs(List.of("a")),
                    "numbers", AttributeValue.fromNs(List.of("7")),
                    "blobs", AttributeValue.fromBs(List.of(SdkBytes.fromString("yo", StandardCharsets.UTF_8))),
                    "nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(s("x"), AttributeValue.fromN("2")))))));

            JsonNode image = json(events.nextBatches().get(0)).at("/Records/0/dynamodb/NewImage");

            assertEquals(json("""
                    {"PK":{"S":"%s"},"SK":{"S":"ALL"},"number":{"N":"1.5"},"binary":{"B":"aGk="},
                     "flag":{"BOOL":false},"nothing":{"NULL":true},"names":{"SS":["a"]},"numbers":{"NS":["7"]},
                     "blobs":{"BS":["eW8="]},"nested":{"M":{"list":{"L":[{"S":"x"},{"N":"2"}]}}}}
                    """.formatted(pk)), image);
        }
    }

    @Test
    void nextBatches_shouldProduceEventsThatLambdasEventClassReads_whenDeserialisedAsDynamodbEvent() throws Exception {
        Instant before = Instant.now();
        try (DynamoStreamEvents events = outboxSenderEvents()) {
            String pk = putOutboxMessage();

            DynamodbEvent event = lambdaJson().readValue(events.nextBatches().get(0), DynamodbEvent.class);

            assertEquals(1, event.getRecords().size());
            DynamodbEvent.DynamodbStreamRecord record = event.getRecords().get(0);
            assertEquals("INSERT", record.getEventName());
            assertEquals("aws:dynamodb", record.getEventSource());
            assertEquals(events.streamArn(), record.getEventSourceARN());
            assertEquals(pk, record.getDynamodb().getKeys().get("PK").getS());
            assertEquals("MSG", record.getDynamodb().getNewImage().get("SK").getS());
            assertEquals("NEW_IMAGE", record.getDynamodb().getStreamViewType());
            assertTrue(!record.getDynamodb().getApproximateCreationDateTime()
                    .before(Date.from(before.truncatedTo(ChronoUnit.MINUTES))));
        }
    }

    private static DynamoStreamEvents outboxSenderEvents() {
        return DynamoStreamEvents.open(server.endpoint(), TABLE, TEMPLATE, "OutboxSenderFunction", "NewOutboxMessages");
    }

    private static DynamoStreamEvents unfiltered() {
        return DynamoStreamEvents.open(server.endpoint(), TABLE, new DynamoEventSource(
                DynamoEventSource.StartingPosition.LATEST, DynamoEventSource.DEFAULT_BATCH_SIZE, EventFilterCriteria.NONE));
    }

    /** Writes an outbox item as the outbox writes them (SK = MSG, due in GSI1) and returns its partition key. */
    private static String putOutboxMessage() {
        String pk = "OUTBOX#" + UUID.randomUUID();
        put(Map.of("PK", s(pk), "SK", s("MSG"), "GSI1PK", s("OUTBOX#DUE"), "GSI1SK", s(Instant.now().toString())));
        return pk;
    }

    private static void put(Map<String, AttributeValue> item) {
        client.putItem(request -> request.tableName(TABLE).item(item));
    }

    private static List<String> partitionKeys(List<String> batches) {
        List<String> keys = new ArrayList<>();
        for (String batch : batches) {
            json(batch).get("Records").forEach(record -> keys.add(record.at("/dynamodb/Keys/PK/S").asText()));
        }
        return keys;
    }

    private static JsonNode json(String text) {
        try {
            return EventFilterPattern.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /**
     * Reads events into aws-lambda-java-events' classes. Lambda's Java runtime maps the upper-case names
     * ({@code Records}, {@code NewImage}, {@code S}) and reads {@code ApproximateCreationDateTime} as epoch seconds
     * through its own serialisation; case-insensitive names and one deserialiser stand in for that here.
     */
    private static ObjectMapper lambdaJson() {
        return JsonMapper.builder()
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .addMixIn(StreamRecord.class, EpochSecondsMixIn.class)
                .build();
    }

    abstract static class EpochSecondsMixIn {
        @JsonDeserialize(using = EpochSeconds.class)
        abstract void setApproximateCreationDateTime(Date created);
    }

    static final class EpochSeconds extends JsonDeserializer<Date> {
        @Override
        public Date deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return new Date(parser.getDecimalValue().movePointRight(3).longValue());
        }
    }
}
