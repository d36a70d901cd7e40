package fi.vuoro.platform.dynamodb;

import static fi.vuoro.platform.dynamodb.Keys.key;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Deletes the SMS still waiting to be sent whose id starts with a prefix (a ticket's, an interpreter's): erasure
 * takes the encrypted number in them too. A message a dispatcher is sending at this very moment is past stopping;
 * it loses its number once sent.
 */
public final class OwedSmsErasure {

    private OwedSmsErasure() {
    }

    public static void dropPending(DynamoDbClient dynamo, String table, String idPrefix) {
        dynamo.queryPaginator(b -> b.tableName(table).indexName(OutboxItems.GSI)
                        .keyConditionExpression(OutboxItems.GSI_PK + " = :due")
                        .filterExpression("begins_with(id, :prefix)")
                        .expressionAttributeValues(Map.of(
                                ":due", AttributeValue.fromS(OutboxItems.DUE_PARTITION),
                                ":prefix", AttributeValue.fromS(idPrefix))))
                .items().forEach(owed -> {
                    try {
                        dynamo.deleteItem(b -> b.tableName(table)
                                .key(key(Attributes.string(owed, Keys.PK), OutboxItems.SK))
                                .conditionExpression("#status = :pending")
                                .expressionAttributeNames(Map.of("#status", "status"))
                                .expressionAttributeValues(Map.of(":pending",
                                        AttributeValue.fromS(OutboxItems.STATUS_PENDING))));
                    } catch (ConditionalCheckFailedException beingSent) {
                        // Claimed by a dispatcher a moment ago: it is sent and then loses its number.
                    }
                });
    }
}
