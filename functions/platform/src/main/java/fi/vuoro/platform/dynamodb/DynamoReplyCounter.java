package fi.vuoro.platform.dynamodb;

import static fi.vuoro.platform.dynamodb.Keys.key;

import fi.vuoro.domain.sms.ReplyCounter;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A sender's replies in one budget window: the item {@code PHONE#<hmac>} / {@code REPLIES#<window start>} with
 * {@code replies}, moved by an atomic ADD (no read first, so concurrent replies are all counted) and gone with TTL at
 * the window's end. It sits in the sender's partition, so erasure deletes it with the rest, and
 * {@link DynamoSenderRecords} reads it in the one BatchGetItem every SMS starts with.
 */
public final class DynamoReplyCounter implements ReplyCounter {

    static final String REPLIES = "replies";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReplyCounter(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public void count(String phoneHash, Instant window, Instant expiresAt) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(Keys.phone(phoneHash), Keys.replyCount(window)))
                .updateExpression("ADD #replies :one SET " + Attributes.EXPIRES_AT + " = :expires")
                .expressionAttributeNames(Map.of("#replies", REPLIES))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":expires", Attributes.epochSeconds(expiresAt))));
    }

    /** The count an item holds; none when it is absent or its window is over. */
    static int countOf(Map<String, AttributeValue> item, Instant now) {
        return Attributes.isLive(item, now) ? (int) Attributes.number(item, REPLIES) : 0;
    }
}
