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

/** The reply given to each Twilio MessageSid, kept for two days so redeliveries change nothing. */
public final class DynamoReplyLog implements ReplyLog {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReplyLog(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public Optional<String> find(String messageId, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(key(Keys.sms(messageId), Keys.REPLY)).consistentRead(true)).item();
        return Attributes.isLive(item, now) ? Optional.of(Attributes.string(item, "reply")) : Optional.empty();
    }

    @Override
    public String saveIfAbsent(String messageId, String reply, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.sms(messageId), Keys.REPLY));
        item.put("reply", AttributeValue.fromS(reply));
        item.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(expiresAt));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return reply;
        } catch (ConditionalCheckFailedException redelivered) {
            // A concurrent delivery of the same message answered first: give the same answer.
            return find(messageId, Instant.EPOCH).orElse(reply);
        }
    }
}
