package fi.vuoro.local.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.testing.DirectChanges;
import fi.vuoro.domain.testing.FigureLine;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.local.RunningService;
import fi.vuoro.platform.dynamodb.OutboxItems;
import fi.vuoro.testkit.FakeTwilioApi;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A flood at one site, on the local runtime with its outbox schedule, DynamoDB Local and the fake Twilio, with a cap
 * of 5 SMS per site and hour: the cap holds, the held messages wait (not lost), the metric line in CloudWatch's
 * Embedded Metric Format is logged, and when the next hour opens the held messages are sent, each once.
 */
class SiteSmsCapIT extends RunningService {

    private static final String CAP_PROPERTY = "vuoro.outbox.site-sms-per-hour";
    private static final int CAP = 5;
    private static final int FLOOD = 8;
    private static final String SITE = "flood-it";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    protected static void startService() throws IOException {
        System.setProperty(CAP_PROPERTY, Integer.toString(CAP));
        RunningService.startService();
    }

    @AfterAll
    static void forgetTheCap() {
        System.clearProperty(CAP_PROPERTY);
    }

    /** Calls a fresh ticket at the flooded site, owing "your turn" from a number of its own (no pacing between). */
    private static OutboundSms oweYourTurn(int i) {
        QueueStore queue = runtime.context().getBean(QueueStore.class);
        PhoneProtector phones = runtime.context().getBean(PhoneProtector.class);
        String phone = newPhone();
        Instant now = clock.instant();
        ServiceDay day = ServiceDay.of(now);
        Instant expires = day.expiresAt(Duration.ofHours(48));
        int number = queue.nextTicketNumber(SITE, day, expires);
        Ticket ticket = Ticket.joinedBySms(SITE, day, number, TicketCode.of('F', number), "fi", Optional.empty(),
                false, phones.hash(phone), phones.encrypt(phone), now, expires);
        queue.createTicket(ticket);
        OutboundSms sms = new OutboundSms(SITE + "." + day.date() + "." + number + ".called", SITE,
                phones.encrypt(phone), "+3585000009" + (10 + i), "Vuoro F" + number + ": tiskille 2", now);
        personalData.add(sms.body());
        assertTrue(DirectChanges.call(queue, ticket, "2", now, Optional.of(sms)));
        return sms;
    }

    private static List<FakeTwilioApi.RecordedMessage> sentFromSite(List<OutboundSms> owed) {
        List<String> bodies = owed.stream().map(OutboundSms::body).toList();
        return runtime.twilio().messages().stream().filter(m -> bodies.contains(m.body())).toList();
    }

    private static String status(OutboundSms sms) {
        return dynamo().getItem(b -> b.tableName(TABLE).consistentRead(true).key(Map.of(
                "PK", AttributeValue.fromS(OutboxItems.pk(sms.id())), "SK", AttributeValue.fromS(OutboxItems.SK))))
                .item().get("status").s();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static List<JsonNode> metricLines() {
        List<JsonNode> metrics = new ArrayList<>();
        for (String line : logs.lines()) {
            if (line.startsWith("{\"_aws\"")) {
                try {
                    metrics.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("a metric line that is not JSON: " + line, e);
                }
            }
        }
        return metrics;
    }

    @Test
    void flood_shouldBeHeldAtTheCap_raiseTheMetric_andBeDeliveredOnceWhenTheNextHourOpens() throws Exception {
        Instant start = clock.instant();
        List<OutboundSms> owed = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            owed.add(oweYourTurn(i));
        }

        await(() -> sentFromSite(owed).size() == CAP, "the first " + CAP + " sent");
        await(() -> !metricLines().isEmpty(), "the cap's metric line logged");
        Thread.sleep(1500);  // several more drains: the cap must still hold
        assertEquals(CAP, sentFromSite(owed).size(), "the cap holds");
        assertEquals(FLOOD - CAP, owed.stream().filter(sms -> status(sms).equals("PENDING")).count(),
                "held, not lost");

        JsonNode metric = metricLines().get(0);
        JsonNode directive = metric.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals("Vuoro", directive.get("Namespace").asText());
        assertEquals("[[\"Service\"],[\"Service\",\"SiteId\"]]", directive.get("Dimensions").toString());
        assertEquals("SiteSmsCapReached", directive.get("Metrics").get(0).get("Name").asText());
        assertEquals(SITE, metric.get("SiteId").asText());
        assertEquals(1, metric.get("SiteSmsCapReached").asInt());
        assertTrue(metric.get("OutboundSmsHeld").asInt() >= 1, metric.toString());

        clock.set(start.plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusSeconds(1));
        await(() -> sentFromSite(owed).size() == FLOOD, "the held messages sent when the next hour opened");
        Thread.sleep(1000);
        List<FakeTwilioApi.RecordedMessage> sent = sentFromSite(owed);
        assertEquals(FLOOD, sent.size(), "each once");
        assertEquals(FLOOD, sent.stream().map(FakeTwilioApi.RecordedMessage::body).distinct().count());
        assertTrue(owed.stream().allMatch(sms -> status(sms).equals("SENT")));
        FigureLine.publish("site-sms-cap cap-per-hour=" + CAP + " owed=" + FLOOD + " sent-first-hour=" + CAP
                + " held=" + (FLOOD - CAP) + " sent-next-hour=" + (FLOOD - CAP) + " metric-lines="
                + metricLines().size() + " lost=0 doubled=0");
    }
}
