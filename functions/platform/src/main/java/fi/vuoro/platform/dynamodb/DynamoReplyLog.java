package fi.vuoro.platform.dynamodb;

import static fi.vuoro.platform.dynamodb.Keys.key;

import fi.vuoro.domain.sms.ReplyLog;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;

/**
 * The reply given to each Twilio MessageSid, kept for two days so redeliveries change nothing: {@code PHONE#<hmac>} /
 * {@code REPLY#<MessageSid>}, in the sender's partition, so that their erasure deletes it with the rest.
 */
public final class DynamoReplyLog implements ReplyLog {

    private static final String REPLY = "reply";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReplyLog(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public Optional<String> find(String phoneHash, String messageId, Instant now) {
        return replyOf(dynamo.getItem(b -> b.tableName(table)
                .key(key(Keys.phone(phoneHash), Keys.reply(messageId))).consistentRead(true)).item(), now);
    }

    /** The reply an item holds, unless it is absent or expired. */
    static Optional<String> replyOf(Map<String, AttributeValue> item, Instant now) {
        return Attributes.isLive(item, now) ? Optional.of(Attributes.string(item, REPLY)) : Optional.empty();
    }

    /** The reply's item, put only if none is stored for the message yet; a join puts it in its ticket's transaction. */
    static Put putIfAbsent(String table, String phoneHash, String messageId, String reply, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.phone(phoneHash), Keys.reply(messageId)));
        item.put(REPLY, AttributeValue.fromS(reply));
        item.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(expiresAt));
        return Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(PK)").build();
    }

    @Override
    public String saveIfAbsent(String phoneHash, String messageId, String reply, Instant expiresAt) {
        Put put = putIfAbsent(table, phoneHash, messageId, reply, expiresAt);
        try {
            dynamo.putItem(b -> b.tableName(table).item(put.item()).conditionExpression(put.conditionExpression()));
            return reply;
        } catch (ConditionalCheckFailedException redelivered) {
            // A concurrent delivery of the same message answered first: give the same answer.
            return find(phoneHash, messageId, Instant.EPOCH).orElse(reply);
        }
    }
}
