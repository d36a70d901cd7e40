package fi.vuoro.sms;

import fi.vuoro.domain.testing.DirectChanges;
import fi.vuoro.domain.staff.QueueSms;
import fi.vuoro.testkit.FormEncoding;
import fi.vuoro.testkit.TestLambdaContext;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fi.vuoro.domain.outbox.ClaimedSms;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.platform.dynamodb.DynamoQueueStore;
import fi.vuoro.platform.dynamodb.OutboxItems;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.platform.outbox.DynamoOutboxStore;
import fi.vuoro.testkit.TwilioWebhookSigner;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Twilio's status callback as it arrives in AWS: an API Gateway HTTP API (payload 2.0) event, its signature
 * over the callback URL with the {@code ?outbox=} query, on the deployed entry point and DynamoDB Local.
 */
class TwilioStatusCallbackLambdaIT {

    private static final String PUBLIC_BASE_URL = "https://f6g7h8i9j0.execute-api.eu-north-1.amazonaws.com";
    private static final String TOKEN = "status-lambda-test-auth-token";
    private static final TableName TABLE = new TableName("VuoroTable");
    private static DeployedSmsWebhook function;
    private static APIGatewayV2HTTPEventFunction handler;

    @BeforeAll
    static void startFunction() {
        function = DeployedSmsWebhook.start(PUBLIC_BASE_URL, TOKEN);
        handler = function.handler();
    }

    @AfterAll
    static void stopFunction() {
        function.close();
    }

    /** An SMS owed by a call and accepted by Twilio: SENT, waiting for Twilio's reports. */
    private static String sentMessage(int number) {
        Instant now = Instant.now();
        ServiceDay day = ServiceDay.of(now);
        Instant expires = day.expiresAt(Duration.ofHours(48));
        DynamoQueueStore queue = new DynamoQueueStore(function.dynamo(), TABLE);
        String site = "status" + number;
        int ticketNumber = queue.nextTicketNumber(site, day, expires);
        Ticket ticket = Ticket.joinedBySms(site, day, ticketNumber, TicketCode.of('T', ticketNumber), "fi",
                Optional.empty(), false, "hash", "v1:cipher", now, expires);
        queue.createTicket(ticket);
        OutboundSms sms = new OutboundSms(QueueSms.idPrefix(ticket.ref()) + "called-1", site,
                "v1:cipher", "+358500000090", "text", now);
        DirectChanges.call(queue, ticket, "1", now, Optional.of(sms));
        DynamoOutboxStore outbox = new DynamoOutboxStore(function.dynamo(), TABLE);
        ClaimedSms claim = outbox.claim(sms.id(), now, now.plusSeconds(70)).orElseThrow();
        outbox.markSent(claim, "SM" + number, now);
        return sms.id();
    }

    private static String status(String id) {
        return function.dynamo().getItem(b -> b.tableName(TABLE.value()).consistentRead(true).key(Map.of(
                "PK", AttributeValue.fromS(OutboxItems.pk(id)), "SK", AttributeValue.fromS(OutboxItems.SK))))
                .item().get("status").s();
    }

    private static Map<String, String> report(String status) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", "AC00000000000000000000000000000001");
        form.put("ApiVersion", "2010-04-01");
        form.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
        form.put("MessageStatus", status);
        return form;
    }

    private static APIGatewayV2HTTPEvent event(String outboxId, Map<String, String> form, String signature) {
        String query = "outbox=" + URLEncoder.encode(outboxId, StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/x-www-form-urlencoded");
        headers.put("host", PUBLIC_BASE_URL.substring("https://".length()));
        headers.put("user-agent", "TwilioProxy/1.1");
        if (signature != null) {
            headers.put("x-twilio-signature", signature);
        }
        String body = FormEncoding.encode(form);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST /sms/status")
                .withRawPath("/sms/status")
                .withRawQueryString(query)
                .withQueryStringParameters(Map.of("outbox", outboxId))
                .withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey("POST /sms/status")
                        .withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("POST").withPath("/sms/status").withProtocol("HTTP/1.1")
                                .withSourceIp("54.172.60.1").withUserAgent("TwilioProxy/1.1").build())
                        .build())
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    @Test
    void handler_shouldRecordDelivery_fromAReportSignedForTheCallbackUrlWithItsQuery() {
        String id = sentMessage(1);
        Map<String, String> form = report("delivered");
        String signature = new TwilioWebhookSigner(TOKEN).sign(PUBLIC_BASE_URL + "/sms/status?outbox=" + id, form);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event(id, form, signature), new TestLambdaContext("sms-webhook", Duration.ofSeconds(20)));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("DELIVERED", status(id));
    }

    @Test
    void handler_shouldRefuseAnUnsignedReportWith403_andChangeNothing() {
        String id = sentMessage(2);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event(id, report("failed"), null), new TestLambdaContext("sms-webhook", Duration.ofSeconds(20)));

        assertEquals(403, response.getStatusCode());
        assertEquals("SENT", status(id));
    }
}
