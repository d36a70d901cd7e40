package fi.vuoro.platform.dynamodb;

import static fi.vuoro.platform.dynamodb.Keys.key;

import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.queue.Desk;
import fi.vuoro.domain.queue.LiveTicketExistsException;
import fi.vuoro.domain.queue.QueueBusyException;
import fi.vuoro.domain.queue.QueueDay;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.staff.QueueSms;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Tickets in DynamoDB: one partition per site and service day, plus per-visitor pointers. */
public final class DynamoQueueStore implements QueueStore {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    /** Cancellation reasons that mean "nothing was written, try again": another transaction or throttling. */
    private static final Set<String> TRY_AGAIN = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded", "RequestLimitExceeded");
    private static final int LIVE_POINTER_INDEX = 1;
    private static final int ATTEMPTS = 4;
    /** The ticket attribute naming the last change written to it, so that a change can recognise itself. */
    static final String CHANGE = "change";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoQueueStore(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public int nextTicketNumber(String siteId, ServiceDay day, Instant expiresAt) {
        // ADD is atomic: concurrent joins each get their own number, in order. A join that loses a race for
        // the same visitor leaves its number unused, which is harmless: positions are counted, not derived.
        Map<String, AttributeValue> updated = dynamo.updateItem(b -> b.tableName(table)
                .key(key(Keys.day(siteId, day), Keys.COUNTER))
                .updateExpression("ADD nextNumber :one SET expiresAt = :expires")
                .expressionAttributeValues(Map.of(
                        ":one", AttributeValue.fromN("1"),
                        ":expires", Attributes.epochSeconds(expiresAt)))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        return (int) Attributes.number(updated, "nextNumber");
    }

    @Override
    public void createTicket(Ticket ticket) {
        TicketRef ref = ticket.ref();
        String phoneKey = Keys.phone(ticket.phoneHash().orElseThrow());
        Map<String, AttributeValue> pointer = pointerItem(phoneKey, Keys.live(ticket.siteId()), ticket);
        Map<String, AttributeValue> history = pointerItem(phoneKey, Keys.ticketRef(ref), ticket);
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(TicketItems.toItem(ticket))
                        .conditionExpression("attribute_not_exists(PK)").build()).build(),
                // A pointer left from an earlier service day does not block today's join.
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(pointer)
                        .conditionExpression("attribute_not_exists(PK) OR #day <> :day")
                        .expressionAttributeNames(Map.of("#day", "day"))
                        .expressionAttributeValues(Map.of(":day", AttributeValue.fromS(ref.day().date().toString())))
                        .build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(history).build()).build());
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return;
            } catch (TransactionCanceledException cancelled) {
                if (failedOnCondition(cancelled, LIVE_POINTER_INDEX)) {
                    Map<String, AttributeValue> existing = dynamo.getItem(b -> b.tableName(table)
                            .key(key(phoneKey, Keys.live(ticket.siteId()))).consistentRead(true)).item();
                    throw new LiveTicketExistsException(refOf(existing));
                }
                if (!worthRetrying(cancelled)) {
                    throw cancelled;
                }
                pauseBefore(attempt + 1, "join");
            }
        }
    }

    @Override
    public Optional<Ticket> findLiveTicket(String phoneHash, String siteId, Instant now) {
        Map<String, AttributeValue> pointer = dynamo.getItem(b -> b.tableName(table)
                .key(key(Keys.phone(phoneHash), Keys.live(siteId))).consistentRead(true)).item();
        if (!Attributes.isLive(pointer, now)) {
            return Optional.empty();
        }
        TicketRef ref = refOf(pointer);
        if (!ref.day().equals(ServiceDay.of(now))) {
            return Optional.empty();
        }
        return find(ref, now).filter(ticket -> ticket.status().isLive());
    }

    @Override
    public Optional<Ticket> find(TicketRef ref, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Keys.ticketKey(ref)).consistentRead(true)).item();
        return TicketItems.liveOnly(item, now);
    }

    @Override
    public int countWaitingAhead(TicketRef ref, Instant now) {
        if (ref.number() <= 1) {
            return 0;
        }
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :day AND SK BETWEEN :first AND :before")
                .filterExpression("#status = :waiting AND expiresAt > :now")
                .expressionAttributeNames(Map.of("#status", TicketItems.STATUS))
                .expressionAttributeValues(Map.of(
                        ":day", AttributeValue.fromS(Keys.day(ref.siteId(), ref.day())),
                        ":first", AttributeValue.fromS(Keys.ticket(1)),
                        ":before", AttributeValue.fromS(Keys.ticket(ref.number() - 1)),
                        ":waiting", AttributeValue.fromS(TicketStatus.WAITING.name()),
                        ":now", Attributes.epochSeconds(now)))
                .select(Select.COUNT)
                .consistentRead(true)
                .build();
        int count = 0;
        for (QueryResponse page : dynamo.queryPaginator(request)) {
            count += page.count();
        }
        return count;
    }

    @Override
    public boolean leave(Ticket ticket, Instant now) {
        TicketRef ref = ticket.ref();
        return transition(ref, "SET #status = :left, finishedAt = :now", "REMOVE phoneCipher",
                "#status IN (:waiting, :called)", liveStatusValues(now), Optional.empty(),
                ticket.phoneHash().map(hash -> freeLiveSlot(hash, ref)));
    }

    @Override
    public void changeLanguage(TicketRef ref, String language, boolean needsInterpreter) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Keys.ticketKey(ref))
                    .updateExpression("SET #language = :language, needsInterpreter = :needs")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeNames(Map.of("#language", TicketItems.LANGUAGE))
                    .expressionAttributeValues(Map.of(
                            ":language", AttributeValue.fromS(language),
                            ":needs", AttributeValue.fromBool(needsInterpreter))));
        } catch (ConditionalCheckFailedException gone) {
            // The ticket expired in between: the visitor's stored language still changed.
        }
    }

    @Override
    public void eraseVisitor(String phoneHash, Instant now) {
        String phoneKey = Keys.phone(phoneHash);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("PK = :phone")
                        .expressionAttributeValues(Map.of(":phone", AttributeValue.fromS(phoneKey)))
                        .consistentRead(true))
                .items().forEach(items::add);
        for (Map<String, AttributeValue> item : items) {
            if (Attributes.string(item, Keys.SK).startsWith(Keys.TICKET_PREFIX)) {
                TicketRef ref = refOf(item);
                forgetPhoneOn(ref, now);
                dropOwedSms(ref);
            }
        }
        for (Map<String, AttributeValue> item : items) {
            dynamo.deleteItem(b -> b.tableName(table).key(key(phoneKey, Attributes.string(item, Keys.SK))));
        }
    }

    @Override
    public QueueDay day(String siteId, ServiceDay day, Instant now) {
        List<Ticket> tickets = new ArrayList<>();
        List<Desk> desks = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("PK = :day")
                        .expressionAttributeValues(Map.of(":day", AttributeValue.fromS(Keys.day(siteId, day))))
                        .consistentRead(true))
                .items().forEach(item -> {
                    String sortKey = Attributes.string(item, Keys.SK);
                    if (sortKey.startsWith(Keys.TICKET_PREFIX)) {
                        TicketItems.liveOnly(item, now).ifPresent(tickets::add);
                    } else if (sortKey.startsWith(Keys.DESK_PREFIX) && Attributes.isLive(item, now)) {
                        desks.add(new Desk(Attributes.string(item, "label"), Attributes.bool(item, "open"),
                                Attributes.string(item, "changedBy"),
                                Instant.ofEpochMilli(Attributes.number(item, "changedAt"))));
                    }
                });
        return new QueueDay(tickets, desks);
    }

    @Override
    public void createWalkIn(Ticket ticket) {
        dynamo.putItem(b -> b.tableName(table).item(TicketItems.toItem(ticket))
                .conditionExpression("attribute_not_exists(PK)"));
    }

    @Override
    public boolean call(Ticket ticket, String desk, Instant now, Optional<OutboundSms> sms) {
        return transition(ticket.ref(), "SET #status = :called, #desk = :desk, calledAt = :now", "",
                "#status = :waiting",
                Map.of(":called", AttributeValue.fromS(TicketStatus.CALLED.name()),
                        ":waiting", AttributeValue.fromS(TicketStatus.WAITING.name()),
                        ":desk", AttributeValue.fromS(desk),
                        ":now", Attributes.epochMillis(now)),
                sms, Optional.empty());
    }

    @Override
    public boolean recall(Ticket ticket, String desk, Instant now, Optional<OutboundSms> sms) {
        return transition(ticket.ref(), "SET #desk = :desk, calledAt = :now", "",
                "#status = :called",
                Map.of(":called", AttributeValue.fromS(TicketStatus.CALLED.name()),
                        ":desk", AttributeValue.fromS(desk),
                        ":now", Attributes.epochMillis(now)),
                sms, Optional.empty());
    }

    @Override
    public boolean finish(Ticket ticket, TicketStatus outcome, Instant now, Optional<OutboundSms> sms) {
        if (outcome != TicketStatus.SERVED && outcome != TicketStatus.NO_SHOW) {
            throw new IllegalArgumentException("A called visitor is either served or a no-show, not " + outcome);
        }
        return transition(ticket.ref(), "SET #status = :outcome, finishedAt = :now", "REMOVE phoneCipher",
                "#status = :called",
                Map.of(":outcome", AttributeValue.fromS(outcome.name()),
                        ":called", AttributeValue.fromS(TicketStatus.CALLED.name()),
                        ":now", Attributes.epochMillis(now)),
                sms, ticket.phoneHash().map(hash -> freeLiveSlot(hash, ticket.ref())));
    }

    @Override
    public boolean requeue(Ticket ticket, Instant now) {
        return transition(ticket.ref(), "SET #status = :waiting", "REMOVE #desk, calledAt, finishedAt",
                "#status IN (:called, :noShow)",
                Map.of(":waiting", AttributeValue.fromS(TicketStatus.WAITING.name()),
                        ":called", AttributeValue.fromS(TicketStatus.CALLED.name()),
                        ":noShow", AttributeValue.fromS(TicketStatus.NO_SHOW.name())),
                Optional.empty(), Optional.empty());
    }

    @Override
    public boolean markComeBackSent(Ticket ticket, Optional<OutboundSms> sms) {
        return transition(ticket.ref(), "SET comeBackSent = :yes", "",
                "#status = :waiting AND attribute_not_exists(comeBackSent)",
                Map.of(":yes", AttributeValue.fromBool(true),
                        ":waiting", AttributeValue.fromS(TicketStatus.WAITING.name())),
                sms, Optional.empty());
    }

    @Override
    public void setDesk(String siteId, ServiceDay day, Desk desk, Instant expiresAt) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.day(siteId, day)),
                Keys.SK, AttributeValue.fromS(Keys.DESK_PREFIX + desk.label()),
                "label", AttributeValue.fromS(desk.label()),
                "open", AttributeValue.fromBool(desk.open()),
                "changedBy", AttributeValue.fromS(desk.changedBy()),
                "changedAt", Attributes.epochMillis(desk.changedAt()),
                Attributes.EXPIRES_AT, Attributes.epochSeconds(expiresAt))));
    }

    /**
     * One conditional change of a ticket, together with the SMS it owes and the visitor's live slot it frees, in a
     * single transaction: the change and its message happen together or not at all.
     *
     * <p>The ticket's own state is what decides. The secondary items follow it: when the live slot already points
     * at another ticket of the visitor (they joined again meanwhile), it is theirs and stays; when the SMS is
     * already in the outbox, it is owed once. Either way the change is written without it. A transaction that
     * DynamoDB cancels because another one holds the same items, or throttles, wrote nothing and is tried again.
     * Each change marks the ticket with a fresh id: if its condition fails but the ticket carries that id, an
     * earlier attempt of this very change was written (its answer was lost and the SDK sent it again), so it counts
     * as done, and a staff action is never applied twice.
     *
     * @return false if the ticket was not in the state the condition requires
     */
    private boolean transition(TicketRef ref, String set, String remove, String condition,
                               Map<String, AttributeValue> values, Optional<OutboundSms> sms,
                               Optional<Delete> freeSlot) {
        String change = UUID.randomUUID().toString();
        Map<String, String> names = new HashMap<>();
        names.put("#status", TicketItems.STATUS);
        names.put("#change", CHANGE);
        if (set.contains("#desk") || remove.contains("#desk") || condition.contains("#desk")) {
            names.put("#desk", TicketItems.DESK);
        }
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":change", AttributeValue.fromS(change));
        String update = set + ", #change = :change" + (remove.isEmpty() ? "" : " " + remove);
        String fullCondition = "attribute_exists(PK) AND " + condition;
        Optional<OutboundSms> owed = sms;
        Optional<Delete> slot = freeSlot;
        for (int attempt = 1; ; attempt++) {
            if (owed.isEmpty() && slot.isEmpty()) {
                try {
                    dynamo.updateItem(b -> b.tableName(table).key(Keys.ticketKey(ref)).updateExpression(update)
                            .conditionExpression(fullCondition).expressionAttributeNames(names)
                            .expressionAttributeValues(allValues)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                    return true;
                } catch (ConditionalCheckFailedException notInThatState) {
                    return madeBy(notInThatState.item(), change);
                }
            }
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(Keys.ticketKey(ref))
                    .updateExpression(update).conditionExpression(fullCondition).expressionAttributeNames(names)
                    .expressionAttributeValues(allValues)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build());
            owed.ifPresent(message -> writes.add(TransactWriteItem.builder().put(OutboxItems.put(table, message)).build()));
            slot.ifPresent(delete -> writes.add(TransactWriteItem.builder().delete(delete).build()));
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return true;
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.cancellationReasons();
                if (failedOnCondition(cancelled, 0)) {
                    return madeBy(reasons.get(0).item(), change);
                }
                int smsIndex = owed.isPresent() ? 1 : -1;
                int slotIndex = slot.isPresent() ? writes.size() - 1 : -1;
                boolean secondary = false;
                if (smsIndex > 0 && failedOnCondition(cancelled, smsIndex)) {
                    owed = Optional.empty();
                    secondary = true;
                }
                if (slotIndex > 0 && failedOnCondition(cancelled, slotIndex)) {
                    slot = Optional.empty();
                    secondary = true;
                }
                if (secondary) {
                    continue;
                }
                if (!worthRetrying(cancelled)) {
                    throw cancelled;
                }
                pauseBefore(attempt + 1, "ticket change");
            }
        }
    }

    /** Deletes the visitor's live slot at the site, if it still points at this ticket. */
    private Delete freeLiveSlot(String phoneHash, TicketRef ref) {
        return Delete.builder().tableName(table)
                .key(key(Keys.phone(phoneHash), Keys.live(ref.siteId())))
                .conditionExpression("attribute_not_exists(PK) OR (#day = :day AND #number = :number)")
                .expressionAttributeNames(Map.of("#day", "day", "#number", "number"))
                .expressionAttributeValues(Map.of(
                        ":day", AttributeValue.fromS(ref.day().date().toString()),
                        ":number", AttributeValue.fromN(Integer.toString(ref.number()))))
                .build();
    }

    /** Whether the ticket item (as it was when a condition failed) carries the mark of this change. */
    private static boolean madeBy(Map<String, AttributeValue> item, String change) {
        return item != null && item.containsKey(CHANGE) && change.equals(item.get(CHANGE).s());
    }

    /** Only conflicts and throttling are worth another try: nothing was written, and it may pass next time. */
    private static boolean worthRetrying(TransactionCanceledException cancelled) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        return reasons != null && reasons.stream().anyMatch(reason -> TRY_AGAIN.contains(reason.code()))
                && reasons.stream().noneMatch(reason -> CONDITION_FAILED.equals(reason.code()));
    }

    /** Waits a little, growing and jittered, before another attempt; gives up after the last one. */
    private static void pauseBefore(int attempt, String what) {
        if (attempt > ATTEMPTS) {
            throw new QueueBusyException("The queue is busy: the " + what + " could not be written, try again");
        }
        long base = 20L << (attempt - 2);
        try {
            // A generator made per call: no random state is kept from before a SnapStart snapshot.
            Thread.sleep(base + new SecureRandom().nextLong(base));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueBusyException("Interrupted while the " + what + " waited to be tried again");
        }
    }

    /**
     * Deletes the SMS still waiting to be sent for a ticket: the visitor asked for everything about them
     * to be deleted, the encrypted number in those messages included. A message a dispatcher is sending
     * at this very moment is past stopping; it loses its number once sent.
     */
    private void dropOwedSms(TicketRef ref) {
        String idPrefix = QueueSms.idPrefix(ref);
        dynamo.queryPaginator(b -> b.tableName(table).indexName(OutboxItems.GSI)
                        .keyConditionExpression(OutboxItems.GSI_PK + " = :due")
                        .filterExpression("begins_with(id, :ticket)")
                        .expressionAttributeValues(Map.of(
                                ":due", AttributeValue.fromS(OutboxItems.DUE_PARTITION),
                                ":ticket", AttributeValue.fromS(idPrefix))))
                .items().forEach(owed -> {
                    try {
                        dynamo.deleteItem(b -> b.tableName(table)
                                .key(key(Attributes.string(owed, Keys.PK), OutboxItems.SK))
                                .conditionExpression("#status = :pending")
                                .expressionAttributeNames(Map.of("#status", "status"))
                                .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS(OutboxItems.STATUS_PENDING))));
                    } catch (ConditionalCheckFailedException beingSent) {
                        // Claimed by a dispatcher a moment ago: it is sent and then loses its number.
                    }
                });
    }

    /** Ends the ticket as LEFT if it is still live, and removes the phone identity from it either way. */
    private void forgetPhoneOn(TicketRef ref, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Keys.ticketKey(ref))
                    .updateExpression("SET #status = :left, finishedAt = :now REMOVE phoneCipher, phoneHash")
                    .conditionExpression("#status IN (:waiting, :called)")
                    .expressionAttributeNames(Map.of("#status", TicketItems.STATUS))
                    .expressionAttributeValues(liveStatusValues(now)));
        } catch (ConditionalCheckFailedException alreadyEnded) {
            try {
                dynamo.updateItem(b -> b.tableName(table).key(Keys.ticketKey(ref))
                        .updateExpression("REMOVE phoneCipher, phoneHash")
                        .conditionExpression("attribute_exists(PK)"));
            } catch (ConditionalCheckFailedException expired) {
                // Already deleted by its TTL: nothing left to forget.
            }
        }
    }

    private static Map<String, AttributeValue> liveStatusValues(Instant now) {
        return Map.of(
                ":left", AttributeValue.fromS(TicketStatus.LEFT.name()),
                ":waiting", AttributeValue.fromS(TicketStatus.WAITING.name()),
                ":called", AttributeValue.fromS(TicketStatus.CALLED.name()),
                ":now", Attributes.epochMillis(now));
    }

    private static Map<String, AttributeValue> pointerItem(String phoneKey, String sortKey, Ticket ticket) {
        return Map.of(
                Keys.PK, AttributeValue.fromS(phoneKey),
                Keys.SK, AttributeValue.fromS(sortKey),
                "siteId", AttributeValue.fromS(ticket.siteId()),
                "day", AttributeValue.fromS(ticket.day().date().toString()),
                "number", AttributeValue.fromN(Integer.toString(ticket.number())),
                Attributes.EXPIRES_AT, Attributes.epochSeconds(ticket.expiresAt()));
    }

    private static TicketRef refOf(Map<String, AttributeValue> pointer) {
        return new TicketRef(Attributes.string(pointer, "siteId"),
                new ServiceDay(LocalDate.parse(Attributes.string(pointer, "day"))),
                (int) Attributes.number(pointer, "number"));
    }

    private static boolean failedOnCondition(TransactionCanceledException cancelled, int index) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        return reasons != null && reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }
}
