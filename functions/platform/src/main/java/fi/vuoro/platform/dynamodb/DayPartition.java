package fi.vuoro.platform.dynamodb;

import fi.vuoro.domain.queue.Desk;
import fi.vuoro.domain.queue.QueueDay;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** The tickets and desks among the day's items; expired ones are left out. */
    public static QueueDay queueDay(List<Map<String, AttributeValue>> items, Instant now) {
        List<Ticket> tickets = new ArrayList<>();
        List<Desk> desks = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            String sortKey = Attributes.string(item, Keys.SK);
            if (sortKey.startsWith(Keys.TICKET_PREFIX)) {
                TicketItems.liveOnly(item, now).ifPresent(tickets::add);
            } else if (sortKey.startsWith(Keys.DESK_PREFIX) && Attributes.isLive(item, now)) {
                desks.add(new Desk(Attributes.string(item, "label"), Attributes.bool(item, "open"),
                        Attributes.string(item, "changedBy"),
                        Instant.ofEpochMilli(Attributes.number(item, "changedAt"))));
            }
        }
        return new QueueDay(tickets, desks);
    }
}
