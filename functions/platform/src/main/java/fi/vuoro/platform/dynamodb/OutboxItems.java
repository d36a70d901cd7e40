package fi.vuoro.platform.dynamodb;

import fi.vuoro.domain.interpreter.InterpreterSms;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.outbox.Premise;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.staff.QueueSms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The outbox item of an SMS owed to a visitor (docs/table-design.md). While it waits to be sent it
 * sits in the sparse index GSI1 under {@code OUTBOX#DUE}, ordered by when it is due. Beside it, in the same
 * transaction, a key item {@code OWED#<owner>} / {@code <id>} names it under the ticket or interpreter it is owed to
 * (the start of its id), so that an erasure finds every message of theirs, in any state, by a strongly consistent
 * Query rather than through the eventually consistent index.
 */
public final class OutboxItems {

    public static final String SK = "MSG";
    public static final String DUE_PARTITION = "OUTBOX#DUE";
    public static final String GSI = "GSI1";
    public static final String GSI_PK = "GSI1PK";
    public static final String GSI_SK = "GSI1SK";
    public static final String STATUS_PENDING = "PENDING";
    static final String OWED_PREFIX = "OWED#";
    static final String VALID_UNTIL = "validUntil";
    static final String PREMISE = "premise";

    private OutboxItems() {
    }

    public static String pk(String id) {
        return "OUTBOX#" + id;
    }

    /** The partition naming every message owed to one owner: a ticket's or an interpreter's id prefix. */
    public static String owedPk(String ownerPrefix) {
        return OWED_PREFIX + ownerPrefix;
    }

    /**
     * Whom a message is owed to, as the start of its id: the ticket its premise names (messages to a visitor), or
     * the interpreter (offers, and the messages after them, which start with {@link InterpreterSms#idPrefix}).
     */
    static Optional<String> ownerOf(OutboundSms sms) {
        if (sms.premise().isPresent() && sms.premise().get() instanceof Premise.TicketState ticket) {
            String prefix = QueueSms.idPrefix(new TicketRef(ticket.siteId(), new ServiceDay(ticket.day()),
                    ticket.number()));
            if (sms.id().startsWith(prefix)) {
                return Optional.of(prefix);
            }
        }
        if (sms.premise().isPresent() && sms.premise().get() instanceof Premise.OfferOpen offer) {
            return Optional.of(InterpreterSms.idPrefix(offer.interpreterId()));
        }
        String interpreters = InterpreterSms.idPrefix("");
        int end = sms.id().indexOf('.', interpreters.length());
        return sms.id().startsWith(interpreters) && end > 0 ? Optional.of(sms.id().substring(0, end + 1))
                : Optional.empty();
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

    /**
     * The key items of the messages, to write in the transaction that puts them (after their puts, so a cancelled
     * put is still found at its place): unconditional, so writing one twice changes nothing.
     */
    public static List<TransactWriteItem> owedKeys(String table, List<OutboundSms> messages) {
        List<TransactWriteItem> keys = new ArrayList<>();
        for (OutboundSms sms : messages) {
            ownerOf(sms).ifPresent(owner -> {
                Map<String, AttributeValue> item = new HashMap<>(Keys.key(owedPk(owner), sms.id()));
                item.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(sms.keepUntil()));
                keys.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build());
            });
        }
        return keys;
    }
}
