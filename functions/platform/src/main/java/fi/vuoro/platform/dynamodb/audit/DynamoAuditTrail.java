package fi.vuoro.platform.dynamodb.audit;

import static fi.vuoro.platform.dynamodb.Keys.key;

import fi.vuoro.domain.audit.AuditAction;
import fi.vuoro.domain.audit.AuditEntry;
import fi.vuoro.domain.audit.AuditTrail;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.platform.dynamodb.Attributes;
import fi.vuoro.platform.dynamodb.Keys;
import fi.vuoro.platform.dynamodb.TableName;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A site's audit trail in the one table: a partition per site and service day ({@code SITE#<id>#AUDIT#<yyyy-MM-dd>}),
 * an item per entry sorted by its instant ({@code <instant, fixed width>#<uuid>}), written with one PutItem and kept
 * {@link AuditTrail#KEPT_FOR} by TTL. A day is one Query, every page of it.
 */
public final class DynamoAuditTrail implements AuditTrail {

    /** Fixed width, so that string order is time order (an Instant's own text drops trailing zeros). */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String TICKET = "ticket";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Integer pageSize;

    public DynamoAuditTrail(DynamoDbClient dynamo, TableName table) {
        this(dynamo, table, null);
    }

    /** With at most {@code pageSize} items a page, so a test can see a day read over several pages. */
    DynamoAuditTrail(DynamoDbClient dynamo, TableName table, Integer pageSize) {
        this.dynamo = dynamo;
        this.table = table.value();
        this.pageSize = pageSize;
    }

    static String partition(String siteId, LocalDate day) {
        return Keys.site(siteId) + "#AUDIT#" + day;
    }

    @Override
    public void record(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(key(partition(entry.siteId(), ServiceDay.of(entry.at()).date()),
                SORTABLE.format(entry.at()) + "#" + UUID.randomUUID()));
        item.put("at", AttributeValue.fromS(entry.at().toString()));
        item.put("who", AttributeValue.fromS(entry.who()));
        item.put("action", AttributeValue.fromS(entry.action().code()));
        entry.ticket().ifPresent(code -> item.put(TICKET, AttributeValue.fromS(code)));
        item.put("detail", AttributeValue.fromS(entry.detail()));
        item.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(entry.at().plus(KEPT_FOR)));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public List<AuditEntry> day(String siteId, LocalDate day, Instant now) {
        return dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition(siteId, day))))
                        .limit(pageSize))
                .items().stream()
                .filter(item -> Attributes.isLive(item, now))
                .map(item -> new AuditEntry(siteId, Instant.parse(Attributes.string(item, "at")),
                        Attributes.string(item, "who"), AuditAction.ofCode(Attributes.string(item, "action")),
                        Attributes.optionalString(item, TICKET), Attributes.string(item, "detail")))
                .toList();
    }
}
