package fi.vuoro.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.testkit.TestLambdaContext;
import fi.vuoro.testkit.FakeTwilioApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** template.yaml's outbox sender, invoked as the DynamoDB stream and the schedule invoke it. */
class OutboxSenderHandlerIT extends JobsOnDynamoDbLocal {

    private static OutboxSenderHandler handler;

    @BeforeAll
    static void startHandler() {
        handler = new OutboxSenderHandler(context());
    }

    @AfterAll
    static void stopHandler() {
        handler.close();
    }

    private static List<FakeTwilioApi.RecordedMessage> sentTo(String phone) {
        return twilio.messages().stream().filter(m -> m.to().equals(phone)).toList();
    }

    private static Map<String, Object> streamEvent(OutboundSms sms) {
        return Map.of("Records", List.of(Map.of(
                "eventID", "1", "eventName", "INSERT", "eventSource", "aws:dynamodb", "awsRegion", "eu-north-1",
                "dynamodb", Map.of(
                        "Keys", Map.of("PK", Map.of("S", "OUTBOX#" + sms.id()), "SK", Map.of("S", "MSG")),
                        "NewImage", Map.of("GSI1PK", Map.of("S", "OUTBOX#DUE")),
                        "StreamViewType", "NEW_IMAGE"))));
    }

    private static Map<String, Object> scheduledEvent() {
        return Map.of("version", "0", "id", "53dc4d37", "detail-type", "Scheduled Event", "source", "aws.events",
                "account", "123456789012", "time", Instant.now().toString(), "region", "eu-north-1",
                "resources", List.of("arn:aws:events:eu-north-1:123456789012:rule/outbox"), "detail", Map.of());
    }

    @Test
    void handleRequest_shouldSendTheOwedSmsOnce_whenTheStreamReportsANewOutboxMessage() {
        String phone = "+358401119001";
        OutboundSms sms = oweYourTurn(handler.getApplicationContext(), "jobs", phone, "+358500000042", Instant.now());

        Map<String, Object> result = handler.handleRequest(streamEvent(sms),
                new TestLambdaContext("outbox-sender", Duration.ofSeconds(30)));

        assertEquals(1, result.get("sent"));
        List<FakeTwilioApi.RecordedMessage> sent = sentTo(phone);
        assertEquals(1, sent.size());
        assertEquals(sms.body(), sent.get(0).body());
        assertEquals("https://jobs.example/sms/status?outbox=" + sms.id(), sent.get(0).statusCallback());
        Map<String, AttributeValue> item = outboxItem(sms.id());
        assertEquals("SENT", item.get("status").s());
        assertFalse(item.containsKey("toCipher"), "the number is forgotten once the SMS is with Twilio");

        handler.handleRequest(streamEvent(sms), new TestLambdaContext("outbox-sender", Duration.ofSeconds(30)));
        assertEquals(1, sentTo(phone).size(), "a repeated stream record sends nothing more");
    }

    @Test
    void handleRequest_shouldSendWhatIsDue_whenTheScheduleInvokesIt() {
        String phone = "+358401119002";
        oweYourTurn(handler.getApplicationContext(), "jobs", phone, "+358500000043", Instant.now());

        Map<String, Object> result = handler.handleRequest(scheduledEvent(),
                new TestLambdaContext("outbox-sender", Duration.ofSeconds(30)));

        assertEquals(1, result.get("sent"));
        assertEquals(1, sentTo(phone).size());
    }

    @Test
    void handleRequest_shouldStartNothing_whenTheInvocationHasNoTimeLeft() {
        String phone = "+358401119003";
        oweYourTurn(handler.getApplicationContext(), "jobs", phone, "+358500000044", Instant.now());

        Map<String, Object> result = handler.handleRequest(scheduledEvent(),
                new TestLambdaContext("outbox-sender", OutboxSenderHandler.MARGIN.plusSeconds(1)));

        assertEquals(0, result.get("sent"));
        assertTrue(sentTo(phone).isEmpty(), "left for the next invocation");
        handler.handleRequest(scheduledEvent(), new TestLambdaContext("outbox-sender", Duration.ofSeconds(30)));
        assertEquals(1, sentTo(phone).size());
    }
}
