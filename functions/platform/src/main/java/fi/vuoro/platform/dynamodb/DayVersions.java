package fi.vuoro.platform.dynamodb;

import static fi.vuoro.platform.dynamodb.Keys.key;

import fi.vuoro.domain.queue.DayVersion;
import fi.vuoro.domain.queue.ServiceDay;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A site's day version (see {@link DayVersion}): the ticket counter's {@code nextNumber} and the count of changes
 * on its own item ({@code SITE#…#DAY#…} / {@code COUNTER#VIEW}), moved on inside the transaction of each write
 * staff see. Not on the counter itself: a join's UpdateItem of the counter would be refused
 * (TransactionConflict) while a transaction held it.
 */
public final class DayVersions {

    static final String CHANGES = "changes";

    private DayVersions() {
    }

    /** The write that moves the day's version on, for the transaction of a change staff see. */
    public static TransactWriteItem changed(String table, String siteId, ServiceDay day, Instant expiresAt) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(Keys.day(siteId, day), Keys.VIEW))
                .updateExpression("ADD #changes :one SET expiresAt = if_not_exists(expiresAt, :expires)")
                .expressionAttributeNames(Map.of("#changes", CHANGES))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":expires", Attributes.epochSeconds(expiresAt)))
                .build()).build();
    }

    /** Reads the counter and the count of changes together: one strongly consistent Query of two small items. */
    static DayVersion read(DynamoDbClient dynamo, String table, String siteId, ServiceDay day) {
        int lastNumber = 0;
        long changes = 0;
        for (Map<String, AttributeValue> item : dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("PK = :day AND begins_with(SK, :counter)")
                .expressionAttributeValues(Map.of(":day", AttributeValue.fromS(Keys.day(siteId, day)),
                        ":counter", AttributeValue.fromS(Keys.COUNTER)))
                .consistentRead(true)).items()) {
            String sortKey = Attributes.string(item, Keys.SK);
            if (sortKey.equals(Keys.COUNTER) && item.containsKey(DynamoQueueStore.NEXT_NUMBER)) {
                lastNumber = (int) Attributes.number(item, DynamoQueueStore.NEXT_NUMBER);
            } else if (sortKey.equals(Keys.VIEW) && item.containsKey(CHANGES)) {
                changes = Attributes.number(item, CHANGES);
            }
        }
        return new DayVersion(lastNumber, changes);
    }
}
