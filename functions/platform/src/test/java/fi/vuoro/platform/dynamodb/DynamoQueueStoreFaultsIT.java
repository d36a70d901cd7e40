package fi.vuoro.platform.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.queue.TicketChange;
import fi.vuoro.domain.queue.TicketLifecycle;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.queue.QueueBusyException;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.staff.QueueSms;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.domain.queue.NumberDraw;
import fi.vuoro.testkit.FaultyDynamoHttpClient;
import fi.vuoro.testkit.FaultyDynamoHttpClient.Fault;
import fi.vuoro.testkit.TemplateTables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ticket changes under the faults DynamoDB and the network produce: a staff action is applied exactly once, and a
 * change DynamoDB cancels as conflicting is tried again, never reported as done when it was not.
 */
class DynamoQueueStoreFaultsIT {

    private static final TableName TABLE = new TableName("VuoroTable");
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final ServiceDay TODAY = ServiceDay.of(NOW);
    private static final Instant EXPIRES = TODAY.expiresAt(Duration.ofHours(48));
    private static DynamoDbLocalServer server;

    private FaultyDynamoHttpClient faults;
    private DynamoDbClient dynamo;
    private DynamoQueueStore queue;
    private String siteId;

    @BeforeAll
    static void start() {
        server = DynamoDbLocalServer.start();
        // Its clock is set to a fixed day, which DynamoDB Local's clock leaves behind: it would delete items under it.
        TemplateTables.createAllWithoutTimeToLive(server.client(),
                CloudFormationTemplate.load(CloudFormationTemplate.locate()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void faultyClient() {
        faults = new FaultyDynamoHttpClient(UrlConnectionHttpClient.create());
        dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(DynamoDbLocalServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(faults).build();
        queue = new DynamoQueueStore(dynamo, TABLE);
        siteId = "faults-" + UUID.randomUUID();
    }

    @AfterEach
    void closeClient() {
        dynamo.close();
    }

    private Ticket waiting(String phoneHash) {
        int number = queue.nextTicketNumber(siteId, TODAY, EXPIRES);
        Ticket ticket = Ticket.joinedBySms(siteId, TODAY, number, TicketCode.of('F', number), "fi", Optional.empty(),
                false, phoneHash, "v1:cipher", NOW, EXPIRES);
        queue.createTicket(ticket);
        return ticket;
    }

    private static final TicketLifecycle LIFECYCLE = new TicketLifecycle(new QueueSms(MessageCatalogue.loadDefault()));

    private Site site() {
        return new Site(siteId, "Faults", "+358500000001", OpeningHours.always(), Set.of("fi"), Duration.ofMinutes(15),
                1, 'F', Set.of());
    }

    private TicketChange call(Ticket ticket, String desk) {
        return LIFECYCLE.call(site(), ticket, desk, NOW);
    }

    private TicketChange callWithoutSms(Ticket ticket, String desk) {
        TicketChange call = call(ticket, desk);
        return new TicketChange(call.before(), call.after(), List.of(), false, call.events());
    }

    private String yourTurnId(Ticket ticket) {
        return call(ticket, "x").owed().get(0).id();
    }

    @Test
    void call_shouldCountAsDone_whenTheAnswerToTheCommittedTransactionWasLost() {
        Ticket ticket = waiting("hash-lost-1");
        faults.next("TransactWriteItems", Fault.LOSE_RESPONSE);

        assertTrue(queue.apply(call(ticket, "2")),
                "the SDK sent the call again after its answer was lost; it must not look refused");

        assertEquals(1, faults.injected(Fault.LOSE_RESPONSE));
        assertEquals(TicketStatus.CALLED, queue.find(ticket.ref(), NOW).orElseThrow().status());
        assertTrue(outboxHas(yourTurnId(ticket)), "the SMS the call owes is owed once");
    }

    @Test
    void languageChange_shouldCountAsDone_whenTheAnswerToTheCommittedUpdateWasLost() {
        // Every ticket change is one TransactWriteItems (with the day's change count), this one too.
        Ticket ticket = waiting("hash-lost-2");
        faults.next("TransactWriteItems", Fault.LOSE_RESPONSE);

        assertTrue(queue.apply(LIFECYCLE.changeLanguage(site(), ticket, "en", NOW)));

        assertEquals(1, faults.injected(Fault.LOSE_RESPONSE));
        assertEquals("en", queue.find(ticket.ref(), NOW).orElseThrow().language());
    }

    @Test
    void call_shouldCountAsDone_andCountTheWaitingOnce_whenTheAnswerToTheCommittedCallWasLost() {
        Ticket ticket = waiting("hash-lost-4");
        faults.next("TransactWriteItems", Fault.LOSE_RESPONSE);

        assertTrue(queue.apply(callWithoutSms(ticket, "2")));

        assertEquals(1, faults.injected(Fault.LOSE_RESPONSE));
        assertEquals("2", queue.find(ticket.ref(), NOW).orElseThrow().desk().orElseThrow());
        assertEquals(0, queue.day(siteId, TODAY, NOW).tally().orElseThrow().waiting(), "the call left WAITING once");
    }

    @Test
    void createTicket_shouldCountAsDone_andKeepItsPlace_whenTheAnswerToTheCommittedJoinWasLost() {
        int number = queue.nextTicketNumber(siteId, TODAY, EXPIRES);
        Ticket ticket = Ticket.joinedBySms(siteId, TODAY, number, TicketCode.of('F', number), "fi", Optional.empty(),
                false, "hash-lost-3", "v1:cipher", NOW, EXPIRES);
        faults.next("TransactWriteItems", Fault.LOSE_RESPONSE);

        queue.createTicket(ticket);

        assertEquals(1, faults.injected(Fault.LOSE_RESPONSE));
        assertEquals(ticket.ref(), queue.findLiveTicket("hash-lost-3", siteId, NOW).orElseThrow().ref());
        assertEquals(1, queue.day(siteId, TODAY, NOW).tally().orElseThrow().waiting(), "its place is still counted");
    }

    @Test
    void call_shouldBeTriedAgain_whenDynamoCancelsItAsConflictingWithAnotherTransaction() {
        Ticket ticket = waiting("hash-conflict-1");
        faults.next("TransactWriteItems", Fault.TRANSACTION_CONFLICT, Fault.TRANSACTION_CONFLICT);

        assertTrue(queue.apply(call(ticket, "3")));

        assertEquals(2, faults.injected(Fault.TRANSACTION_CONFLICT));
        assertEquals(TicketStatus.CALLED, queue.find(ticket.ref(), NOW).orElseThrow().status());
    }

    @Test
    void call_shouldReportTheQueueBusy_andChangeNothing_whenConflictsDoNotStop() {
        Ticket ticket = waiting("hash-conflict-2");
        faults.next("TransactWriteItems", Fault.TRANSACTION_CONFLICT, Fault.TRANSACTION_CONFLICT,
                Fault.TRANSACTION_CONFLICT, Fault.TRANSACTION_CONFLICT);

        assertThrows(QueueBusyException.class, () -> queue.apply(call(ticket, "3")));

        assertEquals(TicketStatus.WAITING, queue.find(ticket.ref(), NOW).orElseThrow().status());
        assertTrue(!outboxHas(yourTurnId(ticket)), "no SMS is owed for a call that did not happen");
    }

    @Test
    void createTicket_shouldBeTriedAgain_whenDynamoCancelsTheJoinAsConflicting() {
        faults.next("TransactWriteItems", Fault.TRANSACTION_CONFLICT);

        Ticket ticket = waiting("hash-conflict-3");

        assertEquals(1, faults.injected(Fault.TRANSACTION_CONFLICT));
        assertEquals(ticket.ref(), queue.findLiveTicket("hash-conflict-3", siteId, NOW).orElseThrow().ref());
    }

    @Test
    void drawNumber_shouldBeTriedAgain_andCountOnce_whenATransactionHoldsTheCounter() {
        waiting("hash-held-1");
        faults.next("UpdateItem", Fault.ITEM_IN_TRANSACTION, Fault.ITEM_IN_TRANSACTION);

        NumberDraw draw = queue.drawNumber(siteId, TODAY, EXPIRES);

        assertEquals(2, faults.injected(Fault.ITEM_IN_TRANSACTION));
        assertEquals(1, draw.waitingAhead(), "the ticket before it is ahead, and the refused tries drew nothing");
        assertEquals(2, queue.day(siteId, TODAY, NOW).tally().orElseThrow().waiting());
    }

    private boolean outboxHas(String id) {
        return !server.client().getItem(b -> b.tableName(TABLE.value()).consistentRead(true).key(Map.of(
                "PK", AttributeValue.fromS(OutboxItems.pk(id)), "SK", AttributeValue.fromS(OutboxItems.SK))))
                .item().isEmpty();
    }
}
