package fi.vuoro.platform.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.queue.LiveTicketExistsException;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.staff.QueueSms;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.TemplateTables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the DynamoDB adapters promise, proven against a real DynamoDB engine: DynamoDB Local
 * in-process everywhere, and LocalStack where a Docker engine exists.
 */
abstract class StoreContract {

    static final TableName TABLE = new TableName("VuoroTable");
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final ServiceDay TODAY = ServiceDay.of(NOW);
    static final Instant EXPIRES = TODAY.expiresAt(Duration.ofHours(48));

    DynamoQueueStore queue;
    String siteId;

    abstract DynamoDbClient client();

    static void createTables(DynamoDbClient client) {
        TemplateTables.createAll(client, CloudFormationTemplate.load(CloudFormationTemplate.locate()));
    }

    @BeforeEach
    void freshSite() {
        queue = new DynamoQueueStore(client(), TABLE);
        siteId = "site-" + UUID.randomUUID();
    }

    Ticket waitingTicket(String phoneHash, ServiceDay day, Instant expires) {
        int number = queue.nextTicketNumber(siteId, day, expires);
        return Ticket.joinedBySms(siteId, day, number, TicketCode.of('A', number), "fi", Optional.empty(), false,
                phoneHash, "v1:cipher", NOW, expires);
    }

    @Test
    void nextTicketNumber_shouldBeDistinctAndConsecutive_underConcurrency() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> queue.nextTicketNumber(siteId, TODAY, EXPIRES));
            }
            Set<Integer> numbers = new TreeSet<>();
            for (Future<Integer> future : pool.invokeAll(calls)) {
                numbers.add(future.get());
            }
            assertEquals(IntStream.rangeClosed(1, 50).boxed().collect(Collectors.toCollection(TreeSet::new)), numbers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createTicket_shouldRefuseASecondLiveTicket_forTheSameVisitorAndSite() {
        Ticket first = waitingTicket("hash-a", TODAY, EXPIRES);
        queue.createTicket(first);
        Ticket second = waitingTicket("hash-a", TODAY, EXPIRES);
        LiveTicketExistsException refused = assertThrows(LiveTicketExistsException.class, () -> queue.createTicket(second));
        assertEquals(first.ref(), refused.existing());
        assertTrue(queue.find(second.ref(), NOW).isEmpty(), "the refused ticket was not stored");
    }

    @Test
    void createTicket_shouldNotBeBlocked_byATicketLeftFromAnEarlierDay() {
        ServiceDay yesterday = new ServiceDay(TODAY.date().minusDays(1));
        queue.createTicket(waitingTicket("hash-b", yesterday, EXPIRES));
        assertTrue(queue.findLiveTicket("hash-b", siteId, NOW).isEmpty(), "yesterday's queue is gone");
        Ticket today = waitingTicket("hash-b", TODAY, EXPIRES);
        queue.createTicket(today);
        assertEquals(today.ref(), queue.findLiveTicket("hash-b", siteId, NOW).orElseThrow().ref());
    }

    @Test
    void countWaitingAhead_shouldCountOnlyWaitingUnexpiredTicketsBefore() {
        Ticket one = waitingTicket("h1", TODAY, EXPIRES);
        Ticket two = waitingTicket("h2", TODAY, EXPIRES);
        Ticket three = waitingTicket("h3", TODAY, EXPIRES);
        Ticket four = waitingTicket("h4", TODAY, EXPIRES);
        List.of(one, two, three, four).forEach(queue::createTicket);
        assertEquals(0, queue.countWaitingAhead(one.ref(), NOW));
        assertEquals(3, queue.countWaitingAhead(four.ref(), NOW));
        assertTrue(queue.leave(two, NOW));
        assertEquals(2, queue.countWaitingAhead(four.ref(), NOW));
        assertEquals(0, queue.countWaitingAhead(four.ref(), EXPIRES.plusSeconds(1)), "expired tickets do not count");
    }

    @Test
    void leave_shouldEndTheTicket_forgetTheNumber_andFreeTheSlot_once() {
        Ticket ticket = waitingTicket("hash-c", TODAY, EXPIRES);
        queue.createTicket(ticket);
        assertTrue(queue.leave(ticket, NOW));
        Ticket ended = queue.find(ticket.ref(), NOW).orElseThrow();
        assertEquals(TicketStatus.LEFT, ended.status());
        assertTrue(ended.phoneCipher().isEmpty());
        assertTrue(queue.findLiveTicket("hash-c", siteId, NOW).isEmpty());
        assertFalse(queue.leave(ticket, NOW), "a ticket ends only once");
        queue.createTicket(waitingTicket("hash-c", TODAY, EXPIRES));
    }

    @Test
    void finish_shouldServeAVisitorPutBackInTheQueue_whoHasJoinedAgainMeanwhile_andKeepTheirNewTicketLive() {
        Ticket first = waitingTicket("hash-g", TODAY, EXPIRES);
        queue.createTicket(first);
        assertTrue(queue.call(first, "1", NOW, Optional.empty()));
        assertTrue(queue.finish(first, TicketStatus.NO_SHOW, NOW.plusSeconds(600), Optional.empty()));
        Ticket second = waitingTicket("hash-g", TODAY, EXPIRES);
        queue.createTicket(second);
        assertTrue(queue.requeue(first, NOW.plusSeconds(700)));
        Ticket requeued = queue.find(first.ref(), NOW).orElseThrow();
        assertTrue(queue.call(requeued, "1", NOW.plusSeconds(800), Optional.empty()));

        assertTrue(queue.finish(queue.find(first.ref(), NOW).orElseThrow(), TicketStatus.SERVED, NOW.plusSeconds(900),
                Optional.empty()), "the ticket's own state decides, not the visitor's newer live slot");

        assertEquals(TicketStatus.SERVED, queue.find(first.ref(), NOW).orElseThrow().status());
        assertEquals(second.ref(), queue.findLiveTicket("hash-g", siteId, NOW).orElseThrow().ref(),
                "the live slot of the newer ticket stays");
    }

    @Test
    void finish_shouldEndTheTicket_whenTheSmsItOwesIsAlreadyInTheOutbox() {
        Ticket ticket = waitingTicket("hash-h", TODAY, EXPIRES);
        queue.createTicket(ticket);
        OutboundSms noShow = new OutboundSms(QueueSms.idPrefix(ticket.ref()) + "no-show-1", siteId, "v1:cipher",
                "+358500000001", "missed", NOW);
        assertTrue(queue.call(ticket, "1", NOW, Optional.empty()));
        assertTrue(queue.finish(ticket, TicketStatus.NO_SHOW, NOW, Optional.of(noShow)));
        assertTrue(queue.requeue(ticket, NOW));
        assertTrue(queue.call(ticket, "1", NOW, Optional.empty()));

        assertTrue(queue.finish(ticket, TicketStatus.NO_SHOW, NOW, Optional.of(noShow)), "owed once, ended again");

        assertEquals(TicketStatus.NO_SHOW, queue.find(ticket.ref(), NOW).orElseThrow().status());
    }

    @Test
    void call_shouldRefuse_aTicketAnotherDeskCalledFirst() {
        Ticket ticket = waitingTicket("hash-i", TODAY, EXPIRES);
        queue.createTicket(ticket);
        assertTrue(queue.call(ticket, "1", NOW, Optional.empty()));
        assertFalse(queue.call(ticket, "2", NOW, Optional.empty()), "not the same change: refused");
        assertEquals("1", queue.find(ticket.ref(), NOW).orElseThrow().desk().orElseThrow());
    }

    @Test
    void eraseVisitor_shouldRemoveEveryItemAndIdentity_ofThatVisitorOnly() {
        Ticket ended = waitingTicket("hash-d", TODAY, EXPIRES);
        queue.createTicket(ended);
        queue.leave(ended, NOW);
        Ticket live = waitingTicket("hash-d", TODAY, EXPIRES);
        queue.createTicket(live);
        Ticket someoneElse = waitingTicket("hash-e", TODAY, EXPIRES);
        queue.createTicket(someoneElse);
        new DynamoVisitorStore(client(), TABLE).save(new fi.vuoro.domain.visitor.VisitorProfile("hash-d", "ar"), EXPIRES);

        queue.eraseVisitor("hash-d", NOW);

        assertTrue(client().query(b -> b.tableName(TABLE.value()).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("PHONE#hash-d")))).items().isEmpty());
        for (Ticket ticket : List.of(ended, live)) {
            Ticket stored = queue.find(ticket.ref(), NOW).orElseThrow();
            assertEquals(TicketStatus.LEFT, stored.status());
            assertTrue(stored.phoneHash().isEmpty() && stored.phoneCipher().isEmpty());
        }
        assertEquals(TicketStatus.WAITING, queue.find(someoneElse.ref(), NOW).orElseThrow().status());
        assertTrue(queue.findLiveTicket("hash-e", siteId, NOW).isPresent());
    }

    @Test
    void eraseVisitor_shouldDropTheSmsStillOwedToThem() {
        Ticket ticket = waitingTicket("hash-f", TODAY, EXPIRES);
        queue.createTicket(ticket);
        OutboundSms owed = new OutboundSms(QueueSms.idPrefix(ticket.ref()) + "called-1", siteId, "v1:cipher",
                "+358500000001", "your turn", NOW);
        assertTrue(queue.call(ticket, "1", NOW, Optional.of(owed)));
        Map<String, AttributeValue> outboxKey = Map.of("PK", AttributeValue.fromS(OutboxItems.pk(owed.id())),
                "SK", AttributeValue.fromS(OutboxItems.SK));
        assertFalse(client().getItem(b -> b.tableName(TABLE.value()).key(outboxKey)).item().isEmpty());

        queue.eraseVisitor("hash-f", NOW);

        assertTrue(client().getItem(b -> b.tableName(TABLE.value()).key(outboxKey).consistentRead(true)).item().isEmpty(),
                "the owed SMS and the encrypted number in it are gone");
    }

    @Test
    void replyLog_shouldKeepTheFirstReply_forAMessage() {
        DynamoReplyLog replies = new DynamoReplyLog(client(), TABLE);
        String sid = "SM" + UUID.randomUUID();
        assertEquals("first", replies.saveIfAbsent(sid, "first", EXPIRES));
        assertEquals("first", replies.saveIfAbsent(sid, "second", EXPIRES));
        assertEquals(Optional.of("first"), replies.find(sid, NOW));
        assertEquals(Optional.empty(), replies.find(sid, EXPIRES.plusSeconds(1)), "expired replies are gone");
    }

    @Test
    void siteDirectory_shouldFindASavedSiteByItsNumber() {
        DynamoSiteDirectory sites = new DynamoSiteDirectory(client(), TABLE, Clock.fixed(NOW, ZoneOffset.UTC));
        Site site = new Site(siteId, "Kototori", "+358401112223",
                OpeningHours.parse(Map.of("MON", "08:30-16:00", "WED", "08:30-11:30,12:30-16:00")),
                Set.of("fi", "ar"), Duration.ofMinutes(20), 3, 'K', Set.of("KELA"));
        sites.save(site);
        Site found = sites.findByNumber("+358401112223").orElseThrow();
        assertEquals(site.name(), found.name());
        assertEquals(site.staffLanguages(), found.staffLanguages());
        assertEquals(site.openingHours().periods(), found.openingHours().periods());
        assertEquals(site.topics(), found.topics());
        assertTrue(sites.findByNumber("+358400000000").isEmpty());
    }

    @Test
    void serviceHistory_shouldBeEmpty_forASiteWithoutStatistics() {
        assertTrue(new DynamoServiceHistory(client(), TABLE, Clock.fixed(NOW, ZoneOffset.UTC)).recent(siteId)
                .recentServiceTimes().isEmpty());
        assertEquals(LocalDate.of(2026, 11, 24), TODAY.date());
    }
}
