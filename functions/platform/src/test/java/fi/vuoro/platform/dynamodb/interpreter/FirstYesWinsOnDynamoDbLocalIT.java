package fi.vuoro.platform.dynamodb.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.estimate.ServiceHistory;
import fi.vuoro.domain.interpreter.Interpreter;
import fi.vuoro.domain.interpreter.InterpreterRequest;
import fi.vuoro.domain.interpreter.InterpreterRequest.Status;
import fi.vuoro.domain.interpreter.InterpreterService;
import fi.vuoro.domain.interpreter.InterpreterSms;
import fi.vuoro.domain.interpreter.Offer;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.site.InterpreterPolicy;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.platform.dynamodb.DynamoQueueStore;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import fi.vuoro.platform.dynamodb.OutboxItems;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.platform.crypto.KeyedPhoneProtector;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.TemplateTables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every interpreter asked says YES at the same moment, on AWS's DynamoDB Local with the template's table, round
 * after round: the conditional writes let exactly one win; every other is told it is taken, and the SMS the
 * change owes ("taken" to the others) is written once.
 */
class FirstYesWinsOnDynamoDbLocalIT {

    private static final int ROUNDS = 200;
    private static final int ASKED = 4;
    private static final TableName TABLE = new TableName("VuoroTable");
    private static final Instant NOON = Instant.parse("2026-11-24T10:00:00Z");
    private static final Site SITE = new Site("race", "Race Site", "+358500000031", OpeningHours.always(),
            Set.of("fi"), Duration.ofMinutes(15), 2, 'R', Set.of())
            .withInterpreting(new InterpreterPolicy(ASKED, Duration.ofMinutes(2), false));

    private static DynamoDbLocalServer server;

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

    @Test
    void simultaneousYeses_shouldHaveExactlyOneWinner_andTellEveryOtherItIsTaken_inEachOf200Rounds()
            throws Exception {
        DynamoInterpreterStores stores = new DynamoInterpreterStores(server.client(), TABLE);
        DynamoQueueStore queue = new DynamoQueueStore(server.client(), TABLE);
        DynamoSiteDirectory sites = new DynamoSiteDirectory(server.client(), TABLE, Clock.systemUTC());
        sites.save(SITE);
        PhoneProtector phones = new KeyedPhoneProtector("first-yes-race-hash-key", "first-yes-race-encryption-key");
        InterpreterService service = new InterpreterService(sites, queue, stores, stores,
                new InterpreterSms(MessageCatalogue.loadDefault()), siteId -> ServiceHistory.NONE,
                Clock.fixed(NOON, ZoneOffset.UTC));
        ServiceDay day = ServiceDay.of(NOON);
        ExecutorService threads = Executors.newFixedThreadPool(ASKED);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Interpreter> interpreters = new ArrayList<>();
                for (int i = 0; i < ASKED; i++) {
                    String phone = "+3585009" + String.format("%03d%02d", round, i);
                    Interpreter interpreter = new Interpreter("r" + round + "i" + i, "Interpreter " + i,
                            phones.hash(phone), phones.encrypt(phone), "fi", Set.of("so"), Set.of(SITE.id()),
                            OpeningHours.always(), Optional.empty(), true, Optional.empty(), Optional.empty(), 0);
                    stores.create(interpreter);
                    interpreters.add(interpreter);
                }
                int number = queue.nextTicketNumber(SITE.id(), day, day.expiresAt(Duration.ofHours(48)));
                String visitor = "+35840900" + String.format("%04d", round);
                Ticket ticket = Ticket.joinedBySms(SITE.id(), day, number, TicketCode.of('R', number), "so",
                        Optional.empty(), true, phones.hash(visitor), phones.encrypt(visitor), NOON,
                        day.expiresAt(Duration.ofHours(48)));
                queue.createTicket(ticket);
                InterpreterRequest asked;
                try {
                    asked = service.request(SITE, ticket, NOON);
                } catch (RuntimeException e) {
                    throw new AssertionError("round " + round + ": no request for " + ticket.ref() + " after "
                            + stores.find(ticket.ref(), NOON), e);
                }
                assertEquals(ASKED, asked.openOffers().size(), "round " + round);

                CountDownLatch go = new CountDownLatch(1);
                List<Future<InterpreterService.Answer>> answers = new ArrayList<>();
                for (Offer offer : asked.openOffers()) {
                    Interpreter who = stores.find(offer.interpreterId()).orElseThrow();
                    answers.add(threads.submit(() -> {
                        go.await();
                        return service.yes(who, OptionalInt.of(offer.code()), NOON.plusSeconds(10));
                    }));
                }
                go.countDown();

                int confirmed = 0;
                int taken = 0;
                for (Future<InterpreterService.Answer> answer : answers) {
                    InterpreterService.Answer got = answer.get();
                    confirmed += got instanceof InterpreterService.Answer.Confirmed ? 1 : 0;
                    taken += got instanceof InterpreterService.Answer.Taken ? 1 : 0;
                }
                InterpreterRequest after = stores.find(ticket.ref(), NOON).orElseThrow();
                assertEquals(1, confirmed, "round " + round + ": exactly one winner");
                assertEquals(ASKED - 1, taken, "round " + round + ": every other is told it is taken");
                assertEquals(Status.CONFIRMED, after.status(), "round " + round);
                String winner = after.confirmedBy().orElseThrow();
                for (Interpreter interpreter : interpreters) {
                    if (!interpreter.id().equals(winner)) {
                        assertTrue(owesTakenTo(interpreter, ticket), "round " + round + ": " + interpreter.id()
                                + " is texted that it is taken");
                    }
                    stores.remove(interpreter.id());
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static boolean owesTakenTo(Interpreter interpreter, Ticket ticket) {
        return server.client().query(b -> b.tableName(TABLE.value()).indexName("GSI1")
                        .keyConditionExpression("GSI1PK = :due")
                        .expressionAttributeValues(Map.of(":due", AttributeValue.fromS("OUTBOX#DUE"))))
                .items().stream().map(item -> item.get("PK").s())
                .anyMatch(pk -> pk.startsWith(OutboxItems.pk(InterpreterSms.idPrefix(interpreter.id())))
                        && pk.contains("." + ticket.number() + ".") && pk.contains("taken"));
    }
}
