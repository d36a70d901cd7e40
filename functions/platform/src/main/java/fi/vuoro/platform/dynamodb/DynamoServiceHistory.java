package fi.vuoro.platform.dynamodb;

import static fi.vuoro.platform.dynamodb.Keys.key;

import fi.vuoro.domain.estimate.ServiceHistory;
import fi.vuoro.domain.estimate.ServiceHistorySource;
import fi.vuoro.domain.estimate.ServiceLog;
import fi.vuoro.domain.estimate.WaitEstimator;
import fi.vuoro.domain.queue.ServiceDay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A site's real service durations (one item each, newest found first by a descending Query) and
 * the desks open today, for the wait estimate.
 */
public final class DynamoServiceHistory implements ServiceHistorySource, ServiceLog {

    /** Older visits say little about today's pace. */
    static final Duration KEEP = Duration.ofDays(14);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoServiceHistory(DynamoDbClient dynamo, TableName table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table.value();
        this.clock = clock;
    }

    @Override
    public ServiceHistory recent(String siteId) {
        Instant now = clock.instant();
        List<Duration> durations = new ArrayList<>();
        dynamo.query(b -> b.tableName(table)
                        .keyConditionExpression("PK = :pk")
                        .filterExpression("expiresAt > :now")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(Keys.serviceTimes(siteId)),
                                ":now", Attributes.epochSeconds(now)))
                        .scanIndexForward(false)
                        .limit(WaitEstimator.MAX_SAMPLES))
                .items().forEach(item -> durations.add(Duration.ofSeconds(Attributes.number(item, "seconds"))));
        Collections.reverse(durations);
        int openDesks = dynamo.query(b -> b.tableName(table)
                        .keyConditionExpression("PK = :day AND begins_with(SK, :desk)")
                        .filterExpression("#open = :yes")
                        .expressionAttributeNames(Map.of("#open", "open"))
                        .expressionAttributeValues(Map.of(
                                ":day", AttributeValue.fromS(Keys.day(siteId, ServiceDay.of(now))),
                                ":desk", AttributeValue.fromS(Keys.DESK_PREFIX),
                                ":yes", AttributeValue.fromBool(true))))
                .count();
        return new ServiceHistory(durations, openDesks);
    }

    @Override
    public void record(String siteId, Duration serviceTime, Instant servedAt) {
        String sortKey = String.format("%013d#%s", servedAt.toEpochMilli(), UUID.randomUUID());
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.serviceTimes(siteId), sortKey));
        item.put("seconds", AttributeValue.fromN(Long.toString(Math.max(0, serviceTime.toSeconds()))));
        item.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(servedAt.plus(KEEP)));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }
}
