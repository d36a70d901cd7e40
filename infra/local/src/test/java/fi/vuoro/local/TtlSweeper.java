package fi.vuoro.local;

import fi.vuoro.testkit.TableItems;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stands in for DynamoDB's TTL process, which DynamoDB Local does not run: deletes every item whose {@code expiresAt}
 * (the table's TTL attribute in template.yaml) is at or before {@code now}, the instant of the test's clock. DynamoDB
 * deletes such items only eventually, up to days later, which is why reads must not count on it.
 */
final class TtlSweeper {

    static final String TTL_ATTRIBUTE = "expiresAt";

    private TtlSweeper() {
    }

    /** Deletes the expired items; returns how many of each kind went. */
    static Map<String, Integer> sweep(DynamoDbClient dynamo, String table, Instant now) {
        Map<String, Integer> swept = new TreeMap<>();
        for (Map<String, AttributeValue> item : TableItems.all(dynamo, table)) {
            if (expired(item, now)) {
                dynamo.deleteItem(b -> b.tableName(table).key(Map.of("PK", item.get("PK"), "SK", item.get("SK"))));
                swept.merge(kind(item), 1, Integer::sum);
            }
        }
        return swept;
    }

    static boolean expired(Map<String, AttributeValue> item, Instant now) {
        AttributeValue ttl = item.get(TTL_ATTRIBUTE);
        return ttl != null && ttl.n() != null && Long.parseLong(ttl.n()) <= now.getEpochSecond();
    }

    /** An item's kind: its keys' leading words, e.g. {@code PHONE/REPLY}, {@code SITE/TICKET}, {@code OUTBOX/MSG}. */
    static String kind(Map<String, AttributeValue> item) {
        return lead(item.get("PK").s()) + "/" + lead(item.get("SK").s());
    }

    private static String lead(String key) {
        int end = 0;
        while (end < key.length() && Character.isLetter(key.charAt(end))) {
            end++;
        }
        return end == 0 ? "…" : key.substring(0, end);
    }
}
