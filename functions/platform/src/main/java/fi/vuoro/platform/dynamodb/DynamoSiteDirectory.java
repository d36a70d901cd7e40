package fi.vuoro.platform.dynamodb;

import static fi.vuoro.platform.dynamodb.Keys.key;

import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.site.SiteStore;
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
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Sites in DynamoDB. Every inbound SMS looks its site up, and sites change rarely, so found sites are
 * kept in memory for a minute; a site that is not found is not remembered (it may be added any time).
 * A coordinator's change writes the profile and the number's route in one transaction whose conditions keep a number
 * to one site and a site's saves in order (the profile's {@code version} must still be the one read); this instance
 * forgets its cached copy at once, other instances within the minute. A site read by id is always read afresh.
 */
public final class DynamoSiteDirectory implements SiteDirectory, SiteStore {

    static final Duration CACHE_TIME = Duration.ofMinutes(1);
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    /** Another transaction was writing one of the same items at that moment. */
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";
    private static final int CONFLICT_ATTEMPTS = 3;
    /** The route may be written if the number is free or already this site's. */
    private static final String NUMBER_FREE_OR_OURS = "attribute_not_exists(PK) OR siteId = :site";
    /** The profile may be replaced if it still has the number and the save count that were read. */
    private static final String SAME_NUMBER_AND_VERSION =
            "smsNumber = :current AND (attribute_not_exists(#version) OR #version = :read)";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Duration defaultRetention;
    private final Map<String, Cached> byNumber = new ConcurrentHashMap<>();

    public DynamoSiteDirectory(DynamoDbClient dynamo, TableName table, Clock clock) {
        this(dynamo, table, clock, Site.DEFAULT_RETENTION);
    }

    /** @param defaultRetention what a site stored before it had its own retention keeps its visits for */
    public DynamoSiteDirectory(DynamoDbClient dynamo, TableName table, Clock clock, Duration defaultRetention) {
        this.dynamo = dynamo;
        this.table = table.value();
        this.clock = clock;
        this.defaultRetention = defaultRetention;
    }

    @Override
    public Optional<Site> findByNumber(String e164Number) {
        Instant now = clock.instant();
        Cached cached = byNumber.get(e164Number);
        if (cached != null && cached.until.isAfter(now)) {
            return Optional.of(cached.site);
        }
        Optional<Site> site = route(e164Number, false).flatMap(this::findById);
        site.ifPresent(found -> byNumber.put(e164Number, new Cached(found, now.plus(CACHE_TIME))));
        return site;
    }

    @Override
    public Optional<Site> findById(String siteId) {
        // Strongly consistent: a save moves today's day version on, and a staff page that reads the new version
        // must not get the profile from before the save (it would keep it until the next change).
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(key(Keys.site(siteId), Keys.PROFILE)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SiteItems.fromItem(item, defaultRetention));
    }

    @Override
    public List<Site> all() {
        List<Site> sites = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("PK = :sites")
                        .expressionAttributeValues(Map.of(":sites", AttributeValue.fromS(Keys.SITES))))
                .items().forEach(entry -> findById(Attributes.string(entry, "siteId")).ifPresent(sites::add));
        return sites;
    }

    @Override
    public Optional<String> siteIdOfNumber(String e164Number) {
        return route(e164Number, true);
    }

    @Override
    public Outcome create(Site site) {
        return write(site, List.of(
                put(SiteItems.toItem(site), "attribute_not_exists(PK)", Map.of()),
                put(SiteItems.routeItem(site), NUMBER_FREE_OR_OURS, Map.of(":site", AttributeValue.fromS(site.id()))),
                put(SiteItems.registryItem(site), null, Map.of())), null);
    }

    @Override
    public Outcome replace(Site current, Site updated) {
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                put(SiteItems.toItem(updated), SAME_NUMBER_AND_VERSION,
                        Map.of(":current", AttributeValue.fromS(current.smsNumber()),
                                ":read", AttributeValue.fromN(Long.toString(current.version()))),
                        Map.of("#version", SiteItems.VERSION)),
                put(SiteItems.routeItem(updated), NUMBER_FREE_OR_OURS,
                        Map.of(":site", AttributeValue.fromS(updated.id()))),
                put(SiteItems.registryItem(updated), null, Map.of())));
        if (!current.smsNumber().equals(updated.smsNumber())) {
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(key(Keys.number(current.smsNumber()), Keys.ROUTE))
                    .conditionExpression("siteId = :site")
                    .expressionAttributeValues(Map.of(":site", AttributeValue.fromS(current.id()))).build()).build());
        }
        return write(updated, writes, current.smsNumber());
    }

    /** Adds or replaces a site together with the route from its SMS number and its registry entry, unchecked. */
    public void save(Site site) {
        dynamo.transactWriteItems(b -> b.transactItems(
                put(SiteItems.toItem(site), null, Map.of()),
                put(SiteItems.routeItem(site), null, Map.of()),
                put(SiteItems.registryItem(site), null, Map.of()),
                viewChanged(site)));
        byNumber.remove(site.smsNumber());
    }

    /** Writes in one transaction: the profile first, the number's route second, then the rest. */
    private Outcome write(Site site, List<TransactWriteItem> writes, String previousNumber) {
        List<TransactWriteItem> all = new ArrayList<>(writes);
        all.add(viewChanged(site));
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(all));
                break;
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.cancellationReasons();
                if (failed(reasons, 0) || failed(reasons, 3)) {
                    return Outcome.CHANGED_MEANWHILE;
                }
                if (failed(reasons, 1)) {
                    return Outcome.NUMBER_TAKEN;
                }
                if (reasons != null && reasons.stream().anyMatch(r -> TRANSACTION_CONFLICT.equals(r.code()))) {
                    // Another save, or a change of the day's queue holding its version item: once more, then the
                    // conditions tell which (another save fails the version condition).
                    if (attempt < CONFLICT_ATTEMPTS) {
                        continue;
                    }
                    return Outcome.CHANGED_MEANWHILE;
                }
                throw cancelled;
            }
        }
        byNumber.remove(site.smsNumber());
        if (previousNumber != null) {
            byNumber.remove(previousNumber);
        }
        return Outcome.SAVED;
    }

    /**
     * Moves today's version of the site's day on (see {@link DayVersions}): its staff page shows the name, number,
     * desks and topics, so a save must not be answered "not modified".
     */
    private TransactWriteItem viewChanged(Site site) {
        ServiceDay today = ServiceDay.of(clock.instant());
        return DayVersions.changed(table, site.id(), today, today.expiresAt(site.retention()));
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons != null && reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition,
                                  Map<String, AttributeValue> values) {
        return put(item, condition, values, Map.of());
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition,
                                  Map<String, AttributeValue> values, Map<String, String> names) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (!names.isEmpty()) {
            put.expressionAttributeNames(names);
        }
        if (condition != null) {
            put.conditionExpression(condition);
            if (!values.isEmpty()) {
                put.expressionAttributeValues(values);
            }
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private Optional<String> route(String e164Number, boolean consistent) {
        Map<String, AttributeValue> route = dynamo.getItem(b -> b.tableName(table).consistentRead(consistent)
                .key(key(Keys.number(e164Number), Keys.ROUTE))).item();
        return route == null || route.isEmpty() ? Optional.empty() : Optional.of(Attributes.string(route, "siteId"));
    }

    private record Cached(Site site, Instant until) {
    }
}
