package fi.vuoro.platform.outbox;

import fi.vuoro.platform.dynamodb.OutboxItems;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The sparse index the outbox is read through: GSI1, partition key {@code GSI1PK} and sort key {@code GSI1SK}
 * (both strings), every attribute projected. In AWS the template declares it; this adds it to a table that
 * lacks it, for DynamoDB Local in the local runtime and the tests.
 */
public final class OutboxIndex {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private OutboxIndex() {
    }

    /** Adds GSI1 to {@code table} unless it has it, and waits until the index is active. */
    public static void ensure(DynamoDbClient dynamo, String table) {
        if (index(dynamo, table) == null) {
            dynamo.updateTable(b -> b.tableName(table)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(OutboxItems.GSI_PK)
                                    .attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(OutboxItems.GSI_SK)
                                    .attributeType(ScalarAttributeType.S).build())
                    .globalSecondaryIndexUpdates(update -> update.create(index -> index
                            .indexName(OutboxItems.GSI)
                            .keySchema(
                                    key -> key.attributeName(OutboxItems.GSI_PK).keyType(KeyType.HASH),
                                    key -> key.attributeName(OutboxItems.GSI_SK).keyType(KeyType.RANGE))
                            .projection(projection -> projection.projectionType(ProjectionType.ALL)))));
        }
        long giveUpAt = System.nanoTime() + WAIT.toNanos();
        while (index(dynamo, table).indexStatus() != IndexStatus.ACTIVE) {
            if (System.nanoTime() > giveUpAt) {
                throw new IllegalStateException("Index " + OutboxItems.GSI + " of " + table + " did not become active");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for index " + OutboxItems.GSI, e);
            }
        }
    }

    private static GlobalSecondaryIndexDescription index(DynamoDbClient dynamo, String table) {
        TableDescription description = dynamo.describeTable(b -> b.tableName(table)).table();
        return description.globalSecondaryIndexes().stream()
                .filter(index -> index.indexName().equals(OutboxItems.GSI))
                .findFirst().orElse(null);
    }
}
