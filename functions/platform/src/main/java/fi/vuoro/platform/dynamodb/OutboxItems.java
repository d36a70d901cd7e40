package fi.vuoro.platform.dynamodb;

import fi.vuoro.domain.outbox.OutboundSms;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;

/**
 * The outbox item of an SMS owed to a visitor (docs/table-design.md). While it waits to be sent it
 * sits in the sparse index GSI1 under {@code OUTBOX#DUE}, ordered by when it is due.
 */
public final class OutboxItems {

    public static final String SK = "MSG";
    public static final String DUE_PARTITION = "OUTBOX#DUE";
    public static final String GSI = "GSI1";
    public static final String GSI_PK = "GSI1PK";
    public static final String GSI_SK = "GSI1SK";
    public static final String STATUS_PENDING = "PENDING";
    /** Sent or not, an outbox record is of no use after a week. */
    static final Duration KEEP = Duration.ofDays(7);

    private OutboxItems() {
    }

    public static String pk(String id) {
        return "OUTBOX#" + id;
    }

    /** The due-index sort key: when the message is due (epoch milliseconds, zero-padded), then its id. */
    public static String dueKey(Instant due, String id) {
        return String.format("%013d#%s", due.toEpochMilli(), id);
    }

    static Map<String, AttributeValue> toItem(OutboundSms sms) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(pk(sms.id()), SK));
        item.put("id", AttributeValue.fromS(sms.id()));
        item.put("siteId", AttributeValue.fromS(sms.siteId()));
        item.put("toCipher", AttributeValue.fromS(sms.toCipher()));
        item.put("from", AttributeValue.fromS(sms.from()));
        item.put("body", AttributeValue.fromS(sms.body()));
        item.put("createdAt", Attributes.epochMillis(sms.createdAt()));
        item.put("status", AttributeValue.fromS(STATUS_PENDING));
        item.put("attempts", AttributeValue.fromN("0"));
        item.put(GSI_PK, AttributeValue.fromS(DUE_PARTITION));
        item.put(GSI_SK, AttributeValue.fromS(dueKey(sms.createdAt(), sms.id())));
        item.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(sms.createdAt().plus(KEEP)));
        return item;
    }

    /** A put that stores the message once, however often the change that owes it is retried. */
    static Put put(String table, OutboundSms sms) {
        return Put.builder().tableName(table).item(toItem(sms)).conditionExpression("attribute_not_exists(PK)").build();
    }
}
