package fi.vuoro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import fi.vuoro.testkit.FakeTwilioApi.RecordedMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeTwilioApiTest {

    private static final String ACCOUNT_SID = "AC" + "0123456789abcdef0123456789abcdef";
    private static final String AUTH_TOKEN = "fedcba9876543210fedcba9876543210";
    private static final PhoneNumber VISITOR = new PhoneNumber("+358401234567");
    private static final PhoneNumber ADVICE_POINT = new PhoneNumber("+358451112222");

    private final FakeTwilioApi twilio = FakeTwilioApi.start(0);
    private final TwilioRestClient client = clientFor(twilio.baseUrl(), AUTH_TOKEN);

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void create_shouldReturnMessageWithSidAndRecordIt() {
        Message message = Message.creator(VISITOR, ADVICE_POINT, "Your number is 12. About 3 people before you.")
                .setStatusCallback(URI.create("https://api.example.fi/sms/status"))
                .create(client);

        RecordedMessage recorded = twilio.messages().get(0);
        assertTrue(message.getSid().matches("SM[0-9a-f]{32}"), message.getSid());
        assertEquals(message.getSid(), recorded.sid());
        assertEquals(Message.Status.QUEUED, message.getStatus());
        assertEquals(Message.Direction.OUTBOUND_API, message.getDirection());
        assertEquals(ACCOUNT_SID, message.getAccountSid());
        assertEquals("+358401234567", message.getTo());
        assertEquals(ADVICE_POINT, message.getFrom());
        assertNotNull(message.getDateCreated(), "date_created must be in the format the SDK parses");
        assertEquals(message.getDateCreated().toInstant(), recorded.createdAt());
        assertNull(message.getPrice());
        assertEquals("+358401234567", recorded.to());
        assertEquals("+358451112222", recorded.from());
        assertEquals("Your number is 12. About 3 people before you.", recorded.body());
        assertEquals("https://api.example.fi/sms/status", recorded.statusCallback());
    }

    @Test
    void create_shouldCountSegmentsAsCarriersDo() {
        Message finnish = Message.creator(VISITOR, ADVICE_POINT, "Vuorosi lähestyy, tule neuvontapisteeseen.").create(client);
        Message arabic = Message.creator(VISITOR, ADVICE_POINT, "دورك قريب. ".repeat(8)).create(client);

        assertEquals("1", finnish.getNumSegments());
        assertEquals("2", arabic.getNumSegments());
        assertEquals("دورك قريب. ".repeat(8), twilio.messages().get(1).body());
    }

    @Test
    void create_shouldSendFromMessagingService() {
        Message message = Message.creator(VISITOR, "MG" + "0123456789abcdef0123456789abcdef", "Tervetuloa").create(client);

        assertEquals("MG0123456789abcdef0123456789abcdef", message.getMessagingServiceSid());
        assertEquals("MG0123456789abcdef0123456789abcdef", twilio.messages().get(0).from());
    }

    @Test
    void create_shouldThrowInjectedRateLimitThenSucceed() {
        twilio.failNext(1, 429);

        ApiException failure = assertThrows(ApiException.class,
                () -> Message.creator(VISITOR, ADVICE_POINT, "first try").create(client));
        Message retried = Message.creator(VISITOR, ADVICE_POINT, "second try").create(client);

        assertEquals(429, failure.getStatusCode());
        assertEquals(20429, failure.getCode());
        assertNotNull(retried.getSid());
        assertEquals(List.of("second try"), bodies());
    }

    @Test
    void create_shouldThrowServerErrorOnlyAfterSdkUsedItsThreeAttempts() {
        twilio.failNext(3, 500);

        ApiException failure = assertThrows(ApiException.class,
                () -> Message.creator(VISITOR, ADVICE_POINT, "lost").create(client));
        Message next = Message.creator(VISITOR, ADVICE_POINT, "delivered").create(client);

        assertEquals(500, failure.getStatusCode());
        assertNotNull(next.getSid());
        assertEquals(List.of("delivered"), bodies());
    }

    @Test
    void create_shouldHideSingleServerErrorBehindSdkRetry() {
        twilio.failNext(1, 503);

        Message message = Message.creator(VISITOR, ADVICE_POINT, "after one 503").create(client);

        assertNotNull(message.getSid());
        assertEquals(List.of("after one 503"), bodies());
    }

    @Test
    void create_shouldRejectWrongAuthTokenWhenOneIsRequired() {
        twilio.requireAuthToken(AUTH_TOKEN);
        TwilioRestClient impostor = clientFor(twilio.baseUrl(), "0000000000000000000000000000000");

        ApiException failure = assertThrows(ApiException.class,
                () -> Message.creator(VISITOR, ADVICE_POINT, "hello").create(impostor));
        Message genuine = Message.creator(VISITOR, ADVICE_POINT, "hello").create(client);

        assertEquals(401, failure.getStatusCode());
        assertEquals(20003, failure.getCode());
        assertNotNull(genuine.getSid());
        assertEquals(1, twilio.messages().size());
    }

    @Test
    void create_shouldRejectEmptyBodyWithTwilioErrorCode() {
        ApiException failure = assertThrows(ApiException.class,
                () -> Message.creator(VISITOR, ADVICE_POINT, "").create(client));

        assertEquals(400, failure.getStatusCode());
        assertEquals(21602, failure.getCode());
        assertTrue(twilio.messages().isEmpty());
    }

    @Test
    void create_shouldTimeOutOnStalledSendThenRecover() {
        TwilioRestClient impatient = new TwilioRestClient.Builder(ACCOUNT_SID, AUTH_TOKEN)
                .httpClient(new LoopbackTwilioHttpClient(twilio.baseUrl(), Duration.ofMillis(200)))
                .build();
        twilio.hangNext(1, Duration.ofSeconds(2));

        assertThrows(ApiException.class, () -> Message.creator(VISITOR, ADVICE_POINT, "stalled").create(impatient));
        Message next = Message.creator(VISITOR, ADVICE_POINT, "on time").create(impatient);

        assertNotNull(next.getSid());
    }

    @Test
    void create_shouldServeConcurrentSendsInParallel() {
        twilio.hangNext(4, Duration.ofMillis(600));
        long start = System.nanoTime();

        List<CompletableFuture<Message>> sends = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String body = "visitor " + i;
            sends.add(CompletableFuture.supplyAsync(() -> Message.creator(VISITOR, ADVICE_POINT, body).create(client)));
        }
        sends.forEach(CompletableFuture::join);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(4, twilio.messages().size());
        assertTrue(elapsed.compareTo(Duration.ofMillis(2000)) < 0, "four stalled sends took " + elapsed);
    }

    @Test
    void read_shouldListRecordedMessagesNewestFirst() {
        Message.creator(VISITOR, ADVICE_POINT, "first").create(client);
        twilio.record(ADVICE_POINT.toString(), VISITOR.toString(), "TwiML reply");

        ResourceSet<Message> listed = Message.reader().read(client);
        List<String> bodies = new ArrayList<>();
        listed.forEach(message -> bodies.add(message.getBody()));

        assertEquals(List.of("TwiML reply", "first"), bodies);
    }

    @Test
    void record_shouldAddRepliesDeliveredOutsideTheApi() {
        RecordedMessage reply = twilio.record("+358401234567", "+358451112222", "Olet jonossa numerolla 7.");

        assertTrue(reply.sid().startsWith("SM"));
        assertEquals(List.of(reply), twilio.messages());
    }

    @Test
    void clear_shouldForgetMessagesAndPendingFailures() {
        Message.creator(VISITOR, ADVICE_POINT, "old").create(client);
        twilio.failNext(1, 429);

        twilio.clear();
        Message.creator(VISITOR, ADVICE_POINT, "new").create(client);

        assertEquals(List.of("new"), bodies());
    }

    private List<String> bodies() {
        return twilio.messages().stream().map(RecordedMessage::body).toList();
    }

    private static TwilioRestClient clientFor(URI baseUrl, String authToken) {
        return new TwilioRestClient.Builder(ACCOUNT_SID, authToken)
                .httpClient(new LoopbackTwilioHttpClient(baseUrl))
                .build();
    }
}
