package fi.vuoro.platform.dynamodb;

import fi.vuoro.domain.queue.Desk;
import fi.vuoro.domain.queue.QueueDay;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.WaitingTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A site's day partition ({@code SITE#…#DAY#…}) read whole, in one strongly consistent Query: its tickets and desks,
 * and beside them its interpreter requests, which their own store reads from the same items.
 */
public final class DayPartition {

    private DayPartition() {
    }

    public static List<Map<String, AttributeValue>> read(DynamoDbClient dynamo, String table, String siteId,
                                                         ServiceDay day) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("PK = :day")
                        .expressionAttributeValues(Map.of(":day", AttributeValue.fromS(Keys.day(siteId, day))))
                        .consistentRead(true))
                .items().forEach(items::add);
        return items;
    }

    /**
     * The tickets and desks among the day's items, and the count of waiting its COUNTER keeps (for the no-show
     * sweep's correction); expired items are left out, as DynamoDB may delete them days after their time.
     */
    public static QueueDay queueDay(List<Map<String, AttributeValue>> items, Instant now) {
        List<Ticket> tickets = new ArrayList<>();
        List<Desk> desks = new ArrayList<>();
        Optional<Map<String, AttributeValue>> counter = Optional.empty();
        long changes = 0;
        for (Map<String, AttributeValue> item : items) {
            String sortKey = Attributes.string(item, Keys.SK);
            if (sortKey.startsWith(Keys.TICKET_PREFIX)) {
                TicketItems.liveOnly(item, now).ifPresent(tickets::add);
            } else if (sortKey.startsWith(Keys.DESK_PREFIX) && Attributes.isLive(item, now)) {
                desks.add(new Desk(Attributes.string(item, "label"), Attributes.bool(item, "open"),
                        Attributes.string(item, "changedBy"),
                        Instant.ofEpochMilli(Attributes.number(item, "changedAt"))));
            } else if (Keys.COUNTER.equals(sortKey) && Attributes.isLive(item, now)) {
                counter = Optional.of(item);
            } else if (Keys.VIEW.equals(sortKey) && item.containsKey(DayVersions.CHANGES)) {
                changes = Attributes.number(item, DayVersions.CHANGES);
            }
        }
        long changesRead = changes;
        return new QueueDay(tickets, desks, counter.map(item -> tallyOf(item, changesRead)));
    }

    private static WaitingTally tallyOf(Map<String, AttributeValue> counter, long changes) {
        return new WaitingTally(
                counter.containsKey(DynamoQueueStore.WAITING) ? (int) Attributes.number(counter, DynamoQueueStore.WAITING) : 0,
                counter.containsKey(DynamoQueueStore.NEXT_NUMBER)
                        ? (int) Attributes.number(counter, DynamoQueueStore.NEXT_NUMBER) : 0,
                counter.containsKey(DynamoQueueStore.LAST_DRAW_AT)
                        ? Optional.of(Instant.ofEpochMilli(Attributes.number(counter, DynamoQueueStore.LAST_DRAW_AT)))
                        : Optional.empty(),
                changes);
    }
}
