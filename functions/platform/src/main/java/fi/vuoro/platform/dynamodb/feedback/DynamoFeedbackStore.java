package fi.vuoro.platform.dynamodb.feedback;

import static fi.vuoro.platform.dynamodb.Keys.key;

import fi.vuoro.domain.feedback.AnonymousAnswer;
import fi.vuoro.domain.feedback.DigitReply;
import fi.vuoro.domain.feedback.FeedbackInvitation;
import fi.vuoro.domain.feedback.FeedbackStore;
import fi.vuoro.domain.feedback.ServiceWeek;
import fi.vuoro.domain.feedback.VolunteerOffer;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.platform.dynamodb.Attributes;
import fi.vuoro.platform.dynamodb.Keys;
import fi.vuoro.platform.dynamodb.OutboxItems;
import fi.vuoro.platform.dynamodb.TableName;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Feedback in DynamoDB. An invitation is one item under its token's hash; the digit reply window one item in the
 * visitor's own partition (so erasure takes it); an answer one item in its site's feedback partition, keyed by the
 * week and a random id, and holding nothing that leads back (no hash, no ticket, no time but the week); a
 * volunteer offer one item in its site's volunteer partition, with a random id of its own. The weekly tallies are
 * {@link ReportItems}.
 */
public final class DynamoFeedbackStore implements FeedbackStore {

    static final String INVITATION = "INVITATION";
    static final String DIGIT_REPLY = "FEEDBACK";
    private static final int ATTEMPTS = 4;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoFeedbackStore(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    static String invitationKey(String tokenHash) {
        return "FEEDBACK#" + tokenHash;
    }

    static String answersKey(String siteId) {
        return Keys.site(siteId) + "#FEEDBACK";
    }

    static String volunteersKey(String siteId) {
        return Keys.site(siteId) + "#VOLUNTEERS";
    }

    @Override
    public boolean inviteWalkIn(FeedbackInvitation invitation, TicketRef ticket, Instant ticketExpiresAt) {
        Map<String, AttributeValue> card = new HashMap<>(key(Keys.day(ticket.siteId(), ticket.day()),
                String.format("CARD#%05d", ticket.number())));
        card.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(ticketExpiresAt));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(card)
                .conditionExpression("attribute_not_exists(PK)").build()).build());
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(invitationItem(invitation))
                .build()).build());
        writes.add(TransactWriteItem.builder().update(ReportItems.countInvited(table, invitation)).build());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (reasons != null && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return false;
            }
            throw cancelled;
        }
    }

    @Override
    public void invite(FeedbackInvitation invitation, Optional<DigitReply> digitReply, Optional<OutboundSms> sms) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(invitationItem(invitation))
                .conditionExpression("attribute_not_exists(PK)").build()).build());
        digitReply.ifPresent(digit -> {
            Map<String, AttributeValue> window = new HashMap<>(key(Keys.phone(digit.phoneHash()), DIGIT_REPLY));
            window.put("tokenHash", AttributeValue.fromS(digit.tokenHash()));
            window.put("language", AttributeValue.fromS(digit.language()));
            window.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(digit.until()));
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(window).build()).build());
        });
        sms.ifPresent(message -> writes.add(TransactWriteItem.builder().put(OutboxItems.put(table, message)).build()));
        writes.addAll(OutboxItems.owedKeys(table, sms.stream().toList()));
        writes.add(TransactWriteItem.builder().update(ReportItems.countInvited(table, invitation)).build());
        dynamo.transactWriteItems(b -> b.transactItems(writes));
    }

    private static Map<String, AttributeValue> invitationItem(FeedbackInvitation invitation) {
        Map<String, AttributeValue> item = new HashMap<>(key(invitationKey(invitation.tokenHash()), INVITATION));
        item.put("siteId", AttributeValue.fromS(invitation.siteId()));
        item.put("week", AttributeValue.fromS(invitation.week().toString()));
        ReportItems.putTraits(item, invitation.traits());
        item.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(invitation.expiresAt()));
        return item;
    }

    @Override
    public Optional<FeedbackInvitation> find(String tokenHash, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(key(invitationKey(tokenHash), INVITATION)).consistentRead(true)).item();
        if (!Attributes.isLive(item, now)) {
            return Optional.empty();
        }
        return Optional.of(new FeedbackInvitation(tokenHash, Attributes.string(item, "siteId"),
                ServiceWeek.parse(Attributes.string(item, "week")), ReportItems.traitsOf(item),
                Instant.ofEpochSecond(Attributes.number(item, Attributes.EXPIRES_AT))));
    }

    /** One Query of the site's volunteer partition; offers past their retention are left out. */
    @Override
    public List<VolunteerOffer> volunteersOf(String siteId, Instant now) {
        List<VolunteerOffer> offers = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(volunteersKey(siteId)))))
                .items().stream().filter(item -> Attributes.isLive(item, now)).forEach(item -> {
                    Instant consented = LocalDate.parse(Attributes.string(item, "consentedOn"))
                            .atStartOfDay(ZoneOffset.UTC).toInstant();
                    offers.add(new VolunteerOffer(siteId, Attributes.string(item, "language"),
                            Attributes.string(item, "contact"), consented,
                            Instant.ofEpochSecond(Attributes.number(item, Attributes.EXPIRES_AT))));
                });
        return offers;
    }

    @Override
    public Optional<DigitReply> digitReplyOf(String phoneHash, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(key(Keys.phone(phoneHash), DIGIT_REPLY)).consistentRead(true)).item();
        if (!Attributes.isLive(item, now)) {
            return Optional.empty();
        }
        return Optional.of(new DigitReply(phoneHash, Attributes.string(item, "tokenHash"),
                Attributes.string(item, "language"), Instant.ofEpochSecond(Attributes.number(item, Attributes.EXPIRES_AT))));
    }

    @Override
    public boolean answer(FeedbackInvitation invitation, AnonymousAnswer answer, Optional<VolunteerOffer> volunteer) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(key(invitationKey(invitation.tokenHash()), INVITATION))
                .conditionExpression("attribute_exists(PK)").build()).build());
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(answerItem(answer))
                .conditionExpression("attribute_not_exists(PK)").build()).build());
        writes.add(TransactWriteItem.builder().update(ReportItems.countAnswer(table, answer)).build());
        volunteer.ifPresent(offer -> writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(volunteerItem(offer)).conditionExpression("attribute_not_exists(PK)").build()).build()));
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return true;
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.cancellationReasons();
                if (reasons != null && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                    return false;
                }
                // Another answer of the same link (or tally) was being written: try again, and the invitation's
                // condition tells whether that one won.
                boolean conflict = reasons != null && reasons.stream()
                        .anyMatch(reason -> "TransactionConflict".equals(reason.code()));
                if (!conflict || attempt >= ATTEMPTS) {
                    throw cancelled;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            long base = 10L << attempt;
            // A generator made per call: no random state is kept from before a SnapStart snapshot.
            Thread.sleep(base + new SecureRandom().nextLong(2 * base));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing an answer", e);
        }
    }

    /**
     * Site, week, traits and answers; a random id; kept two years from the week's Monday, so not even its expiry
     * tells when it was written.
     */
    private static Map<String, AttributeValue> answerItem(AnonymousAnswer answer) {
        Map<String, AttributeValue> item = new HashMap<>(key(answersKey(answer.siteId()),
                answer.week() + "#" + UUID.randomUUID()));
        item.put("week", AttributeValue.fromS(answer.week().toString()));
        ReportItems.putTraits(item, answer.traits());
        answer.answers().scores().forEach((question, point) ->
                item.put(question.field(), AttributeValue.fromN(Integer.toString(point))));
        answer.answers().comment().ifPresent(comment -> item.put("comment", AttributeValue.fromS(comment)));
        item.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(
                answer.week().monday().plusYears(2).atStartOfDay(ZoneOffset.UTC).toInstant()));
        return item;
    }

    /** The contact, its language and the day of consent; kept until the end of its retention's day. */
    private static Map<String, AttributeValue> volunteerItem(VolunteerOffer offer) {
        Map<String, AttributeValue> item = new HashMap<>(key(volunteersKey(offer.siteId()),
                UUID.randomUUID().toString()));
        item.put("contact", AttributeValue.fromS(offer.contact()));
        item.put("language", AttributeValue.fromS(offer.language()));
        LocalDate consented = offer.consentedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        item.put("consentedOn", AttributeValue.fromS(consented.toString()));
        LocalDate lastDay = offer.keepUntil().atOffset(ZoneOffset.UTC).toLocalDate();
        item.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant()));
        return item;
    }
}
