package fi.vuoro.platform.outbox;

import fi.vuoro.domain.outbox.ClaimedSms;
import fi.vuoro.domain.outbox.DueSms;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.outbox.OutboxStatus;
import fi.vuoro.domain.outbox.OutboxStore;
import fi.vuoro.domain.outbox.SendSlot;
import fi.vuoro.domain.outbox.SiteSendCap;
import fi.vuoro.platform.dynamodb.OutboxItems;
import fi.vuoro.platform.dynamodb.TableName;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The outbox in the single table, over the item format of {@link OutboxItems} (docs/outbox.md).
 *
 * <p>A message waiting for an attempt sits in the sparse index GSI1 under {@code OUTBOX#DUE}, sorted by when
 * it is next due; a claimed one stays there, due when its lease ends, so a message whose dispatcher vanished
 * is picked up again. Once SENT or FAILED both index attributes go, so the index holds only work, and so does
 * {@code toCipher} and {@code body}: the number and the text are kept only while an SMS is owed. Every change is a
 * conditional UpdateItem. The per-number send slot is the item {@code RATE#<number>} / {@code SLOT} with
 * {@code nextSlotAt}; it is taken in one transaction with a send of the site's hour ({@code RATE#SITE#<siteId>} /
 * {@code HOUR#<hour>}, {@code sent}).
 */
public final class DynamoOutboxStore implements OutboxStore {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoOutboxStore.class);

    static final String STATUS = "status";
    static final String STATUS_RANK = "statusRank";
    static final String ATTEMPTS = "attempts";
    static final String CLAIM_TOKEN = "claimToken";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String ATTEMPT_STARTED_AT = "attemptStartedAt";
    static final String UNSURE_SINCE = "unsureSince";
    static final String TO_CIPHER = "toCipher";
    /** The text goes with the number once a message is settled: Twilio's log would link it back to the visitor. */
    static final String BODY = "body";
    static final String PROVIDER_ID = "providerId";
    static final String LAST_ERROR = "lastError";
    static final String SLOT_SK = "SLOT";
    static final String NEXT_SLOT_AT = "nextSlotAt";
    static final String SENT_IN_HOUR = "sent";
    /** A send slot is of no use after its moment; TTL tidies the item away. */
    private static final Duration SLOT_KEEP = Duration.ofDays(1);

    private static final Map<String, String> STATUS_NAME = Map.of("#status", STATUS);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOutboxStore(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    static String ratePk(String from) {
        return "RATE#" + from;
    }

    @Override
    public List<DueSms> due(Instant now, int limit) {
        QueryResponse response = dynamo.query(b -> b.tableName(table).indexName(OutboxItems.GSI)
                .keyConditionExpression("#pk = :due AND #sk < :bound")
                .expressionAttributeNames(Map.of("#pk", OutboxItems.GSI_PK, "#sk", OutboxItems.GSI_SK))
                .expressionAttributeValues(Map.of(
                        ":due", AttributeValue.fromS(OutboxItems.DUE_PARTITION),
                        ":bound", AttributeValue.fromS(dueBound(now))))
                .scanIndexForward(true)
                .limit(limit));
        return response.items().stream()
                .map(item -> new DueSms(string(item, "id"), string(item, "from"),
                        dueAt(string(item, OutboxItems.GSI_SK))))
                .toList();
    }

    @Override
    public Optional<Instant> nextDueAt() {
        QueryResponse response = dynamo.query(b -> b.tableName(table).indexName(OutboxItems.GSI)
                .keyConditionExpression("#pk = :due")
                .expressionAttributeNames(Map.of("#pk", OutboxItems.GSI_PK))
                .expressionAttributeValues(Map.of(":due", AttributeValue.fromS(OutboxItems.DUE_PARTITION)))
                .scanIndexForward(true)
                .limit(1));
        return response.items().stream().findFirst().map(item -> dueAt(string(item, OutboxItems.GSI_SK)));
    }

    @Override
    public Optional<ClaimedSms> claim(String id, Instant now, Instant leaseUntil) {
        String token = UUID.randomUUID().toString();
        Map<String, AttributeValue> old;
        try {
            old = dynamo.updateItem(b -> b.tableName(table).key(key(id))
                    .updateExpression("SET #status = :sending, " + CLAIM_TOKEN + " = :token, " + LEASE_UNTIL
                            + " = :lease, " + ATTEMPT_STARTED_AT + " = :now, #sk = :leaseKey ADD " + ATTEMPTS + " :one")
                    .conditionExpression("#pk = :due AND #sk < :bound AND #status IN (:pending, :sending)")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#pk", OutboxItems.GSI_PK,
                            "#sk", OutboxItems.GSI_SK))
                    .expressionAttributeValues(Map.of(
                            ":sending", AttributeValue.fromS(OutboxStatus.SENDING.name()),
                            ":pending", AttributeValue.fromS(OutboxStatus.PENDING.name()),
                            ":token", AttributeValue.fromS(token),
                            ":lease", millis(leaseUntil),
                            ":now", millis(now),
                            ":leaseKey", AttributeValue.fromS(OutboxItems.dueKey(leaseUntil, id)),
                            ":one", AttributeValue.fromN("1"),
                            ":due", AttributeValue.fromS(OutboxItems.DUE_PARTITION),
                            ":bound", AttributeValue.fromS(dueBound(now))))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException notDue) {
            return Optional.empty();
        }
        Instant createdAt = Instant.ofEpochMilli(number(old, "createdAt"));
        OutboundSms sms = new OutboundSms(id, string(old, "siteId"), string(old, TO_CIPHER), string(old, "from"),
                string(old, "body"), createdAt, OutboxItems.validUntilOf(old, createdAt), OutboxItems.premiseOf(old));
        Optional<Instant> unsure = optionalMillis(old, UNSURE_SINCE);
        if (unsure.isEmpty() && OutboxStatus.SENDING.name().equals(string(old, STATUS))) {
            // Its last dispatcher vanished mid-attempt: that attempt may have reached Twilio.
            unsure = optionalMillis(old, ATTEMPT_STARTED_AT);
        }
        int attempt = (int) number(old, ATTEMPTS) + 1;
        return Optional.of(new ClaimedSms(sms, token, attempt, unsure));
    }

    @Override
    public void release(ClaimedSms claim, Instant dueAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":token", AttributeValue.fromS(claim.claimToken()));
        values.put(":sending", AttributeValue.fromS(OutboxStatus.SENDING.name()));
        values.put(":pending", AttributeValue.fromS(OutboxStatus.PENDING.name()));
        values.put(":dueKey", AttributeValue.fromS(OutboxItems.dueKey(dueAt, claim.id())));
        values.put(":minusOne", AttributeValue.fromN("-1"));
        String unsure = "";
        if (claim.unsureSince().isPresent()) {
            values.put(":unsure", millis(claim.unsureSince().get()));
            unsure = ", " + UNSURE_SINCE + " = :unsure";
        }
        settle(claim, "SET #status = :pending, #sk = :dueKey" + unsure + " REMOVE " + CLAIM_TOKEN + ", " + LEASE_UNTIL
                + " ADD " + ATTEMPTS + " :minusOne", Map.of("#status", STATUS, "#sk", OutboxItems.GSI_SK), values);
    }

    @Override
    public SendSlot takeSendSlot(String from, Instant now, Duration interval, SiteSendCap.Allowance allowance) {
        Map<String, AttributeValue> slotKey = Map.of("PK", AttributeValue.fromS(ratePk(from)),
                "SK", AttributeValue.fromS(SLOT_SK));
        Update slot = Update.builder().tableName(table).key(slotKey)
                .updateExpression("SET " + NEXT_SLOT_AT + " = :next, expiresAt = :expires")
                .conditionExpression("attribute_not_exists(" + NEXT_SLOT_AT + ") OR " + NEXT_SLOT_AT + " <= :now")
                .expressionAttributeValues(Map.of(
                        ":next", millis(now.plus(interval)),
                        ":now", millis(now),
                        ":expires", AttributeValue.fromN(Long.toString(now.plus(SLOT_KEEP).getEpochSecond()))))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        // The site's hour: ADD moves the count without a read, and the condition keeps every sender under the cap.
        Update hour = Update.builder().tableName(table).key(siteHourKey(allowance.siteId(), allowance.window()))
                .updateExpression("ADD " + SENT_IN_HOUR + " :one SET expiresAt = :expires")
                .conditionExpression("attribute_not_exists(" + SENT_IN_HOUR + ") OR " + SENT_IN_HOUR + " < :cap")
                .expressionAttributeValues(Map.of(
                        ":one", AttributeValue.fromN("1"),
                        ":cap", AttributeValue.fromN(Integer.toString(allowance.perHour())),
                        ":expires", AttributeValue.fromN(Long.toString(allowance.windowEnd().getEpochSecond()))))
                .build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().update(slot).build(), TransactWriteItem.builder().update(hour).build()));
            return new SendSlot.Taken();
        } catch (TransactionCanceledException refused) {
            List<CancellationReason> reasons = refused.cancellationReasons();
            if (refused(reasons, 1)) {
                return new SendSlot.CapReached(allowance.windowEnd());
            }
            Instant freeAt = refused(reasons, 0)
                    ? optionalMillis(reasons.get(0).item(), NEXT_SLOT_AT).orElse(now) : now;
            // Freed in between, or another sender's write on the slot at the same moment: try again a moment later.
            return new SendSlot.BusyUntil(freeAt.isAfter(now) ? freeAt : now.plusMillis(1));
        }
    }

    /** Whether the transaction's item at {@code index} was refused by its condition. */
    private static boolean refused(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** A site's count of outbox sends in one clock hour: {@code RATE#SITE#<siteId>} / {@code HOUR#<hour start>}. */
    static Map<String, AttributeValue> siteHourKey(String siteId, Instant window) {
        return Map.of("PK", AttributeValue.fromS("RATE#SITE#" + siteId), "SK", AttributeValue.fromS("HOUR#" + window));
    }

    @Override
    public void markSent(ClaimedSms claim, String providerId, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":token", AttributeValue.fromS(claim.claimToken()));
        values.put(":provider", AttributeValue.fromS(providerId));
        values.put(":now", millis(now));
        try {
            Map<String, AttributeValue> sent = new HashMap<>(values);
            sent.put(":sent", AttributeValue.fromS(OutboxStatus.SENT.name()));
            sent.put(":rank", rank(OutboxStatus.SENT));
            dynamo.updateItem(b -> b.tableName(table).key(key(claim.id()))
                    .updateExpression("SET #status = :sent, " + STATUS_RANK + " = :rank, " + PROVIDER_ID
                            + " = :provider, sentAt = :now, statusAt = :now REMOVE #pk, #sk, " + CLAIM_TOKEN + ", "
                            + LEASE_UNTIL + ", " + TO_CIPHER + ", #body, " + UNSURE_SINCE)
                    .conditionExpression(CLAIM_TOKEN + " = :token AND (attribute_not_exists(" + STATUS_RANK + ") OR "
                            + STATUS_RANK + " < :rank)")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#pk", OutboxItems.GSI_PK,
                            "#sk", OutboxItems.GSI_SK, "#body", BODY))
                    .expressionAttributeValues(sent));
        } catch (ConditionalCheckFailedException reportedOrTakenOver) {
            // Either Twilio's status callback got here first (the status is already as far), or the claim ran
            // out and another dispatcher took over: then it finds this send at Twilio and records it itself.
            try {
                dynamo.updateItem(b -> b.tableName(table).key(key(claim.id()))
                        .updateExpression("SET " + PROVIDER_ID + " = :provider, sentAt = :now REMOVE " + CLAIM_TOKEN
                                + ", " + LEASE_UNTIL + ", " + TO_CIPHER + ", #body, " + UNSURE_SINCE)
                        .conditionExpression(CLAIM_TOKEN + " = :token")
                        .expressionAttributeNames(Map.of("#body", BODY))
                        .expressionAttributeValues(values));
            } catch (ConditionalCheckFailedException takenOver) {
                LOG.warn("Outbox message {} was sent, but its claim had run out: the next claim will find it at Twilio",
                        claim.id());
            }
        }
    }

    @Override
    public void retryLater(ClaimedSms claim, Instant nextAttemptAt, String reason, Optional<Instant> unsureSince) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":token", AttributeValue.fromS(claim.claimToken()));
        values.put(":sending", AttributeValue.fromS(OutboxStatus.SENDING.name()));
        values.put(":pending", AttributeValue.fromS(OutboxStatus.PENDING.name()));
        values.put(":dueKey", AttributeValue.fromS(OutboxItems.dueKey(nextAttemptAt, claim.id())));
        values.put(":reason", AttributeValue.fromS(reason));
        String unsure;
        if (unsureSince.isPresent()) {
            values.put(":unsure", millis(unsureSince.get()));
            unsure = ", " + UNSURE_SINCE + " = :unsure REMOVE " + CLAIM_TOKEN + ", " + LEASE_UNTIL;
        } else {
            unsure = " REMOVE " + CLAIM_TOKEN + ", " + LEASE_UNTIL + ", " + UNSURE_SINCE;
        }
        settle(claim, "SET #status = :pending, #sk = :dueKey, " + LAST_ERROR + " = :reason" + unsure,
                Map.of("#status", STATUS, "#sk", OutboxItems.GSI_SK), values);
    }

    @Override
    public void markFailed(ClaimedSms claim, String reason, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":token", AttributeValue.fromS(claim.claimToken()));
        values.put(":sending", AttributeValue.fromS(OutboxStatus.SENDING.name()));
        values.put(":failed", AttributeValue.fromS(OutboxStatus.FAILED.name()));
        values.put(":rank", rank(OutboxStatus.FAILED));
        values.put(":reason", AttributeValue.fromS(reason));
        values.put(":now", millis(now));
        settle(claim, "SET #status = :failed, " + STATUS_RANK + " = :rank, " + LAST_ERROR
                        + " = :reason, statusAt = :now REMOVE #pk, #sk, " + CLAIM_TOKEN + ", " + LEASE_UNTIL + ", "
                        + TO_CIPHER + ", #body, " + UNSURE_SINCE,
                Map.of("#status", STATUS, "#pk", OutboxItems.GSI_PK, "#sk", OutboxItems.GSI_SK, "#body", BODY),
                values);
    }

    @Override
    public void markDropped(ClaimedSms claim, String reason, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":token", AttributeValue.fromS(claim.claimToken()));
        values.put(":sending", AttributeValue.fromS(OutboxStatus.SENDING.name()));
        values.put(":dropped", AttributeValue.fromS(OutboxStatus.DROPPED.name()));
        values.put(":rank", rank(OutboxStatus.DROPPED));
        values.put(":reason", AttributeValue.fromS(reason));
        values.put(":now", millis(now));
        settle(claim, "SET #status = :dropped, " + STATUS_RANK + " = :rank, " + LAST_ERROR
                        + " = :reason, statusAt = :now REMOVE #pk, #sk, " + CLAIM_TOKEN + ", " + LEASE_UNTIL + ", "
                        + TO_CIPHER + ", #body, " + UNSURE_SINCE,
                Map.of("#status", STATUS, "#pk", OutboxItems.GSI_PK, "#sk", OutboxItems.GSI_SK, "#body", BODY),
                values);
    }

    /** Records an attempt's outcome if the claim still holds and nothing settled the message meanwhile. */
    private void settle(ClaimedSms claim, String update, Map<String, String> names,
                        Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(claim.id())).updateExpression(update)
                    .conditionExpression(CLAIM_TOKEN + " = :token AND #status = :sending")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException settledMeanwhile) {
            LOG.info("Outbox message {} was settled meanwhile (a status callback or another dispatcher); kept as is",
                    claim.id());
        }
    }

    @Override
    public boolean recordDelivery(String id, OutboxStatus status, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(id))
                    .updateExpression("SET #status = :status, " + STATUS_RANK + " = :rank, statusAt = :now"
                            + " REMOVE #pk, #sk, " + TO_CIPHER + ", #body, " + UNSURE_SINCE)
                    .conditionExpression("attribute_exists(PK) AND (attribute_not_exists(" + STATUS_RANK + ") OR "
                            + STATUS_RANK + " < :rank)")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#pk", OutboxItems.GSI_PK,
                            "#sk", OutboxItems.GSI_SK, "#body", BODY))
                    .expressionAttributeValues(Map.of(
                            ":status", AttributeValue.fromS(status.name()),
                            ":rank", rank(status),
                            ":now", millis(now))));
            return true;
        } catch (ConditionalCheckFailedException unknownOrAlreadyFurther) {
            return false;
        }
    }

    /** Every due-index key of a message due at or before {@code now} sorts below this. */
    static String dueBound(Instant now) {
        return String.format("%013d", now.toEpochMilli() + 1);
    }

    static Instant dueAt(String dueKey) {
        return Instant.ofEpochMilli(Long.parseLong(dueKey.substring(0, dueKey.indexOf('#'))));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("PK", AttributeValue.fromS(OutboxItems.pk(id)), "SK", AttributeValue.fromS(OutboxItems.SK));
    }

    private static AttributeValue rank(OutboxStatus status) {
        return AttributeValue.fromN(Integer.toString(status.rank()));
    }

    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("Outbox item lacks attribute " + name);
        }
        return value.s();
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalStateException("Outbox item lacks number " + name);
        }
        return Long.parseLong(value.n());
    }

    private static Optional<Instant> optionalMillis(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item == null ? null : item.get(name);
        return value == null || value.n() == null ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(Long.parseLong(value.n())));
    }
}
