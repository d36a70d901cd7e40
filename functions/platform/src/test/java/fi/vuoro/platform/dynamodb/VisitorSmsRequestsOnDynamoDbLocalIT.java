package fi.vuoro.platform.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.vuoro.domain.estimate.ServiceHistory;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.queue.QueueDay;
import fi.vuoro.domain.queue.QueueEvents;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketLifecycle;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.sms.InboundSms;
import fi.vuoro.domain.sms.InboundSmsRouter;
import fi.vuoro.domain.sms.ReplyBudget;
import fi.vuoro.domain.sms.VisitorConversation;
import fi.vuoro.domain.staff.ComeBackNotifier;
import fi.vuoro.domain.staff.QueueSms;
import fi.vuoro.platform.crypto.KeyedPhoneProtector;
import fi.vuoro.testkit.DynamoDbLocalServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A visitor's SMS turns on DynamoDB Local, wired as the webhook wires them, with every DynamoDB request counted on
 * the client: a join from a new number takes three requests, a status request two, however long the queue; a
 * redelivered message gets the same answer, one read and nothing written.
 */
class VisitorSmsRequestsOnDynamoDbLocalIT {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();
    private static DynamoDbLocalServer server;

    /** Every request's operation name, in order. */
    private static final class RequestCounter implements ExecutionInterceptor {
        final List<String> operations = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    private final RequestCounter counter = new RequestCounter();
    private DynamoDbClient dynamo;
    private DynamoQueueStore queue;
    private InboundSmsRouter router;
    private Site site;

    @BeforeAll
    static void start() {
        server = DynamoDbLocalServer.start();
        StoreContract.createTables(server.client());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void wire() {
        dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(DynamoDbLocalServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build();
        Clock clock = Clock.systemUTC();
        String id = "req-" + UUID.randomUUID().toString().substring(0, 8);
        site = new Site(id, "Requests", "+3585" + Math.abs(id.hashCode() % 100_000_000L), OpeningHours.always(),
                Set.of("fi"), Duration.ofMinutes(15), 1, 'R', Set.of());
        DynamoSiteDirectory sites = new DynamoSiteDirectory(dynamo, StoreContract.TABLE, clock);
        sites.save(site);
        queue = new DynamoQueueStore(dynamo, StoreContract.TABLE, clock);
        KeyedPhoneProtector phones = new KeyedPhoneProtector("test-hash-key-0123456789", "test-encryption-key-0123");
        TicketLifecycle lifecycle = new TicketLifecycle(new QueueSms(CATALOGUE));
        QueueEvents events = new QueueEvents(List.of(new ComeBackNotifier(queue, lifecycle)));
        VisitorConversation visitors = new VisitorConversation(sites, queue,
                new DynamoVisitorStore(dynamo, StoreContract.TABLE), phones, siteId -> ServiceHistory.NONE, lifecycle,
                events, CATALOGUE);
        router = new InboundSmsRouter(sites, new DynamoSenderRecords(dynamo, StoreContract.TABLE),
                new DynamoReplyLog(dynamo, StoreContract.TABLE), phones, List.of(), visitors, CATALOGUE,
                ReplyBudget.DEFAULT, new DynamoReplyCounter(dynamo, StoreContract.TABLE), clock);
        // As a warm function serves: the site's number is cached after the first message.
        text("+358401990000", "JONO");
    }

    @AfterEach
    void close() {
        dynamo.close();
    }

    private String text(String from, String body) {
        return router.handle(new InboundSms("SM" + UUID.randomUUID(), from, site.smsNumber(), body));
    }

    private List<String> requestsOf(Runnable turn) {
        counter.operations.clear();
        turn.run();
        return List.copyOf(counter.operations);
    }

    private QueueDay today() {
        Instant now = Instant.now();
        return queue.day(site.id(), ServiceDay.of(now), now);
    }

    @Test
    void join_shouldTakeThreeRequests_andStatusTwo_atTheFrontOfTheQueueAndBehindOthers() {
        for (int i = 1; i <= 5; i++) {
            String phone = "+35840199000" + i;
            // Ticket 2 is near the front (told so in its reply, marked in its creation), ticket 6 is not.
            assertEquals(List.of("BatchGetItem", "UpdateItem", "TransactWriteItems"),
                    requestsOf(() -> text(phone, "JONO")), "join " + i);
            assertEquals(List.of("BatchGetItem", "Query"), requestsOf(() -> text(phone, "STATUS")), "status " + i);
            assertEquals(List.of("BatchGetItem", "Query"), requestsOf(() -> text(phone, "JONO")), "repeat join " + i);
        }
        assertEquals(6, today().waiting().size());
        assertEquals(6, today().tally().orElseThrow().waiting());
    }

    @Test
    void redeliveredJoin_shouldGetTheSameAnswer_withOneReadAndNoSecondTicket() {
        InboundSms join = new InboundSms("SM" + UUID.randomUUID(), "+358401990100", site.smsNumber(), "JONO");
        String first = router.handle(join);

        List<String> redelivery = requestsOf(() -> assertEquals(first, router.handle(join)));

        assertEquals(List.of("BatchGetItem"), redelivery);
        assertEquals(2, today().tickets().size(), "the warm-up's ticket and this one");
        assertEquals(2, today().tally().orElseThrow().waiting());
    }

    @Test
    void parallelDeliveries_ofOneJoin_shouldGetTheSameAnswer_andOneTicket_andCountItOnce() throws Exception {
        InboundSms join = new InboundSms("SM" + UUID.randomUUID(), "+358401990200", site.smsNumber(), "JONO");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> replies = pool.invokeAll(List.of(() -> router.handle(join),
                    () -> router.handle(join), () -> router.handle(join), () -> router.handle(join)));
            String first = replies.get(0).get();
            for (Future<String> reply : replies) {
                assertEquals(first, reply.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(2, today().tickets().size(), "the warm-up's ticket and one more");
        assertEquals(2, today().tally().orElseThrow().waiting(), "the deliveries that lost gave their places back");
    }

    @Test
    void leave_shouldTakeTheWaitingCountDown_inTheSameWriteAsTheTicket() {
        text("+358401990300", "JONO");
        assertEquals(2, today().tally().orElseThrow().waiting());

        text("+358401990300", "LEAVE");

        assertEquals(1, today().waiting().size());
        assertEquals(1, today().tally().orElseThrow().waiting());
    }
}
