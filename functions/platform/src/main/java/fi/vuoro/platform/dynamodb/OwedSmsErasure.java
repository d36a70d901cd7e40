package fi.vuoro.platform.dynamodb;

import static fi.vuoro.platform.dynamodb.Keys.key;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Deletes every outbox message whose id starts with a prefix (a ticket's, an interpreter's), whatever its state:
 * erasure takes the encrypted number in the ones still owed and the texts of the ones sent.
 *
 * <p>The messages are found by a strongly consistent Query of their owner's key items ({@link OutboxItems#owedKeys}),
 * which the transaction that owed them wrote, so none written before the erasure began is missed; the due index is
 * read as well, for messages owed before key items existed. A message a dispatcher is sending at this moment is
 * deleted too: every write of the dispatcher is conditional on its claim on the stored item, so none can bring it
 * back (the SMS itself may already be on its way).
 */
public final class OwedSmsErasure {

    private OwedSmsErasure() {
    }

    public static void dropAll(DynamoDbClient dynamo, String table, String idPrefix) {
        String owner = OutboxItems.owedPk(idPrefix);
        Set<String> ids = new LinkedHashSet<>();
        dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("PK = :owner")
                        .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner)))
                        .consistentRead(true))
                .items().forEach(named -> ids.add(Attributes.string(named, Keys.SK)));
        dynamo.queryPaginator(b -> b.tableName(table).indexName(OutboxItems.GSI)
                        .keyConditionExpression(OutboxItems.GSI_PK + " = :due")
                        .filterExpression("begins_with(id, :prefix)")
                        .expressionAttributeValues(Map.of(
                                ":due", AttributeValue.fromS(OutboxItems.DUE_PARTITION),
                                ":prefix", AttributeValue.fromS(idPrefix))))
                .items().forEach(owed -> ids.add(Attributes.string(owed, "id")));
        for (String id : ids) {
            dynamo.deleteItem(b -> b.tableName(table).key(key(OutboxItems.pk(id), OutboxItems.SK)));
            dynamo.deleteItem(b -> b.tableName(table).key(key(owner, id)));
        }
    }
}
