package fi.vuoro.jobs;

import fi.vuoro.domain.testing.DirectChanges;
import fi.vuoro.testkit.TestLambdaContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.platform.dynamodb.DynamoQueueStore;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import fi.vuoro.platform.dynamodb.TableName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** template.yaml's no-show sweep, invoked as the schedule invokes it. */
class NoShowSweepHandlerIT extends JobsOnDynamoDbLocal {

    private static NoShowSweepHandler handler;

    @BeforeAll
    static void startHandler() {
        handler = new NoShowSweepHandler(context());
    }

    @AfterAll
    static void stopHandler() {
        handler.close();
    }

    @Test
    void handleRequest_shouldMarkAVisitorCalledLongerAgoThanTheGraceTime_andOweThemTheNoShowSms() {
        Site site = new Site("sweep", "Sweep Site", "+358500000045", OpeningHours.always(), Set.of("fi"),
                Duration.ofMinutes(15), 1, 'S', Set.of());
        handler.getApplicationContext().getBean(DynamoSiteDirectory.class).save(site);
        DynamoQueueStore queue = new DynamoQueueStore(dynamo.client(), new TableName(TABLE));
        PhoneProtector phones = handler.getApplicationContext().getBean(PhoneProtector.class);
        Instant now = Instant.now();
        ServiceDay day = ServiceDay.of(now);
        Instant expires = day.expiresAt(Duration.ofHours(48));
        int number = queue.nextTicketNumber(site.id(), day, expires);
        Ticket ticket = Ticket.joinedBySms(site.id(), day, number, TicketCode.of('S', number), "fi", Optional.empty(),
                false, phones.hash("+358401119100"), phones.encrypt("+358401119100"), now, expires);
        queue.createTicket(ticket);
        Instant calledAt = now.minus(site.noShowGrace()).minusSeconds(60);
        assertTrue(DirectChanges.call(queue, ticket, "1", calledAt, Optional.empty()));

        Map<String, Object> scheduled = Map.of("detail-type", "Scheduled Event", "source", "aws.events",
                "detail", Map.of());
        Map<String, Object> result = handler.handleRequest(scheduled,
                new TestLambdaContext("no-show-sweep", Duration.ofSeconds(30)));

        assertEquals(1, result.get("marked"));
        assertEquals("NO_SHOW", queue.find(ticket.ref(), now).orElseThrow().status().name());
        List<Map<String, AttributeValue>> owed = dynamo.client().query(b -> b.tableName(TABLE).indexName("GSI1")
                .keyConditionExpression("GSI1PK = :due")
                .expressionAttributeValues(Map.of(":due", AttributeValue.fromS("OUTBOX#DUE")))).items().stream()
                .filter(item -> item.get("siteId").s().equals(site.id())).toList();
        assertEquals(1, owed.size(), "the no-show SMS waits in the outbox");
        assertEquals(0, handler.handleRequest(Map.of(), new TestLambdaContext("no-show-sweep", Duration.ofSeconds(30)))
                .get("marked"), "marked once only");
    }
}
