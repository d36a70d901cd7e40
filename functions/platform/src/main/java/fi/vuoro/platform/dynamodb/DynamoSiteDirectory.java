package fi.vuoro.platform.dynamodb;

import static fi.vuoro.platform.dynamodb.Keys.key;

import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Sites in DynamoDB. Every inbound SMS looks its site up, and sites change rarely, so found sites are
 * kept in memory for a minute; a site that is not found is not remembered (it may be added any time).
 */
public final class DynamoSiteDirectory implements SiteDirectory {

    static final Duration CACHE_TIME = Duration.ofMinutes(1);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Map<String, Cached> byNumber = new ConcurrentHashMap<>();

    public DynamoSiteDirectory(DynamoDbClient dynamo, TableName table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table.value();
        this.clock = clock;
    }

    @Override
    public Optional<Site> findByNumber(String e164Number) {
        Instant now = clock.instant();
        Cached cached = byNumber.get(e164Number);
        if (cached != null && cached.until.isAfter(now)) {
            return Optional.of(cached.site);
        }
        Map<String, AttributeValue> route = dynamo.getItem(b -> b.tableName(table)
                .key(key(Keys.number(e164Number), Keys.ROUTE))).item();
        if (route == null || route.isEmpty()) {
            return Optional.empty();
        }
        Optional<Site> site = findById(Attributes.string(route, "siteId"));
        site.ifPresent(found -> byNumber.put(e164Number, new Cached(found, now.plus(CACHE_TIME))));
        return site;
    }

    @Override
    public Optional<Site> findById(String siteId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(key(Keys.site(siteId), Keys.PROFILE))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SiteItems.fromItem(item));
    }

    @Override
    public List<Site> all() {
        List<Site> sites = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("PK = :sites")
                        .expressionAttributeValues(Map.of(":sites", AttributeValue.fromS(Keys.SITES))))
                .items().forEach(entry -> findById(Attributes.string(entry, "siteId")).ifPresent(sites::add));
        return sites;
    }

    /** Adds or replaces a site together with the route from its SMS number and its registry entry. */
    public void save(Site site) {
        Map<String, AttributeValue> route = Map.of(
                Keys.PK, AttributeValue.fromS(Keys.number(site.smsNumber())),
                Keys.SK, AttributeValue.fromS(Keys.ROUTE),
                "siteId", AttributeValue.fromS(site.id()));
        Map<String, AttributeValue> registry = Map.of(
                Keys.PK, AttributeValue.fromS(Keys.SITES),
                Keys.SK, AttributeValue.fromS(Keys.site(site.id())),
                "siteId", AttributeValue.fromS(site.id()));
        dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(SiteItems.toItem(site)).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(route).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(registry).build()).build()));
        byNumber.remove(site.smsNumber());
    }

    private record Cached(Site site, Instant until) {
    }
}
