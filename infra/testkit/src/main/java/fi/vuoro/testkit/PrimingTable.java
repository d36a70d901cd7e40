package fi.vuoro.testkit;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Where a SnapStart priming is tested: DynamoDB Local with the template's tables, holding an item (so "nothing
 * changed" is not an empty table staying empty), and the settings a function's context needs to reach it.
 */
public final class PrimingTable implements AutoCloseable {

    public static final String TABLE = "VuoroTable";

    private final DynamoDbLocalServer dynamo;

    private PrimingTable(DynamoDbLocalServer dynamo) {
        this.dynamo = dynamo;
    }

    public static PrimingTable start() {
        DynamoDbLocalServer dynamo = DynamoDbLocalServer.start();
        TemplateTables.createAll(dynamo.client(), CloudFormationTemplate.load(CloudFormationTemplate.locate()));
        dynamo.client().putItem(PutItemRequest.builder().tableName(TABLE).item(Map.of(
                "PK", AttributeValue.fromS("SITE#primed"), "SK", AttributeValue.fromS("PROFILE"),
                "name", AttributeValue.fromS("An item that was there before"))).build());
        return new PrimingTable(dynamo);
    }

    /** The function's settings, as its environment gives them, for DynamoDB Local. */
    public Map<String, Object> settings() {
        return Map.of("vuoro.table-name", TABLE,
                "vuoro.dynamodb-endpoint", dynamo.endpoint().toString(),
                "vuoro.phone-hash-key", "priming-test-phone-hash-key",
                "vuoro.phone-encryption-key", "priming-test-phone-encryption-key");
    }

    public List<Map<String, AttributeValue>> items() {
        return TableItems.all(dynamo.client(), TABLE);
    }

    /** Connections some client of this JVM keeps open to DynamoDB Local. */
    public int openConnections() {
        return LoopbackConnections.establishedTo(dynamo.endpoint().getPort());
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
