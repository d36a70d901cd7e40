package fi.vuoro.platform.dynamodb;

import static fi.vuoro.platform.dynamodb.Keys.key;

import fi.vuoro.domain.estimate.ServiceHistory;
import fi.vuoro.domain.estimate.ServiceHistorySource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A site's recent service durations (seconds) and active desks, from its STATS item. */
public final class DynamoServiceHistory implements ServiceHistorySource {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoServiceHistory(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public ServiceHistory recent(String siteId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(key(Keys.site(siteId), Keys.STATS))).item();
        if (item == null || item.isEmpty()) {
            return ServiceHistory.NONE;
        }
        List<Duration> durations = item.getOrDefault("serviceSeconds", AttributeValue.fromL(List.of())).l().stream()
                .map(value -> Duration.ofSeconds(Long.parseLong(value.n())))
                .toList();
        int desks = item.containsKey("activeDesks") ? (int) Attributes.number(item, "activeDesks") : 0;
        return new ServiceHistory(durations, desks);
    }
}
