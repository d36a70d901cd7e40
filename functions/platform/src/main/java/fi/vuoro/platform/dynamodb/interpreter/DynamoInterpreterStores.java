package fi.vuoro.platform.dynamodb.interpreter;

import fi.vuoro.domain.interpreter.DayWithRequests;
import fi.vuoro.domain.interpreter.HeldOffer;
import fi.vuoro.domain.interpreter.Interpreter;
import fi.vuoro.domain.interpreter.InterpreterConflictException;
import fi.vuoro.domain.interpreter.InterpreterDirectory;
import fi.vuoro.domain.interpreter.InterpreterRequest;
import fi.vuoro.domain.interpreter.InterpreterRequestStore;
import fi.vuoro.domain.interpreter.InterpreterSms;
import fi.vuoro.domain.interpreter.Offer;
import fi.vuoro.domain.interpreter.RequestChange;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.queue.QueueBusyException;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.platform.dynamodb.Attributes;
import fi.vuoro.platform.dynamodb.DayPartition;
import fi.vuoro.platform.dynamodb.DayVersions;
import fi.vuoro.platform.dynamodb.Keys;
import fi.vuoro.platform.dynamodb.OutboxItems;
import fi.vuoro.platform.dynamodb.OwedSmsErasure;
import fi.vuoro.platform.dynamodb.TableName;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Interpreters and their requests in the single table ({@link InterpreterItems} has the keys). A request changes
 * with one transaction: the request onto its version, the SMS it owes, the offers it opened or closed under their
 * interpreters, and the interpreters' turn in the fairness order. The store decides nothing: the domain's rules did.
 */
public final class DynamoInterpreterStores implements InterpreterDirectory, InterpreterRequestStore {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final Set<String> TRY_AGAIN = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded", "RequestLimitExceeded");
    private static final int ATTEMPTS = 4;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoInterpreterStores(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    // --- the directory ---

    @Override
    public Optional<Interpreter> findByPhoneHash(String phoneHash) {
        Map<String, AttributeValue> route = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(InterpreterItems.key(Keys.phone(phoneHash), InterpreterItems.ROUTE))).item();
        if (route == null || route.isEmpty()) {
            return Optional.empty();
        }
        return find(Attributes.string(route, "interpreterId"));
    }

    @Override
    public Optional<Interpreter> find(String interpreterId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(InterpreterItems.interpreterItemKey(interpreterId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(InterpreterItems.interpreterOf(item));
    }

    @Override
    public List<Interpreter> all() {
        List<Interpreter> all = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("PK = :all")
                        .expressionAttributeValues(Map.of(":all", AttributeValue.fromS(InterpreterItems.INTERPRETERS)))
                        .consistentRead(true))
                .items().forEach(item -> all.add(InterpreterItems.interpreterOf(item)));
        return all;
    }

    @Override
    public void create(Interpreter interpreter) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table)
                            .item(InterpreterItems.toItem(interpreter))
                            .conditionExpression("attribute_not_exists(PK)").build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table)
                            .item(InterpreterItems.routeItem(interpreter.phoneHash(), interpreter.id()))
                            .conditionExpression("attribute_not_exists(PK)").build()).build()));
        } catch (TransactionCanceledException cancelled) {
            if (failed(cancelled, 0) || failed(cancelled, 1)) {
                throw new InterpreterConflictException("That number already belongs to an interpreter");
            }
            throw cancelled;
        }
    }

    @Override
    public boolean update(Interpreter before, Interpreter after) {
        Map<String, AttributeValue> item = InterpreterItems.toItem(withVersion(after, before.version() + 1));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("version = :version")
                .expressionAttributeValues(Map.of(":version", number(before.version()))).build()).build());
        if (!before.phoneHash().equals(after.phoneHash())) {
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(InterpreterItems.key(Keys.phone(before.phoneHash()), InterpreterItems.ROUTE)).build()).build());
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(InterpreterItems.routeItem(after.phoneHash(), after.id()))
                    .conditionExpression("attribute_not_exists(PK)").build()).build());
        }
        try {
            if (writes.size() == 1) {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("version = :version")
                        .expressionAttributeValues(Map.of(":version", number(before.version()))));
            } else {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
            }
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        } catch (TransactionCanceledException cancelled) {
            if (failed(cancelled, 2)) {
                throw new InterpreterConflictException("That number already belongs to an interpreter");
            }
            if (failed(cancelled, 0)) {
                return false;
            }
            throw cancelled;
        }
    }

    @Override
    public int nextOfferCode(String interpreterId) {
        Map<String, AttributeValue> counter = dynamo.updateItem(b -> b.tableName(table)
                .key(InterpreterItems.key(InterpreterItems.interpreterKey(interpreterId), InterpreterItems.CODE))
                .updateExpression("ADD issued :one")
                .expressionAttributeValues(Map.of(":one", number(1)))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        long issued = Attributes.number(counter, "issued");
        return (int) ((issued - 1) % 99) + 1;
    }

    @Override
    public void remove(String interpreterId) {
        Optional<Interpreter> interpreter = find(interpreterId);
        String partition = InterpreterItems.interpreterKey(interpreterId);
        List<String> sortKeys = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("PK = :me")
                        .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(partition))))
                .items().forEach(item -> sortKeys.add(Attributes.string(item, Keys.SK)));
        for (String sortKey : sortKeys) {
            dynamo.deleteItem(b -> b.tableName(table).key(InterpreterItems.key(partition, sortKey)));
        }
        interpreter.ifPresent(found -> dynamo.deleteItem(b -> b.tableName(table)
                .key(InterpreterItems.key(Keys.phone(found.phoneHash()), InterpreterItems.ROUTE))));
        dynamo.deleteItem(b -> b.tableName(table).key(InterpreterItems.interpreterItemKey(interpreterId)));
    }

    // --- the requests ---

    @Override
    public Optional<InterpreterRequest> find(TicketRef ticket, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(InterpreterItems.requestItemKey(ticket))).item();
        return Attributes.isLive(item, now) ? Optional.of(InterpreterItems.requestOf(item)) : Optional.empty();
    }

    @Override
    public List<InterpreterRequest> ofDay(String siteId, ServiceDay day, Instant now) {
        List<InterpreterRequest> requests = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("PK = :day AND begins_with(SK, :request)")
                        .expressionAttributeValues(Map.of(
                                ":day", AttributeValue.fromS(Keys.day(siteId, day)),
                                ":request", AttributeValue.fromS(InterpreterItems.REQUEST_PREFIX)))
                        .consistentRead(true))
                .items().forEach(item -> {
                    if (Attributes.isLive(item, now)) {
                        requests.add(InterpreterItems.requestOf(item));
                    }
                });
        return requests;
    }

    @Override
    public DayWithRequests dayWithRequests(String siteId, ServiceDay day, Instant now) {
        List<Map<String, AttributeValue>> items = DayPartition.read(dynamo, table, siteId, day);
        List<InterpreterRequest> requests = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            if (Attributes.string(item, Keys.SK).startsWith(InterpreterItems.REQUEST_PREFIX)
                    && Attributes.isLive(item, now)) {
                requests.add(InterpreterItems.requestOf(item));
            }
        }
        return new DayWithRequests(DayPartition.queueDay(items, now), requests);
    }

    @Override
    public boolean apply(RequestChange change) {
        InterpreterRequest after = change.after();
        Put request = change.before() == null
                ? Put.builder().tableName(table).item(InterpreterItems.toItem(after.nextVersion()))
                        .conditionExpression("attribute_not_exists(PK)").build()
                : Put.builder().tableName(table).item(InterpreterItems.toItem(after.nextVersion()))
                        .conditionExpression("version = :version")
                        .expressionAttributeValues(Map.of(":version", number(change.before().version()))).build();
        List<OutboundSms> owed = new ArrayList<>(change.owed());
        for (int attempt = 1; ; attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().put(request).build());
            owed.forEach(sms -> writes.add(TransactWriteItem.builder().put(OutboxItems.put(table, sms)).build()));
            writes.addAll(OutboxItems.owedKeys(table, owed));
            int firstOther = writes.size();
            writes.addAll(heldOffers(change));
            writes.addAll(turns(change));
            writes.add(viewChanged(after));
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return true;
            } catch (TransactionCanceledException cancelled) {
                if (failed(cancelled, 0)) {
                    return false;
                }
                boolean alreadyOwed = false;
                for (int i = owed.size(); i >= 1; i--) {
                    if (failed(cancelled, i)) {
                        owed.remove(i - 1);
                        alreadyOwed = true;
                    }
                }
                if (alreadyOwed) {
                    continue;
                }
                if (firstOther < writes.size() && anyFailedFrom(cancelled, firstOther)) {
                    // An interpreter it names was removed meanwhile: decide again on what is there now.
                    return false;
                }
                if (!worthRetrying(cancelled) || attempt >= ATTEMPTS) {
                    if (attempt >= ATTEMPTS) {
                        throw new QueueBusyException("The interpreter request could not be written; try again");
                    }
                    throw cancelled;
                }
                pause(attempt);
            }
        }
    }

    @Override
    public void dropOwedSmsOf(String interpreterId) {
        OwedSmsErasure.dropAll(dynamo, table, InterpreterSms.idPrefix(interpreterId));
    }

    @Override
    public List<HeldOffer> offersOf(String interpreterId, Instant now) {
        ServiceDay today = ServiceDay.of(now);
        List<HeldOffer> held = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("PK = :me AND begins_with(SK, :offer)")
                        .expressionAttributeValues(Map.of(
                                ":me", AttributeValue.fromS(InterpreterItems.interpreterKey(interpreterId)),
                                ":offer", AttributeValue.fromS(InterpreterItems.OFFER_PREFIX)))
                        .consistentRead(true))
                .items().forEach(item -> {
                    HeldOffer offer = InterpreterItems.heldOf(item);
                    if (Attributes.isLive(item, now) && offer.ticket().day().equals(today)) {
                        held.add(offer);
                    }
                });
        return held;
    }

    /** Moves the request's day version on (see {@link DayVersions}): staff see the request in their queue. */
    private TransactWriteItem viewChanged(InterpreterRequest request) {
        return DayVersions.changed(table, request.ticket().siteId(), request.ticket().day(), request.expiresAt());
    }

    /** The offers the change opens, closes or assigns, as they stand for their interpreters: one write each. */
    private List<TransactWriteItem> heldOffers(RequestChange change) {
        Map<String, TransactWriteItem> byInterpreter = new LinkedHashMap<>();
        TicketRef ticket = change.after().ticket();
        Instant keep = change.after().expiresAt();
        for (Offer opened : change.opened()) {
            byInterpreter.put(opened.interpreterId(), TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(InterpreterItems.heldItem(opened.interpreterId(), ticket, opened.code(), HeldOffer.Hold.OPEN,
                            keep)).build()).build());
        }
        for (Offer closed : change.closed()) {
            byInterpreter.putIfAbsent(closed.interpreterId(), hold(closed.interpreterId(), ticket, HeldOffer.Hold.CLOSED));
        }
        for (String assigned : change.assigned()) {
            byInterpreter.put(assigned, hold(assigned, ticket, HeldOffer.Hold.ASSIGNED));
        }
        return List.copyOf(byInterpreter.values());
    }

    private TransactWriteItem hold(String interpreterId, TicketRef ticket, HeldOffer.Hold hold) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(InterpreterItems.key(InterpreterItems.interpreterKey(interpreterId), InterpreterItems.offerKey(ticket)))
                .updateExpression("SET #hold = :hold")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#hold", "hold"))
                .expressionAttributeValues(Map.of(":hold", AttributeValue.fromS(hold.name()))).build()).build();
    }

    /** Whom the change asked or assigned moves on in the fairness order (and one version on). */
    private List<TransactWriteItem> turns(RequestChange change) {
        Map<String, String> turn = new LinkedHashMap<>();
        change.opened().forEach(offer -> turn.put(offer.interpreterId(), "lastOfferedAt"));
        change.assigned().forEach(id -> turn.put(id, "lastAssignedAt"));
        List<TransactWriteItem> writes = new ArrayList<>();
        turn.forEach((id, attribute) -> writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(InterpreterItems.interpreterItemKey(id))
                // The version moves too, so that a change of the interpreter decided before this turn does not undo it.
                .updateExpression("SET " + attribute + " = :at ADD version :one")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeValues(Map.of(":at", Attributes.epochMillis(change.at()), ":one", number(1)))
                .build()).build()));
        return writes;
    }

    private static Interpreter withVersion(Interpreter i, int version) {
        return new Interpreter(i.id(), i.name(), i.phoneHash(), i.phoneCipher(), i.language(), i.languages(),
                i.siteIds(), i.availability(), i.today(), i.active(), i.lastOfferedAt(), i.lastAssignedAt(), version);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static boolean failed(TransactionCanceledException cancelled, int index) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        return reasons != null && reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    private static boolean anyFailedFrom(TransactionCanceledException cancelled, int from) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        for (int i = from; reasons != null && i < reasons.size(); i++) {
            if (CONDITION_FAILED.equals(reasons.get(i).code())) {
                return true;
            }
        }
        return false;
    }

    private static boolean worthRetrying(TransactionCanceledException cancelled) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        return reasons != null && reasons.stream().anyMatch(reason -> TRY_AGAIN.contains(reason.code()))
                && reasons.stream().noneMatch(reason -> CONDITION_FAILED.equals(reason.code()));
    }

    private static void pause(int attempt) {
        long base = 20L << (attempt - 1);
        try {
            // A generator made per call: no random state is kept from before a SnapStart snapshot.
            Thread.sleep(base + new SecureRandom().nextLong(base));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueBusyException("Interrupted while an interpreter request waited to be tried again");
        }
    }
}
