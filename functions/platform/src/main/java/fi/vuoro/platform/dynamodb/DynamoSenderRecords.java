package fi.vuoro.platform.dynamodb;

import static fi.vuoro.platform.dynamodb.Keys.key;

import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.sms.ReplyBudget;
import fi.vuoro.domain.sms.SenderRecords;
import fi.vuoro.domain.sms.SenderRecordsSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * What an inbound message needs to know about its sender, in one strongly consistent BatchGetItem: the reply log
 * ({@code PHONE#<hmac>/REPLY#<MessageSid>}), the interpreter number route ({@code PHONE#<hmac>/INTERPRETER}), the
 * visitor's profile ({@code PHONE#<hmac>/PROFILE}), the number's opt-out ({@code PHONE#<hmac>/OPTOUT}), live pointer
 * at the site ({@code PHONE#<hmac>/LIVE#<siteId>}) and count of replies this hour
 * ({@code PHONE#<hmac>/REPLIES#<hour>}, see {@link DynamoReplyCounter}). Keys DynamoDB leaves unprocessed (throttling)
 * are asked again.
 */
public final class DynamoSenderRecords implements SenderRecordsSource {

    private static final int ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSenderRecords(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public SenderRecords read(String messageId, String phoneHash, Optional<String> siteId, Instant now) {
        String phone = Keys.phone(phoneHash);
        String replyCount = Keys.replyCount(ReplyBudget.windowOf(now));
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(
                key(phone, Keys.reply(messageId)),
                key(phone, Keys.INTERPRETER_ROUTE),
                key(phone, Keys.PROFILE),
                key(phone, Keys.OPTED_OUT),
                key(phone, replyCount)));
        siteId.ifPresent(site -> keys.add(key(phone, Keys.live(site))));
        Map<String, Map<String, AttributeValue>> found = readAll(keys);
        Optional<String> interpreterId = Optional.ofNullable(found.get(phone + "/" + Keys.INTERPRETER_ROUTE))
                .map(route -> Attributes.string(route, "interpreterId"));
        Optional<TicketRef> live = siteId.map(site -> found.get(phone + "/" + Keys.live(site)))
                .filter(pointer -> Attributes.isLive(pointer, now))
                .map(DynamoQueueStore::refOf)
                // A pointer of an earlier day is stale: its ticket's day is over.
                .filter(ref -> ref.day().equals(ServiceDay.of(now)));
        return new SenderRecords(
                DynamoReplyLog.replyOf(found.get(phone + "/" + Keys.reply(messageId)), now),
                interpreterId,
                DynamoVisitorStore.profileOf(phoneHash, found.get(phone + "/" + Keys.PROFILE), now),
                live,
                Attributes.isLive(found.get(phone + "/" + Keys.OPTED_OUT), now),
                DynamoReplyCounter.countOf(found.get(phone + "/" + replyCount), now));
    }

    /** The items found, by "PK/SK". */
    private Map<String, Map<String, AttributeValue>> readAll(List<Map<String, AttributeValue>> keys) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        Map<String, KeysAndAttributes> asked = Map.of(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int attempt = 1; !asked.isEmpty(); attempt++) {
            if (attempt > ATTEMPTS) {
                throw new IllegalStateException("DynamoDB left keys of a sender's records unread after "
                        + ATTEMPTS + " attempts");
            }
            Map<String, KeysAndAttributes> request = asked;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(request));
            response.responses().getOrDefault(table, List.of()).forEach(item ->
                    found.put(Attributes.string(item, Keys.PK) + "/" + Attributes.string(item, Keys.SK), item));
            asked = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return found;
    }
}
