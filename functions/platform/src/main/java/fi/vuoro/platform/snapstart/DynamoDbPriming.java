package fi.vuoro.platform.snapstart;

import fi.vuoro.platform.dynamodb.Keys;
import fi.vuoro.platform.dynamodb.TableName;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Before a SnapStart snapshot: reads of a partition no item has ({@link #PARTITION}; no key of {@link Keys} starts
 * with it), so the DynamoDB client's request path (signing, marshalling, HTTP, unmarshalling) is loaded and has run
 * once. It never writes. {@link #releaseConnection()} ends the priming: its request asks DynamoDB to close the
 * connection after answering, so the HTTP client's keep-alive cache, which is the JVM's, holds no connection that
 * every restored instance would share (and find dead).
 */
@Singleton
public final class DynamoDbPriming {

    /** The reserved partition of priming reads: no item is ever written under it. */
    public static final String PARTITION = "PRIMING#SNAPSTART";

    private final DynamoDbClient dynamo;
    private final TableName table;

    public DynamoDbPriming(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** One GetItem and one Query on the reserved partition; both find nothing. */
    public void readNothing() {
        getReservedItem(false);
        dynamo.query(QueryRequest.builder()
                .tableName(table.value())
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :sk)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PARTITION), ":sk", AttributeValue.fromS("P")))
                .limit(1)
                .build());
    }

    /**
     * The last request before the snapshot: it reuses the connection the priming left open, and its
     * {@code Connection: close} makes the server and the JDK's HTTP client close it rather than keep it.
     */
    public void releaseConnection() {
        getReservedItem(true);
    }

    private void getReservedItem(boolean closeConnection) {
        GetItemRequest.Builder request = GetItemRequest.builder()
                .tableName(table.value())
                .key(Map.of(Keys.PK, AttributeValue.fromS(PARTITION), Keys.SK, AttributeValue.fromS(PARTITION)));
        if (closeConnection) {
            request.overrideConfiguration(config -> config.putHeader("Connection", "close"));
        }
        dynamo.getItem(request.build());
    }
}
