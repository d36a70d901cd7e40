package fi.vuoro.platform.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.QueueStoreContract;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.Topic;
import fi.vuoro.domain.visitor.VisitorProfile;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.TemplateTables;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the DynamoDB adapters promise, proven against a real DynamoDB engine: DynamoDB Local in-process everywhere,
 * and LocalStack where a Docker engine exists. The queue store passes the same contract as the in-memory store
 * of the domain's tests, and more that only the table can show.
 */
abstract class StoreContract extends QueueStoreContract {

    static final TableName TABLE = new TableName("VuoroTable");

    abstract DynamoDbClient client();

    static void createTables(DynamoDbClient client) {
        TemplateTables.createAllWithoutTimeToLive(client, CloudFormationTemplate.load(CloudFormationTemplate.locate()));
    }

    @Override
    protected QueueStore store() {
        return new DynamoQueueStore(client(), TABLE);
    }

    @Override
    protected boolean owes(String smsId) {
        return !client().getItem(b -> b.tableName(TABLE.value()).consistentRead(true).key(Map.of(
                "PK", AttributeValue.fromS(OutboxItems.pk(smsId)), "SK", AttributeValue.fromS(OutboxItems.SK))))
                .item().isEmpty();
    }

    @Test
    void nextTicketNumber_shouldBeDistinctAndConsecutive_underConcurrency() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, 50)
                    .<Callable<Integer>>mapToObj(i -> () -> queue.nextTicketNumber(siteId, TODAY, EXPIRES)).toList();
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
    void forgetVisitor_shouldDeleteEveryItemKeptUnderTheVisitorsHash_profileIncluded() {
        Ticket ticket = waitingTicket("hash-dyn-a");
        queue.createTicket(ticket);
        new DynamoVisitorStore(client(), TABLE).save(new VisitorProfile("hash-dyn-a", "ar"), EXPIRES);

        queue.forgetVisitor("hash-dyn-a");

        assertTrue(client().query(b -> b.tableName(TABLE.value()).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("PHONE#hash-dyn-a")))).items().isEmpty());
    }

    @Test
    void apply_remove_shouldTakeTheTicketOutOfTheDaysWaitingCount_andMoveTheDayVersion_inOneWrite() {
        Ticket first = waitingTicket("hash-rm-a");
        queue.createTicket(first);
        Ticket second = waitingTicket("hash-rm-b");
        queue.createTicket(second);
        int waitingBefore = queue.day(siteId, TODAY, NOW).tally().orElseThrow().waiting();
        long changesBefore = queue.dayVersion(siteId, TODAY).changes();

        assertTrue(queue.apply(lifecycle.remove(site, first, NOW)));

        assertEquals(waitingBefore - 1, queue.day(siteId, TODAY, NOW).tally().orElseThrow().waiting());
        assertEquals(changesBefore + 1, queue.dayVersion(siteId, TODAY).changes(), "staff polls see the removal");
        assertEquals(0, queue.countWaitingAhead(second.ref(), NOW));
        assertTrue(queue.findLiveTicket("hash-rm-a", siteId, NOW).isEmpty(), "the live slot is freed");
        assertEquals("REMOVED", client().getItem(b -> b.tableName(TABLE.value()).consistentRead(true)
                .key(Keys.ticketKey(first.ref()))).item().get("status").s());
    }

    @Test
    void apply_unreachableBySms_shouldBeStoredWithTheTicket_andMoveTheDayVersion() {
        Ticket ticket = waitingTicket("hash-unr-a");
        queue.createTicket(ticket);
        long changesBefore = queue.dayVersion(siteId, TODAY).changes();

        assertTrue(queue.apply(lifecycle.unreachableBySms(ticket)));

        assertTrue(queue.find(ticket.ref(), NOW).orElseThrow().unreachableBySms());
        assertFalse(queue.find(ticket.ref(), NOW).orElseThrow().canBeTexted());
        assertEquals(changesBefore + 1, queue.dayVersion(siteId, TODAY).changes(), "staff polls see the label");
    }

    @Test
    void senderRecords_shouldTellAnOptedOutNumber_inTheOneRead_untilItOptsInOrTheOptOutExpires() {
        DynamoVisitorStore visitors = new DynamoVisitorStore(client(), TABLE);
        DynamoSenderRecords records = new DynamoSenderRecords(client(), TABLE);
        assertFalse(records.read("SM-opt-1", "hash-opt-a", Optional.of(siteId), NOW).optedOut());

        visitors.optOut("hash-opt-a", NOW, EXPIRES);

        assertTrue(records.read("SM-opt-2", "hash-opt-a", Optional.of(siteId), NOW).optedOut());
        assertFalse(records.read("SM-opt-3", "hash-opt-a", Optional.of(siteId), EXPIRES.plusSeconds(1)).optedOut(),
                "an expired opt-out is not read");
        assertFalse(records.read("SM-opt-4", "hash-opt-b", Optional.of(siteId), NOW).optedOut(), "another number");
        visitors.optIn("hash-opt-a");
        assertFalse(records.read("SM-opt-5", "hash-opt-a", Optional.of(siteId), NOW).optedOut());
    }

    @Test
    void apply_shouldKeepTheTicketsKeyAndIdentity_andStoreItsVersion() {
        Ticket ticket = waitingTicket("hash-dyn-b");
        queue.createTicket(ticket);
        queue.apply(lifecycle.call(site, ticket, "1", NOW));

        Map<String, AttributeValue> item = client().getItem(b -> b.tableName(TABLE.value()).consistentRead(true)
                .key(Keys.ticketKey(ticket.ref()))).item();

        assertEquals(ticket.code(), item.get("code").s());
        assertEquals("1", item.get("version").n());
        assertEquals("CALLED", item.get("status").s());
    }

    @Test
    void replyLog_shouldKeepTheFirstReply_forAMessage() {
        DynamoReplyLog replies = new DynamoReplyLog(client(), TABLE);
        String sid = "SM" + UUID.randomUUID();
        assertEquals("first", replies.saveIfAbsent("hash-reply", sid, "first", EXPIRES));
        assertEquals("first", replies.saveIfAbsent("hash-reply", sid, "second", EXPIRES));
        assertEquals(Optional.of("first"), replies.find("hash-reply", sid, NOW));
        assertEquals(Optional.empty(), replies.find("hash-reply", sid, EXPIRES.plusSeconds(1)),
                "expired replies are gone");
    }

    @Test
    void forgetVisitor_shouldDeleteTheRepliesGivenToTheVisitor() {
        DynamoReplyLog replies = new DynamoReplyLog(client(), TABLE);
        String sid = "SM" + UUID.randomUUID();
        replies.saveIfAbsent("hash-forget-reply", sid, "ticket A7", EXPIRES);
        new DynamoQueueStore(client(), TABLE).forgetVisitor("hash-forget-reply");
        assertEquals(Optional.empty(), replies.find("hash-forget-reply", sid, NOW));
    }

    @Test
    void siteDirectory_shouldFindASavedSiteByItsNumber() {
        DynamoSiteDirectory sites = new DynamoSiteDirectory(client(), TABLE, Clock.fixed(NOW, ZoneOffset.UTC));
        Site saved = new Site(siteId, "Kototori", "+358401112223",
                OpeningHours.parse(Map.of("MON", "08:30-16:00", "WED", "08:30-11:30,12:30-16:00")),
                Set.of("fi", "ar"), Duration.ofMinutes(20), 3, 'K', Set.of("KELA"));
        sites.save(saved);
        Site found = sites.findByNumber("+358401112223").orElseThrow();
        assertEquals(saved.name(), found.name());
        assertEquals(saved.staffLanguages(), found.staffLanguages());
        assertEquals(saved.openingHours().periods(), found.openingHours().periods());
        assertEquals(saved.topics(), found.topics());
        assertTrue(sites.findByNumber("+358400000000").isEmpty());
    }

    @Test
    void visitorStore_shouldKeepTheTopicMenuAwaitingAnAnswer_andForgetItWhenSavedWithout() {
        DynamoVisitorStore visitors = new DynamoVisitorStore(client(), TABLE);
        VisitorProfile asked = new VisitorProfile("hash-topic-a", "fi",
                Optional.of(new VisitorProfile.TopicMenuSent("hervanta", TODAY.date())));

        visitors.save(asked, EXPIRES);
        assertEquals(Optional.of(asked), visitors.find("hash-topic-a", NOW));
        visitors.save(new VisitorProfile("hash-topic-a", "fi"), EXPIRES);
        assertEquals(Optional.of(new VisitorProfile("hash-topic-a", "fi")), visitors.find("hash-topic-a", NOW));
    }

    @Test
    void siteDirectory_shouldKeepTopics_withTheirOrderLettersAndNames() {
        DynamoSiteDirectory sites = new DynamoSiteDirectory(client(), TABLE, Clock.fixed(NOW, ZoneOffset.UTC));
        List<Topic> topics = List.of(new Topic("LUPA", 'L', Map.of("en", "Residence permit", "ar", "تصريح الإقامة")),
                new Topic("KELA", 'K', Map.of("en", "Kela benefits")));
        Site saved = new Site(siteId, "Kototori", "+358401112224", OpeningHours.always(), Set.of("fi"),
                Duration.ofMinutes(20), 3, 'A', Set.of()).withTopics(topics);
        sites.save(saved);

        assertEquals(topics, sites.findById(siteId).orElseThrow().topics());
    }

    @Test
    void siteDirectory_shouldReadASiteStoredWithTopicsAsPlainWords_asTopicsWithTheirFirstFreeLetter() {
        DynamoSiteDirectory sites = new DynamoSiteDirectory(client(), TABLE, Clock.fixed(NOW, ZoneOffset.UTC));
        sites.save(new Site(siteId, "Kototori", "+358401112225", OpeningHours.always(), Set.of("fi"),
                Duration.ofMinutes(20), 3, 'A', Set.of()));
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("SITE#" + siteId),
                "SK", AttributeValue.fromS("PROFILE"));
        for (AttributeValue old : List.of(AttributeValue.fromL(List.of(AttributeValue.fromS("KOTI"),
                AttributeValue.fromS("KELA"))), AttributeValue.fromSs(List.of("KELA", "KOTI")))) {
            client().updateItem(b -> b.tableName(TABLE.value()).key(key).updateExpression("SET topics = :t")
                    .expressionAttributeValues(Map.of(":t", old)));

            List<Topic> read = new DynamoSiteDirectory(client(), TABLE, Clock.fixed(NOW, ZoneOffset.UTC))
                    .findById(siteId).orElseThrow().topics();

            assertEquals(List.of(new Topic("KELA", 'K', Map.of("en", "KELA")), new Topic("KOTI", 'O',
                    Map.of("en", "KOTI"))), read, "each word a topic, in the words' order, the second K taken");
        }
    }

    @Test
    void serviceHistory_shouldBeEmpty_forASiteWithoutStatistics() {
        assertTrue(new DynamoServiceHistory(client(), TABLE, Clock.fixed(NOW, ZoneOffset.UTC)).recent(siteId)
                .recentServiceTimes().isEmpty());
        assertEquals(LocalDate.of(2026, 11, 24), TODAY.date());
    }
}
