package fi.vuoro.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.outbox.ClaimedSms;
import fi.vuoro.domain.outbox.DueSms;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.outbox.Premise;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.queue.TicketLifecycle;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.staff.QueueSms;
import fi.vuoro.domain.outbox.OutboxStatus;
import fi.vuoro.domain.outbox.SendSlot;
import fi.vuoro.domain.outbox.SiteSendCap;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.platform.dynamodb.DynamoQueueStore;
import fi.vuoro.platform.dynamodb.OutboxItems;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.TemplateTables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The outbox store on DynamoDB Local, with messages written as the queue writes them: in the transaction of
 * the ticket change that owes them.
 */
class DynamoOutboxStoreIT {

    private static final TableName TABLE = new TableName("VuoroTable");
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final ServiceDay TODAY = ServiceDay.of(T0);
    private static final Duration LEASE = Duration.ofSeconds(70);

    private static DynamoDbLocalServer server;
    private DynamoOutboxStore store;
    private DynamoQueueStore queue;
    private String siteId;
    private String from;

    @BeforeAll
    static void start() {
        server = DynamoDbLocalServer.start();
        // Its clock is set to a fixed day, which DynamoDB Local's clock leaves behind: it would delete items under it.
        TemplateTables.createAllWithoutTimeToLive(server.client(),
                CloudFormationTemplate.load(CloudFormationTemplate.locate()));
        OutboxIndex.ensure(server.client(), TABLE.value());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void freshSiteAndNumber() {
        store = new DynamoOutboxStore(server.client(), TABLE);
        queue = new DynamoQueueStore(server.client(), TABLE);
        siteId = "s" + UUID.randomUUID().toString().substring(0, 8);
        from = "+35850" + (1_000_000 + (int) (Math.random() * 8_999_999));
    }

    private static final TicketLifecycle LIFECYCLE = new TicketLifecycle(new QueueSms(MessageCatalogue.loadDefault()));
    private static final java.util.function.Function<String, Site> SITE = id -> new Site(id, "Outbox", "+358500000001",
            OpeningHours.always(), Set.of("fi"), Duration.ofMinutes(15), 1, 'A', Set.of());

    private DynamoDbClient dynamo() {
        return server.client();
    }

    /** An SMS owed by calling a fresh ticket, written in the same transaction as the call. */
    private OutboundSms owe(Instant at) {
        int number = queue.nextTicketNumber(siteId, TODAY, T0.plus(Duration.ofDays(3)));
        Ticket ticket = Ticket.joinedBySms(siteId, TODAY, number, TicketCode.of('A', number), "fi", Optional.empty(),
                false, "hash-" + number, "v1:cipher-" + number, at, T0.plus(Duration.ofDays(3)));
        queue.createTicket(ticket);
        OutboundSms sms = new OutboundSms(siteId + "." + number + ".called", siteId, "v1:cipher-" + number, from,
                "Your turn, desk 1", at);
        assertTrue(queue.apply(LIFECYCLE.call(SITE.apply(siteId), ticket, "1", at).owing(List.of(sms))));
        return sms;
    }

    private Map<String, AttributeValue> item(String id) {
        return dynamo().getItem(b -> b.tableName(TABLE.value()).consistentRead(true).key(Map.of(
                "PK", AttributeValue.fromS(OutboxItems.pk(id)), "SK", AttributeValue.fromS(OutboxItems.SK)))).item();
    }

    private List<String> dueIds(Instant now) {
        return store.due(now, 100).stream().filter(d -> d.from().equals(from)).map(DueSms::id).toList();
    }

    @Test
    void ensure_shouldLeaveAnExistingIndexAsItIs() {
        OutboxIndex.ensure(dynamo(), TABLE.value());

        long indexes = dynamo().describeTable(b -> b.tableName(TABLE.value())).table().globalSecondaryIndexes().stream()
                .filter(index -> index.indexName().equals(OutboxItems.GSI)).count();
        assertEquals(1, indexes);
    }

    @Test
    void due_shouldListOnlyMessagesDueByNow_oldestFirst() {
        OutboundSms second = owe(T0.plusMillis(20));
        OutboundSms first = owe(T0.plusMillis(10));
        OutboundSms later = owe(T0.plusSeconds(60));

        assertEquals(List.of(first.id(), second.id()), dueIds(T0.plusMillis(20)));
        assertEquals(List.of(first.id(), second.id(), later.id()), dueIds(T0.plusSeconds(60)));
        assertEquals(T0.plusMillis(20), store.due(T0.plusMillis(20), 100).stream()
                .filter(d -> d.id().equals(second.id())).findFirst().orElseThrow().dueAt());
    }

    @Test
    void claim_shouldGiveTheMessageToOneClaimantOnly_evenWhenTheyRace() throws Exception {
        OutboundSms sms = owe(T0);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<ClaimedSms>>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(() -> store.claim(sms.id(), T0.plusSeconds(1), T0.plusSeconds(1).plus(LEASE)));
            }
            int won = 0;
            for (Future<Optional<ClaimedSms>> claim : threads.invokeAll(claims)) {
                won += claim.get().isPresent() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            threads.shutdownNow();
        }
        assertEquals("SENDING", item(sms.id()).get("status").s());
        assertTrue(dueIds(T0.plusSeconds(2)).isEmpty(), "a claimed message is not due while its lease lasts");
    }

    @Test
    void claim_shouldCarryTheMessage_andCountTheAttempt() {
        OutboundSms sms = owe(T0);

        ClaimedSms claim = store.claim(sms.id(), T0, T0.plus(LEASE)).orElseThrow();

        assertEquals(sms, claim.sms());
        assertEquals(1, claim.attempt());
        assertTrue(claim.unsureSince().isEmpty());
    }

    @Test
    void claim_shouldRefuseAMessageNotDueYet() {
        OutboundSms sms = owe(T0.plusSeconds(30));

        assertTrue(store.claim(sms.id(), T0, T0.plus(LEASE)).isEmpty());
    }

    @Test
    void claim_shouldReturnAMessageAsUnsure_afterItsLeaseRanOutMidSend() {
        OutboundSms sms = owe(T0);
        store.claim(sms.id(), T0.plusSeconds(1), T0.plusSeconds(1).plus(LEASE)).orElseThrow();

        assertEquals(List.of(sms.id()), dueIds(T0.plusSeconds(1).plus(LEASE)), "due again when the lease ends");
        ClaimedSms again = store.claim(sms.id(), T0.plusSeconds(1).plus(LEASE), T0.plusSeconds(200)).orElseThrow();

        assertEquals(2, again.attempt());
        assertEquals(Optional.of(T0.plusSeconds(1)), again.unsureSince(),
                "the vanished attempt may have reached Twilio");
    }

    @Test
    void markSent_shouldTakeTheMessageOutOfTheIndex_andForgetTheNumberAndText() {
        OutboundSms sms = owe(T0);
        ClaimedSms claim = store.claim(sms.id(), T0, T0.plus(LEASE)).orElseThrow();

        store.markSent(claim, "SM123", T0.plusSeconds(1));

        Map<String, AttributeValue> item = item(sms.id());
        assertEquals("SENT", item.get("status").s());
        assertEquals("SM123", item.get("providerId").s());
        assertFalse(item.containsKey("GSI1PK") || item.containsKey("GSI1SK"), "the index holds only work");
        assertFalse(item.containsKey("toCipher"), "no SMS is owed: the number is gone");
        assertFalse(item.containsKey("body"), "and the text, which Twilio's log would link back to the number");
        assertTrue(dueIds(T0.plus(Duration.ofDays(1))).isEmpty());
        assertTrue(store.nextDueAt().stream().noneMatch(at -> at.equals(T0.plus(LEASE))));
    }

    @Test
    void retryLater_shouldMakeTheMessageDueAgainAtTheGivenTime_keepingWhetherItIsUnsure() {
        OutboundSms sms = owe(T0);
        ClaimedSms claim = store.claim(sms.id(), T0, T0.plus(LEASE)).orElseThrow();

        store.retryLater(claim, T0.plusSeconds(60), "no answer from Twilio within 5000 ms", Optional.of(T0));

        Map<String, AttributeValue> item = item(sms.id());
        assertEquals("PENDING", item.get("status").s());
        assertTrue(item.containsKey("toCipher"), "still owed, so the number stays");
        assertTrue(dueIds(T0.plusSeconds(59)).isEmpty());
        assertEquals(List.of(sms.id()), dueIds(T0.plusSeconds(60)));
        ClaimedSms next = store.claim(sms.id(), T0.plusSeconds(60), T0.plusSeconds(200)).orElseThrow();
        assertEquals(Optional.of(T0), next.unsureSince());
        assertEquals(2, next.attempt());
    }

    @Test
    void release_shouldGiveTheMessageBackUnattempted_dueAtTheGivenTime() {
        OutboundSms sms = owe(T0);
        ClaimedSms claim = store.claim(sms.id(), T0, T0.plus(LEASE)).orElseThrow();

        store.release(claim, T0.plusSeconds(2));

        assertEquals("PENDING", item(sms.id()).get("status").s());
        assertTrue(dueIds(T0.plusSeconds(1)).isEmpty());
        ClaimedSms again = store.claim(sms.id(), T0.plusSeconds(2), T0.plusSeconds(100)).orElseThrow();
        assertEquals(1, again.attempt(), "a released claim was no attempt");
        assertTrue(again.unsureSince().isEmpty());
    }

    @Test
    void outcomes_shouldNotBeRecordedUnderAClaimThatRanOut() {
        OutboundSms sms = owe(T0);
        ClaimedSms stale = store.claim(sms.id(), T0, T0.plus(LEASE)).orElseThrow();
        ClaimedSms current = store.claim(sms.id(), T0.plus(LEASE), T0.plusSeconds(300)).orElseThrow();

        store.markFailed(stale, "late", T0.plusSeconds(100));
        store.retryLater(stale, T0.plusSeconds(100), "late", Optional.empty());

        assertEquals("SENDING", item(sms.id()).get("status").s());
        store.markSent(current, "SM1", T0.plusSeconds(101));
        assertEquals("SENT", item(sms.id()).get("status").s());
    }

    @Test
    void markFailed_shouldEndTheMessage_andForgetTheNumber() {
        OutboundSms sms = owe(T0);
        ClaimedSms claim = store.claim(sms.id(), T0, T0.plus(LEASE)).orElseThrow();

        store.markFailed(claim, "rejected by Twilio: HTTP 400, Twilio error 21211", T0.plusSeconds(1));

        Map<String, AttributeValue> item = item(sms.id());
        assertEquals("FAILED", item.get("status").s());
        assertTrue(item.get("lastError").s().contains("21211"));
        assertFalse(item.containsKey("toCipher"));
        assertFalse(item.containsKey("GSI1PK"));
    }

    @Test
    void recordDelivery_shouldOnlyMoveForward() {
        OutboundSms sms = owe(T0);
        ClaimedSms claim = store.claim(sms.id(), T0, T0.plus(LEASE)).orElseThrow();
        store.markSent(claim, "SM1", T0);

        assertTrue(store.recordDelivery(sms.id(), OutboxStatus.DELIVERED, T0.plusSeconds(5)));
        assertFalse(store.recordDelivery(sms.id(), OutboxStatus.SENT, T0.plusSeconds(6)), "a late 'sent' is ignored");
        assertFalse(store.recordDelivery(sms.id(), OutboxStatus.FAILED, T0.plusSeconds(7)), "final stays final");
        assertEquals("DELIVERED", item(sms.id()).get("status").s());
        assertFalse(store.recordDelivery("no-such-message", OutboxStatus.DELIVERED, T0));
        assertTrue(item("no-such-message").isEmpty(), "an unknown id creates nothing");
    }

    @Test
    void recordDelivery_beforeTheSenderRecordedItsSend_shouldKeepTheMessageFromBeingSentAgain() {
        OutboundSms sms = owe(T0);
        ClaimedSms claim = store.claim(sms.id(), T0, T0.plus(LEASE)).orElseThrow();

        assertTrue(store.recordDelivery(sms.id(), OutboxStatus.SENT, T0.plusMillis(500)));
        store.markSent(claim, "SM9", T0.plusSeconds(1));

        Map<String, AttributeValue> item = item(sms.id());
        assertEquals("SENT", item.get("status").s());
        assertEquals("SM9", item.get("providerId").s());
        assertTrue(dueIds(T0.plus(Duration.ofDays(1))).isEmpty());
    }

    @Test
    void takeSendSlot_shouldGrantOneSendPerIntervalPerNumber() {
        Duration interval = Duration.ofSeconds(1);

        assertInstanceOf(SendSlot.Taken.class, store.takeSendSlot(from, T0, interval, allowance(T0)));
        SendSlot busy = store.takeSendSlot(from, T0.plusMillis(400), interval, allowance(T0));
        assertEquals(new SendSlot.BusyUntil(T0.plusSeconds(1)), busy);
        assertInstanceOf(SendSlot.Taken.class, store.takeSendSlot("+358509999999", T0.plusMillis(400), interval,
                allowance(T0)), "another number has its own slot");
        assertInstanceOf(SendSlot.Taken.class, store.takeSendSlot(from, T0.plusSeconds(1), interval, allowance(T0)));
    }

    private SiteSendCap.Allowance allowance(Instant now) {
        return SiteSendCap.DEFAULT.allowance("slot-site-" + from, now);
    }

    @Test
    void takeSendSlot_shouldNeverGrantMoreThanTheSitesHourlyCap_toSendersRacingFromSeveralNumbers() throws Exception {
        String siteId = "capped-" + UUID.randomUUID();
        SiteSendCap cap = new SiteSendCap(7);
        Duration interval = Duration.ofMillis(1);
        ExecutorService senders = Executors.newFixedThreadPool(6);
        List<Future<Integer>> granted = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            String number = "+3585070000" + s;
            granted.add(senders.submit(() -> {
                int taken = 0;
                for (int i = 0; i < 10; i++) {
                    Instant at = T0.plusMillis(10L * i);
                    if (store.takeSendSlot(number, at, interval, cap.allowance(siteId, at)) instanceof SendSlot.Taken) {
                        taken++;
                    }
                }
                return taken;
            }));
        }
        int total = 0;
        for (Future<Integer> sender : granted) {
            total += sender.get();
        }
        senders.shutdown();

        assertEquals(7, total, "six senders, sixty tries, one cap");
        assertEquals(new SendSlot.CapReached(Instant.parse("2026-11-24T11:00:00Z")),
                store.takeSendSlot("+358501111111", T0.plusSeconds(5), interval, cap.allowance(siteId, T0)));
        Map<String, AttributeValue> hour = dynamo().getItem(b -> b.tableName(TABLE.value())
                .key(DynamoOutboxStore.siteHourKey(siteId, cap.allowance(siteId, T0).window()))).item();
        assertEquals("7", hour.get("sent").n());
        assertEquals(Long.toString(Instant.parse("2026-11-24T11:00:00Z").getEpochSecond()), hour.get("expiresAt").n(),
                "the count goes with TTL when its hour ends");
        Instant nextHour = Instant.parse("2026-11-24T11:00:01Z");
        assertInstanceOf(SendSlot.Taken.class, store.takeSendSlot("+358501111111", nextHour, interval,
                cap.allowance(siteId, nextHour)), "a new hour, a new count");
    }

    /** An SMS owed for a fresh ticket as the queue owes it: its id starts with the ticket's, its premise names it. */
    private OutboundSms oweForTicket(Instant at) {
        int number = queue.nextTicketNumber(siteId, TODAY, T0.plus(Duration.ofDays(3)));
        Ticket ticket = Ticket.joinedBySms(siteId, TODAY, number, TicketCode.of('A', number), "fi", Optional.empty(),
                false, "hash-" + number, "v1:cipher-" + number, at, T0.plus(Duration.ofDays(3)));
        queue.createTicket(ticket);
        OutboundSms sms = new OutboundSms(QueueSms.idPrefix(ticket.ref()) + "called", siteId, "v1:cipher-" + number,
                from, "Your turn, desk 1", at, at.plus(Duration.ofHours(1)), Optional.of(new Premise.TicketState(
                siteId, TODAY.date(), number, "CALLED", Optional.of(at))));
        assertTrue(queue.apply(LIFECYCLE.call(SITE.apply(siteId), ticket, "1", at).owing(List.of(sms))));
        return sms;
    }

    private TicketRef refOf(OutboundSms sms) {
        String[] parts = sms.id().split("\\.");
        return new TicketRef(siteId, TODAY, Integer.parseInt(parts[2]));
    }

    @Test
    void markDroppedAndFailed_shouldForgetTheTextWithTheNumber() {
        OutboundSms dropped = owe(T0);
        OutboundSms failed = owe(T0);
        store.markDropped(store.claim(dropped.id(), T0, T0.plus(LEASE)).orElseThrow(), "too late", T0);
        store.markFailed(store.claim(failed.id(), T0, T0.plus(LEASE)).orElseThrow(), "21211", T0);

        for (OutboundSms sms : List.of(dropped, failed)) {
            assertFalse(item(sms.id()).containsKey("body"), sms.id());
            assertFalse(item(sms.id()).containsKey("toCipher"), sms.id());
        }
    }

    @Test
    void dropOwedSms_shouldDeleteTheTicketsMessagesInEveryState_andASendFinishingLaterBringsNothingBack() {
        OutboundSms sending = oweForTicket(T0);
        OutboundSms sent = oweForTicket(T0);
        OutboundSms pending = oweForTicket(T0);
        ClaimedSms inFlight = store.claim(sending.id(), T0, T0.plus(LEASE)).orElseThrow();
        store.markSent(store.claim(sent.id(), T0, T0.plus(LEASE)).orElseThrow(), "SM1", T0);

        for (OutboundSms sms : List.of(sending, sent, pending)) {
            queue.dropOwedSms(refOf(sms));
        }
        store.markSent(inFlight, "SM2", T0.plusSeconds(1));
        assertFalse(store.recordDelivery(sent.id(), OutboxStatus.DELIVERED, T0.plusSeconds(2)));

        for (OutboundSms sms : List.of(sending, sent, pending)) {
            assertTrue(item(sms.id()).isEmpty(), sms.id() + " is gone and stays gone");
            assertTrue(dynamo().query(b -> b.tableName(TABLE.value()).keyConditionExpression("PK = :owner")
                    .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(
                            OutboxItems.owedPk(QueueSms.idPrefix(refOf(sms))))))
                    .consistentRead(true)).items().isEmpty(), "and the key naming it");
        }
    }
}
