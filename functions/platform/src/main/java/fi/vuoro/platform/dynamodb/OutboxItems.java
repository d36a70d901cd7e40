package fi.vuoro.platform.dynamodb;

import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.outbox.Premise;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
    static final String VALID_UNTIL = "validUntil";
    static final String PREMISE = "premise";

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
        item.put(VALID_UNTIL, Attributes.epochMillis(sms.validUntil()));
        sms.premise().ifPresent(premise -> item.put(PREMISE, AttributeValue.fromM(premise(premise))));
        item.put("status", AttributeValue.fromS(STATUS_PENDING));
        item.put("attempts", AttributeValue.fromN("0"));
        item.put(GSI_PK, AttributeValue.fromS(DUE_PARTITION));
        item.put(GSI_SK, AttributeValue.fromS(dueKey(sms.createdAt(), sms.id())));
        item.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(sms.keepUntil()));
        return item;
    }

    /** The message's premise as a map: its kind and what it names. */
    static Map<String, AttributeValue> premise(Premise premise) {
        Map<String, AttributeValue> map = new HashMap<>();
        if (premise instanceof Premise.TicketState ticket) {
            map.put("kind", AttributeValue.fromS("ticket"));
            map.put("siteId", AttributeValue.fromS(ticket.siteId()));
            map.put("day", AttributeValue.fromS(ticket.day().toString()));
            map.put("number", AttributeValue.fromN(Integer.toString(ticket.number())));
            map.put("status", AttributeValue.fromS(ticket.status()));
            ticket.calledAt().ifPresent(at -> map.put("calledAt", Attributes.epochMillis(at)));
        } else if (premise instanceof Premise.OfferOpen offer) {
            map.put("kind", AttributeValue.fromS("offer"));
            map.put("siteId", AttributeValue.fromS(offer.siteId()));
            map.put("day", AttributeValue.fromS(offer.day().toString()));
            map.put("number", AttributeValue.fromN(Integer.toString(offer.number())));
            map.put("interpreterId", AttributeValue.fromS(offer.interpreterId()));
            map.put("wave", AttributeValue.fromN(Integer.toString(offer.wave())));
        }
        return map;
    }

    /** The premise stored with a message, if it has one. */
    public static Optional<Premise> premiseOf(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(PREMISE);
        if (value == null || !value.hasM()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> map = value.m();
        String kind = Attributes.string(map, "kind");
        if ("offer".equals(kind)) {
            return Optional.of(new Premise.OfferOpen(Attributes.string(map, "siteId"),
                    LocalDate.parse(Attributes.string(map, "day")), (int) Attributes.number(map, "number"),
                    Attributes.string(map, "interpreterId"), (int) Attributes.number(map, "wave")));
        }
        if (!"ticket".equals(kind)) {
            throw new IllegalStateException("Outbox message with a premise of an unknown kind");
        }
        return Optional.of(new Premise.TicketState(Attributes.string(map, "siteId"),
                LocalDate.parse(Attributes.string(map, "day")), (int) Attributes.number(map, "number"),
                Attributes.string(map, "status"),
                map.containsKey("calledAt") ? Optional.of(Instant.ofEpochMilli(Attributes.number(map, "calledAt")))
                        : Optional.empty()));
    }

    /** When a message stops being worth sending; one written before messages carried it gets the default. */
    public static Instant validUntilOf(Map<String, AttributeValue> item, Instant createdAt) {
        AttributeValue value = item.get(VALID_UNTIL);
        return value == null || value.n() == null ? createdAt.plus(OutboundSms.DEFAULT_LIFETIME)
                : Instant.ofEpochMilli(Long.parseLong(value.n()));
    }

    /** A put that stores the message once, however often the change that owes it is retried. */
    public static Put put(String table, OutboundSms sms) {
        return Put.builder().tableName(table).item(toItem(sms)).conditionExpression("attribute_not_exists(PK)").build();
    }
}
