package fi.vuoro.platform.dynamodb;

import static fi.vuoro.platform.dynamodb.Keys.key;

import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.queue.DayFullException;
import fi.vuoro.domain.queue.DayVersion;
import fi.vuoro.domain.queue.Desk;
import fi.vuoro.domain.queue.JoinWrites;
import fi.vuoro.domain.queue.LiveTicketExistsException;
import fi.vuoro.domain.queue.NumberDraw;
import fi.vuoro.domain.queue.QueueBusyException;
import fi.vuoro.domain.queue.QueueDay;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketChange;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.queue.TicketPosition;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.queue.WaitingTally;
import fi.vuoro.domain.staff.QueueSms;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Tickets in DynamoDB: one partition per site and service day, plus per-visitor pointers. It writes what the
 * domain's ticket lifecycle decided; the only rule it knows is the one every change shares: a ticket is written
 * onto the version the change was decided on, or not at all.
 */
public final class DynamoQueueStore implements QueueStore {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    /** Cancellation reasons that mean "nothing was written, try again": another transaction or throttling. */
    private static final Set<String> TRY_AGAIN = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded", "RequestLimitExceeded");
    private static final int LIVE_POINTER_INDEX = 1;
    private static final int ATTEMPTS = 4;
    /** The day's count of WAITING tickets, on its COUNTER item; every write that moves a ticket into or out of WAITING moves it. */
    static final String WAITING = "waiting";
    static final String NEXT_NUMBER = "nextNumber";
    static final String LAST_DRAW_AT = "lastDrawAt";
    /** The ticket attribute naming the last write of it, so that a write can recognise itself. */
    static final String CHANGE = "change";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoQueueStore(DynamoDbClient dynamo, TableName table) {
        this(dynamo, table, Clock.systemUTC());
    }

    /** {@code clock} dates the draws, which the no-show sweep's correction of the waiting count waits out. */
    public DynamoQueueStore(DynamoDbClient dynamo, TableName table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table.value();
        this.clock = clock;
    }

    @Override
    public NumberDraw drawNumber(String siteId, ServiceDay day, Instant expiresAt) {
        // ADD is atomic: concurrent joins each get their own number, in order, and count themselves among the
        // waiting in the same step, so each sees those drawn before it. A join that loses a race for the same
        // visitor leaves its number unused (harmless: positions are counted, not derived) and gives its place back.
        // The day's last number is drawn at most once: a full day refuses the draw and counts nobody.
        Map<String, AttributeValue> updated;
        try {
            updated = whileCounterHeld("join", () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(key(Keys.day(siteId, day), Keys.COUNTER))
                    .updateExpression("ADD #next :one, #waiting :one SET expiresAt = :expires, #drawn = :now")
                    .conditionExpression("attribute_not_exists(#next) OR #next < :last")
                    .expressionAttributeNames(Map.of("#next", NEXT_NUMBER, "#waiting", WAITING, "#drawn", LAST_DRAW_AT))
                    .expressionAttributeValues(Map.of(
                            ":one", AttributeValue.fromN("1"),
                            ":last", AttributeValue.fromN(Integer.toString(TicketCode.MAX_PER_DAY)),
                            ":expires", Attributes.epochSeconds(expiresAt),
                            ":now", Attributes.epochMillis(clock.instant())))
                    .returnValues(ReturnValue.UPDATED_NEW))).attributes();
        } catch (ConditionalCheckFailedException full) {
            throw new DayFullException(siteId);
        }
        return new NumberDraw((int) Attributes.number(updated, NEXT_NUMBER),
                (int) Attributes.number(updated, WAITING) - 1);
    }

    /**
     * Writes the ticket, the visitor's live pointer and history ref and what the join writes besides (the profile, and
     * the reply to the message, once), in one transaction. A ticket refused gives back the place its draw took.
     */
    @Override
    public void createTicket(Ticket ticket, Optional<JoinWrites> with) {
        TicketRef ref = ticket.ref();
        String phoneKey = Keys.phone(ticket.phoneHash().orElseThrow());
        Map<String, AttributeValue> pointer = pointerItem(phoneKey, Keys.live(ticket.siteId()), ticket);
        Map<String, AttributeValue> history = pointerItem(phoneKey, Keys.ticketRef(ref), ticket);
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(TicketItems.toItem(ticket))
                        .conditionExpression("attribute_not_exists(PK)").build()).build(),
                // A pointer left from an earlier service day does not block today's join.
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(pointer)
                        .conditionExpression("attribute_not_exists(PK) OR #day <> :day")
                        .expressionAttributeNames(Map.of("#day", "day"))
                        .expressionAttributeValues(Map.of(":day", AttributeValue.fromS(ref.day().date().toString())))
                        .build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(history).build()).build()));
        with.ifPresent(also -> {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(DynamoVisitorStore.profileItem(also.profile(), also.profileExpiresAt())).build()).build());
            writes.add(TransactWriteItem.builder().put(DynamoReplyLog.putIfAbsent(table, also.profile().phoneHash(),
                    also.messageId(), also.reply(), also.replyExpiresAt())).build());
        });
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return;
            } catch (TransactionCanceledException cancelled) {
                if (failedOnCondition(cancelled, LIVE_POINTER_INDEX)) {
                    Map<String, AttributeValue> existing = dynamo.getItem(b -> b.tableName(table)
                            .key(key(phoneKey, Keys.live(ticket.siteId()))).consistentRead(true)).item();
                    if (ref.equals(refOf(existing))) {
                        // An earlier attempt of this very write landed (its answer was lost and the SDK sent it
                        // again): the ticket is created, and its place stays counted.
                        return;
                    }
                    giveBackDraw(ref, ticket.expiresAt());
                    throw new LiveTicketExistsException(refOf(existing));
                }
                if (!worthRetrying(cancelled)) {
                    giveBackDraw(ref, ticket.expiresAt());
                    throw cancelled;
                }
                try {
                    pauseBefore(attempt + 1, "join");
                } catch (QueueBusyException busy) {
                    giveBackDraw(ref, ticket.expiresAt());
                    throw busy;
                }
            }
        }
    }

    @Override
    public void createWalkIn(Ticket ticket) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(TicketItems.toItem(ticket))
                            .conditionExpression("attribute_not_exists(PK)").build()).build(),
                    viewChanged(ticket.siteId(), ticket.day(), ticket.expiresAt())));
        } catch (TransactionCanceledException taken) {
            if (failedOnCondition(taken, 0)) {
                giveBackDraw(ticket.ref(), ticket.expiresAt());
            }
            throw taken;
        }
    }

    /**
     * A drawn number whose ticket was certainly not written (its write was refused) leaves the waiting. One whose
     * outcome is unknown (no answer) is left counted; the no-show sweep's correction finds it.
     */
    private void giveBackDraw(TicketRef ref, Instant expiresAt) {
        Update giveBack = countWaiting(ref, -1, expiresAt).build();
        whileCounterHeld("join", () -> dynamo.updateItem(b -> b.tableName(giveBack.tableName()).key(giveBack.key())
                .updateExpression(giveBack.updateExpression())
                .expressionAttributeNames(giveBack.expressionAttributeNames())
                .expressionAttributeValues(giveBack.expressionAttributeValues())));
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

    /**
     * One strongly consistent Query of the day's tickets up to this one: the ticket itself is the last item, and the
     * WAITING ones before it are counted (a filter leaves the others out of the answer, though DynamoDB reads them).
     */
    @Override
    public Optional<TicketPosition> findWithPosition(TicketRef ref, Instant now) {
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :day AND SK BETWEEN :first AND :mine")
                .filterExpression("#status = :waiting OR #number = :number")
                .expressionAttributeNames(Map.of("#status", TicketItems.STATUS, "#number", "number"))
                .expressionAttributeValues(Map.of(
                        ":day", AttributeValue.fromS(Keys.day(ref.siteId(), ref.day())),
                        ":first", AttributeValue.fromS(Keys.ticket(1)),
                        ":mine", AttributeValue.fromS(Keys.ticket(ref.number())),
                        ":waiting", AttributeValue.fromS(TicketStatus.WAITING.name()),
                        ":number", AttributeValue.fromN(Integer.toString(ref.number()))))
                .consistentRead(true)
                .build();
        String mine = Keys.ticket(ref.number());
        int ahead = 0;
        Optional<Ticket> ticket = Optional.empty();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(request).items()) {
            if (mine.equals(Attributes.string(item, Keys.SK))) {
                ticket = TicketItems.liveOnly(item, now);
            } else if (Attributes.isLive(item, now)) {
                ahead++;
            }
        }
        int waitingAhead = ahead;
        return ticket.map(found -> new TicketPosition(found, waitingAhead));
    }

    @Override
    public DayVersion dayVersion(String siteId, ServiceDay day) {
        return DayVersions.read(dynamo, table, siteId, day);
    }

    @Override
    public QueueDay day(String siteId, ServiceDay day, Instant now) {
        return DayPartition.queueDay(DayPartition.read(dynamo, table, siteId, day), now);
    }

    /**
     * Sets the count only if neither it nor the numbers drawn moved since {@code read}, and the day's version did not
     * either: a call and its putting back leave the count as it was, yet the tickets it was computed from may have been
     * read between them (a Query is no snapshot), so only an unchanged day proves the computed count still true.
     */
    @Override
    public boolean correctWaiting(String siteId, ServiceDay day, WaitingTally read, int waiting) {
        String unchanged = read.waiting() == 0
                ? "(attribute_not_exists(#waiting) OR #waiting = :read) AND #next = :drawn"
                : "#waiting = :read AND #next = :drawn";
        String sameDay = read.changes() == 0
                ? "attribute_not_exists(#changes) OR #changes = :changes" : "#changes = :changes";
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                            .key(key(Keys.day(siteId, day), Keys.VIEW))
                            .conditionExpression(sameDay)
                            .expressionAttributeNames(Map.of("#changes", DayVersions.CHANGES))
                            .expressionAttributeValues(Map.of(":changes",
                                    AttributeValue.fromN(Long.toString(read.changes()))))
                            .build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(key(Keys.day(siteId, day), Keys.COUNTER))
                            .updateExpression("SET #waiting = :waiting")
                            .conditionExpression(unchanged)
                            .expressionAttributeNames(Map.of("#waiting", WAITING, "#next", NEXT_NUMBER))
                            .expressionAttributeValues(Map.of(
                                    ":waiting", AttributeValue.fromN(Integer.toString(waiting)),
                                    ":read", AttributeValue.fromN(Integer.toString(read.waiting())),
                                    ":drawn", AttributeValue.fromN(Integer.toString(read.drawn()))))
                            .build()).build()));
            return true;
        } catch (TransactionCanceledException movedMeanwhile) {
            return false;
        }
    }

    /**
     * Writes a change decided on {@code before}: the ticket's new state as a whole item, one version on, on the
     * condition that the stored ticket still has {@code before}'s version; with the SMS it owes and the live slot it
     * frees in the same transaction.
     *
     * <p>The ticket's own state decides. The secondary items follow it: when the live slot already points at
     * another ticket of the visitor (they joined again meanwhile), it is theirs and stays; when an SMS is already in
     * the outbox, it is owed once. Either way the change is written without it. A transaction that DynamoDB cancels
     * because another one holds the same items, or throttles, wrote nothing and is tried again. Each write marks the
     * ticket with a fresh id: if the version condition fails but the ticket carries that id, an earlier attempt of
     * this very write landed (its answer was lost and the SDK sent it again), so it counts as done, and a staff
     * action is never applied twice.
     */
    @Override
    public boolean apply(TicketChange change) {
        Ticket before = change.before();
        String mark = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = new HashMap<>(TicketItems.toItem(change.after().nextVersion()));
        item.put(CHANGE, AttributeValue.fromS(mark));
        String condition = before.version() == 0
                ? "attribute_exists(PK) AND (attribute_not_exists(#version) OR #version = :version)"
                : "#version = :version";
        Map<String, String> names = Map.of("#version", TicketItems.VERSION);
        Map<String, AttributeValue> values = Map.of(":version",
                AttributeValue.fromN(Integer.toString(before.version())));
        List<OutboundSms> owed = new ArrayList<>(change.owed());
        Optional<Delete> slot = change.freesLiveSlot()
                ? before.phoneHash().map(hash -> freeLiveSlot(hash, before.ref())) : Optional.empty();
        int waitingMoved = waiting(change.after()) - waiting(before);
        Optional<Update> counter = waitingMoved == 0 ? Optional.empty()
                : Optional.of(countWaiting(before.ref(), waitingMoved, before.expiresAt()).build());
        for (int attempt = 1; ; attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build());
            owed.forEach(message -> writes.add(TransactWriteItem.builder().put(OutboxItems.put(table, message)).build()));
            writes.addAll(OutboxItems.owedKeys(table, owed));
            counter.ifPresent(update -> writes.add(TransactWriteItem.builder().update(update).build()));
            int slotIndex = writes.size();
            slot.ifPresent(delete -> writes.add(TransactWriteItem.builder().delete(delete).build()));
            writes.add(viewChanged(before.siteId(), before.day(), before.expiresAt()));
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return true;
            } catch (TransactionCanceledException cancelled) {
                if (failedOnCondition(cancelled, 0)) {
                    return madeBy(cancelled.cancellationReasons().get(0).item(), mark);
                }
                boolean secondary = false;
                for (int i = owed.size(); i >= 1; i--) {
                    if (failedOnCondition(cancelled, i)) {
                        owed.remove(i - 1);
                        secondary = true;
                    }
                }
                if (slot.isPresent() && failedOnCondition(cancelled, slotIndex)) {
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

    @Override
    public void setDesk(String siteId, ServiceDay day, Desk desk, Instant expiresAt) {
        Put put = Put.builder().tableName(table).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.day(siteId, day)),
                Keys.SK, AttributeValue.fromS(Keys.DESK_PREFIX + desk.label()),
                "label", AttributeValue.fromS(desk.label()),
                "open", AttributeValue.fromBool(desk.open()),
                "changedBy", AttributeValue.fromS(desk.changedBy()),
                "changedAt", Attributes.epochMillis(desk.changedAt()),
                Attributes.EXPIRES_AT, Attributes.epochSeconds(expiresAt))).build();
        dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(put).build(),
                viewChanged(siteId, day, expiresAt)));
    }

    @Override
    public List<TicketRef> ticketsOf(String phoneHash) {
        List<TicketRef> refs = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("PK = :phone AND begins_with(SK, :ticket)")
                        .expressionAttributeValues(Map.of(
                                ":phone", AttributeValue.fromS(Keys.phone(phoneHash)),
                                ":ticket", AttributeValue.fromS(Keys.TICKET_PREFIX)))
                        .consistentRead(true))
                .items().forEach(item -> refs.add(refOf(item)));
        return refs;
    }

    /** Deletes every SMS of the ticket, owed or sent: the visitor's erasure takes their number and texts too. */
    @Override
    public void dropOwedSms(TicketRef ref) {
        OwedSmsErasure.dropAll(dynamo, table, QueueSms.idPrefix(ref));
    }

    @Override
    public void forgetVisitor(String phoneHash) {
        String phoneKey = Keys.phone(phoneHash);
        List<String> sortKeys = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("PK = :phone")
                        .expressionAttributeValues(Map.of(":phone", AttributeValue.fromS(phoneKey)))
                        .consistentRead(true))
                .items().forEach(item -> sortKeys.add(Attributes.string(item, Keys.SK)));
        for (String sortKey : sortKeys) {
            dynamo.deleteItem(b -> b.tableName(table).key(key(phoneKey, sortKey)));
        }
    }

    private static int waiting(Ticket ticket) {
        return ticket.status() == TicketStatus.WAITING ? 1 : 0;
    }

    /**
     * Moves the day's count of WAITING tickets by {@code delta}, in the write that moves the ticket. The COUNTER item
     * exists once a number was drawn; should it have expired meanwhile, it is made again with the day's expiry.
     */
    private Update.Builder countWaiting(TicketRef ref, int delta, Instant expiresAt) {
        return Update.builder().tableName(table)
                .key(key(Keys.day(ref.siteId(), ref.day()), Keys.COUNTER))
                .updateExpression("ADD #waiting :delta SET expiresAt = if_not_exists(expiresAt, :expires)")
                .expressionAttributeNames(Map.of("#waiting", WAITING))
                .expressionAttributeValues(Map.of(
                        ":delta", AttributeValue.fromN(Integer.toString(delta)),
                        ":expires", Attributes.epochSeconds(expiresAt)));
    }

    /**
     * Runs a plain write of the day's COUNTER item. DynamoDB refuses it with {@code TransactionConflictException}
     * while a ticket change's transaction holds the item (the change moves the count of waiting), and the SDK does not
     * retry that: nothing was written, so it is tried again after a short pause.
     */
    private static <T> T whileCounterHeld(String what, Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (TransactionConflictException held) {
                pauseBefore(attempt + 1, what);
            }
        }
    }

    /** Moves the day's version on (see {@link DayVersions}), in the transaction of a write staff see. */
    private TransactWriteItem viewChanged(String siteId, ServiceDay day, Instant expiresAt) {
        return DayVersions.changed(table, siteId, day, expiresAt);
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

    /** Whether the ticket item (as it was when a condition failed) carries the mark of this write. */
    private static boolean madeBy(Map<String, AttributeValue> item, String mark) {
        return item != null && item.containsKey(CHANGE) && mark.equals(item.get(CHANGE).s());
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

    private static Map<String, AttributeValue> pointerItem(String phoneKey, String sortKey, Ticket ticket) {
        return Map.of(
                Keys.PK, AttributeValue.fromS(phoneKey),
                Keys.SK, AttributeValue.fromS(sortKey),
                "siteId", AttributeValue.fromS(ticket.siteId()),
                "day", AttributeValue.fromS(ticket.day().date().toString()),
                "number", AttributeValue.fromN(Integer.toString(ticket.number())),
                Attributes.EXPIRES_AT, Attributes.epochSeconds(ticket.expiresAt()));
    }

    /** The ticket a live pointer or history ref names. */
    static TicketRef refOf(Map<String, AttributeValue> pointer) {
        return new TicketRef(Attributes.string(pointer, "siteId"),
                new ServiceDay(LocalDate.parse(Attributes.string(pointer, "day"))),
                (int) Attributes.number(pointer, "number"));
    }

    private static boolean failedOnCondition(TransactionCanceledException cancelled, int index) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        return reasons != null && reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }
}
