package fi.vuoro.testkit.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The events Lambda would invoke a function with for a DynamoDB stream event source, read from a table's stream in
 * DynamoDB Local: each call to {@link #nextBatches()} takes the records written since the previous call (or since
 * the reader opened, at {@code LATEST}), drops those the event source's filter criteria reject, as Lambda drops them
 * before any invocation, and groups the rest into {@code {"Records":[...]}} events of at most {@code BatchSize}
 * records, one shard's records per event.
 *
 * <p>Where DynamoDB Local differs from AWS, and what this class does about it:
 * <ul>
 *   <li>It reports the region as {@code ddblocal}, in {@code awsRegion} and in the stream ARN; events carry
 *       {@link DynamoDbLocalServer#REGION} in both instead. The account in the ARN stays DynamoDB Local's
 *       {@code 000000000000}.</li>
 *   <li>Its {@code ApproximateCreationDateTime} is rounded down to the minute (AWS rounds to the second); events
 *       carry it as is, in epoch seconds like AWS. Do not assert on it more precisely than the minute.</li>
 *   <li>Its {@code eventID}s are UUIDs, where AWS uses 32 hexadecimal digits.</li>
 *   <li>Records can be read as soon as the write returns, so nothing waits; there is no batching window, and a
 *       read never leaves records behind for a later event.</li>
 * </ul>
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">Lambda: using Lambda with DynamoDB</a>
 */
public final class DynamoStreamEvents implements AutoCloseable {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String REGION = DynamoDbLocalServer.REGION.id();

    private final DynamoDbStreamsClient client;
    private final StreamShards shards;
    private final DynamoEventSource source;
    private final String streamArn;

    private DynamoStreamEvents(DynamoDbStreamsClient client, String localStreamArn, DynamoEventSource source) {
        this.client = client;
        this.source = source;
        this.streamArn = inRegion(localStreamArn, REGION);
        ShardIteratorType start = source.startingPosition() == DynamoEventSource.StartingPosition.LATEST
                ? ShardIteratorType.LATEST
                : ShardIteratorType.TRIM_HORIZON;
        this.shards = new StreamShards(client, localStreamArn, start);
    }

    /**
     * Starts reading the stream of {@code tableName} at {@code endpoint} as this event source would.
     *
     * @throws IllegalArgumentException if the table has no stream
     */
    public static DynamoStreamEvents open(URI endpoint, String tableName, DynamoEventSource source) {
        String localStreamArn;
        try (DynamoDbClient dynamo = DynamoDbLocalServer.newClient(endpoint)) {
            localStreamArn = dynamo.describeTable(request -> request.tableName(tableName)).table().latestStreamArn();
        }
        if (localStreamArn == null) {
            throw new IllegalArgumentException("Table " + tableName + " at " + endpoint + " has no stream");
        }
        DynamoDbStreamsClient client = DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(DynamoDbLocalServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        try {
            return new DynamoStreamEvents(client, localStreamArn, source);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * Starts reading {@code tableName}'s stream as the function's DynamoDB event {@code eventName} in the template
     * would (see {@link DynamoEventSource#fromTemplate}).
     */
    public static DynamoStreamEvents open(URI endpoint, String tableName, CloudFormationTemplate template,
                                          String functionLogicalId, String eventName) {
        return open(endpoint, tableName, DynamoEventSource.fromTemplate(template, functionLogicalId, eventName));
    }

    /**
     * The events for the records written since the last call, oldest first; empty when none passed the filters.
     * Each is one invocation's payload as a JSON string.
     */
    public List<String> nextBatches() {
        List<String> events = new ArrayList<>();
        for (List<Record> shardRecords : shards.readNew()) {
            List<ObjectNode> delivered = shardRecords.stream()
                    .map(record -> StreamRecordJson.of(record, REGION, streamArn))
                    .filter(source.filterCriteria()::matches)
                    .toList();
            for (int from = 0; from < delivered.size(); from += source.batchSize()) {
                events.add(event(delivered.subList(from, Math.min(from + source.batchSize(), delivered.size()))));
            }
        }
        return events;
    }

    /** The stream's ARN as events name it ({@code eventSourceARN}). */
    public String streamArn() {
        return streamArn;
    }

    @Override
    public void close() {
        client.close();
    }

    private static String event(List<ObjectNode> records) {
        ObjectNode event = NODES.objectNode();
        ArrayNode list = event.putArray("Records");
        records.forEach(list::add);
        try {
            return EventFilterPattern.JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a stream event as JSON", e);
        }
    }

    /** {@code arn:aws:dynamodb:<region>:<account>:table/...} with the region replaced. */
    private static String inRegion(String arn, String region) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6) {
            throw new IllegalArgumentException("Not an ARN: " + arn);
        }
        parts[3] = region;
        return String.join(":", parts);
    }
}
