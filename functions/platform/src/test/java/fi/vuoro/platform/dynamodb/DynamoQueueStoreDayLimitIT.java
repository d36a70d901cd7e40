package fi.vuoro.platform.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fi.vuoro.domain.queue.DayFullException;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.TemplateTables;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The most tickets a site's day can have, on DynamoDB Local: the last number is drawn once, the draw after it is
 * refused without counting anyone, and the last ticket's sort key still sorts after every earlier one.
 */
class DynamoQueueStoreDayLimitIT {

    private static final TableName TABLE = new TableName("VuoroTable");
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final ServiceDay TODAY = ServiceDay.of(NOW);
    private static final Instant EXPIRES = TODAY.expiresAt(Duration.ofHours(48));
    private static DynamoDbLocalServer server;

    @BeforeAll
    static void start() {
        server = DynamoDbLocalServer.start();
        TemplateTables.createAll(server.client(), CloudFormationTemplate.load(CloudFormationTemplate.locate()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void drawNumber_shouldGiveTheDaysLastNumberOnce_andRefuseTheNext_countingNobody() {
        String siteId = "limit-" + UUID.randomUUID();
        DynamoQueueStore queue = new DynamoQueueStore(server.client(), TABLE);
        // The day has drawn all but its last number (a day of joins no advice point has: set, not drawn).
        server.client().putItem(b -> b.tableName(TABLE.value()).item(Map.of(
                "PK", AttributeValue.fromS(Keys.day(siteId, TODAY)),
                "SK", AttributeValue.fromS(Keys.COUNTER),
                DynamoQueueStore.NEXT_NUMBER, AttributeValue.fromN(Integer.toString(TicketCode.MAX_PER_DAY - 1)),
                DynamoQueueStore.WAITING, AttributeValue.fromN("3"))));

        assertEquals(TicketCode.MAX_PER_DAY, queue.drawNumber(siteId, TODAY, EXPIRES).number());
        assertThrows(DayFullException.class, () -> queue.drawNumber(siteId, TODAY, EXPIRES));
        assertThrows(DayFullException.class, () -> queue.drawNumber(siteId, TODAY, EXPIRES));

        Map<String, AttributeValue> counter = server.client().getItem(b -> b.tableName(TABLE.value())
                .key(Keys.key(Keys.day(siteId, TODAY), Keys.COUNTER)).consistentRead(true)).item();
        assertEquals(Integer.toString(TicketCode.MAX_PER_DAY), counter.get(DynamoQueueStore.NEXT_NUMBER).n());
        assertEquals("4", counter.get(DynamoQueueStore.WAITING).n(), "the refused draws took no place");
        assertEquals(1, queue.drawNumber(siteId, new ServiceDay(TODAY.date().plusDays(1)), EXPIRES).number(),
                "the next day starts again from one");
    }

    @Test
    void ticketSortKeys_shouldKeepTheDaysOrder_upToTheLastNumber() {
        for (int n = 1; n < TicketCode.MAX_PER_DAY; n++) {
            String earlier = Keys.ticket(n);
            String later = Keys.ticket(n + 1);
            if (earlier.compareTo(later) >= 0) {
                throw new AssertionError(earlier + " does not sort before " + later);
            }
        }
        assertEquals("TICKET#09999", Keys.ticket(TicketCode.MAX_PER_DAY));
    }
}
