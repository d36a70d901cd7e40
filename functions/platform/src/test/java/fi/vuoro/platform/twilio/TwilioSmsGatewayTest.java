package fi.vuoro.platform.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.outbox.SendResult;
import fi.vuoro.domain.outbox.SentCheck;
import fi.vuoro.domain.outbox.SmsToSend;
import fi.vuoro.testkit.FakeTwilioApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Twilio SDK driven against the fake Twilio REST API, through the loopback HTTP client. */
class TwilioSmsGatewayTest {

    private static final String ACCOUNT = "AC00000000000000000000000000000009";
    private static final String TOKEN = "gateway-test-token";
    private static final String BASE_URL = "https://vuoro.example";
    private static final String SITE = "+358500000001";
    private static final Duration TIMEOUT = Duration.ofMillis(700);
    private static final Duration LONG_WAIT = Duration.ofSeconds(30);

    private static FakeTwilioApi twilio;
    private static TwilioSmsGateway gateway;

    @BeforeAll
    static void start() {
        twilio = FakeTwilioApi.start(0);
        twilio.requireAuthToken(TOKEN);
        // The transport would wait 30 s for an answer: the gateway's own timeout must cut in first.
        gateway = new TwilioSmsGateway(ACCOUNT, () -> TOKEN, new JavaNetTwilioHttpClient(LONG_WAIT, twilio.baseUrl()), TIMEOUT,
                BASE_URL);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        twilio.close();
    }

    @AfterEach
    void forget() {
        twilio.clear();
    }

    /** What the fake recorded for one recipient: a hung request of another test may still land late. */
    private static List<FakeTwilioApi.RecordedMessage> sentTo(String to) {
        return twilio.messages().stream().filter(m -> to.equals(m.to())).toList();
    }

    private static SmsToSend sms(String to) {
        return new SmsToSend("demo.2026-11-24.7.called-1", to, SITE, "A7: your turn, desk 2");
    }

    @Test
    void send_shouldBeAccepted_withTheMessageSid_andAStatusCallbackNamingTheOutboxMessage() {
        SendResult result = gateway.send(sms("+358401230001"));

        SendResult.Accepted accepted = assertInstanceOf(SendResult.Accepted.class, result);
        List<FakeTwilioApi.RecordedMessage> sent = sentTo("+358401230001");
        assertEquals(1, sent.size());
        assertEquals(sent.get(0).sid(), accepted.providerId());
        assertEquals("+358401230001", sent.get(0).to());
        assertEquals(SITE, sent.get(0).from());
        assertEquals("A7: your turn, desk 2", sent.get(0).body());
        assertEquals(BASE_URL + "/sms/status?outbox=demo.2026-11-24.7.called-1", sent.get(0).statusCallback());
    }

    @Test
    void send_shouldMakeOneRequestOnly_andCallA500Retryable() {
        twilio.failNext(1, 500);

        SendResult result = gateway.send(sms("+358401230002"));

        SendResult.Retryable retryable = assertInstanceOf(SendResult.Retryable.class, result);
        assertEquals("HTTP 500, Twilio error 20500", retryable.reason());
        assertTrue(sentTo("+358401230002").isEmpty(),
                "the SDK's own retry of 5xx is off: the dispatcher paces retries");
        assertInstanceOf(SendResult.Accepted.class, gateway.send(sms("+358401230002")));
    }

    @Test
    void send_shouldCarryRetryAfter_whenTwilioSaysTooManyRequests() {
        twilio.failNext(1, 429);

        SendResult result = gateway.send(sms("+358401230003"));

        assertEquals(new SendResult.Retryable("HTTP 429, Twilio error 20429", Optional.of(Duration.ofSeconds(1))),
                result);
    }

    @Test
    void send_shouldCallAGatewayTimeoutAmbiguous() {
        twilio.failNext(1, 504);

        assertInstanceOf(SendResult.Ambiguous.class, gateway.send(sms("+358401230004")));
    }

    @Test
    void send_shouldBeRejected_whenTwilioRefusesTheMessage() {
        SendResult result = gateway.send(new SmsToSend("x", "", SITE, "text"));

        SendResult.Rejected rejected = assertInstanceOf(SendResult.Rejected.class, result);
        assertEquals("HTTP 400, Twilio error 21604", rejected.reason());
    }

    @Test
    void send_shouldCallTheRecipientUnreachable_whenTheyTextedStop_asTwilioAnswers21610() {
        twilio.optOut("+358401230020");

        SendResult result = gateway.send(sms("+358401230020"));

        assertEquals("HTTP 400, Twilio error 21610", assertInstanceOf(SendResult.Unreachable.class, result).reason());
        assertTrue(sentTo("+358401230020").isEmpty());
        twilio.optIn("+358401230020");
        assertInstanceOf(SendResult.Accepted.class, gateway.send(sms("+358401230020")), "after START, sent again");
    }

    @Test
    void send_shouldRetry_whenTheAuthTokenIsWrong() {
        TwilioSmsGateway misconfigured = new TwilioSmsGateway(ACCOUNT, () -> "wrong", new JavaNetTwilioHttpClient(
                LONG_WAIT, twilio.baseUrl()), TIMEOUT, BASE_URL);

        SendResult result = misconfigured.send(sms("+358401230005"));

        assertEquals("HTTP 401, Twilio error 20003", assertInstanceOf(SendResult.Retryable.class, result).reason());
        misconfigured.close();
    }

    @Test
    void send_shouldGiveUpAfterItsTimeout_andCallItAmbiguous_whenTwilioHangs() {
        twilio.hangNext(1, Duration.ofSeconds(3));
        long start = System.nanoTime();

        SendResult result = gateway.send(sms("+358401230006"));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertInstanceOf(SendResult.Ambiguous.class, result);
        assertTrue(took.compareTo(TIMEOUT.plusMillis(500)) < 0, "gave up after the timeout, not 30 s: " + took);
    }

    @Test
    void send_shouldBeRetryable_whenNothingListensAtTwilio() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TwilioSmsGateway unreachable = new TwilioSmsGateway(ACCOUNT, () -> TOKEN,
                new JavaNetTwilioHttpClient(LONG_WAIT, URI.create("http://127.0.0.1:" + closedPort)), TIMEOUT, BASE_URL);

        SendResult result = unreachable.send(sms("+358401230007"));

        assertTrue(assertInstanceOf(SendResult.Retryable.class, result).reason().contains("ConnectException"),
                result.toString());
        unreachable.close();
    }

    @Test
    void send_shouldBeRetryable_whenNoAccountIsConfigured() {
        TwilioSmsGateway unconfigured = new TwilioSmsGateway("", () -> TOKEN, null, TIMEOUT, BASE_URL);

        assertInstanceOf(SendResult.Retryable.class, unconfigured.send(sms("+358401230008")));
        unconfigured.close();
    }

    @Test
    void findSent_shouldFindAMessageTwilioTookAlthoughItsSenderGaveUpWaiting() throws InterruptedException {
        Instant attemptStarted = Instant.now();
        twilio.hangNext(1, Duration.ofMillis(1200));
        assertInstanceOf(SendResult.Ambiguous.class, gateway.send(sms("+358401230009")));
        Thread.sleep(900);

        SentCheck check = gateway.findSent("+358401230009", SITE, "A7: your turn, desk 2", attemptStarted);

        assertEquals(new SentCheck.Found(sentTo("+358401230009").get(0).sid()), check);
    }

    @Test
    void findSent_shouldNotFindAnotherText_anotherRecipient_orAnOlderMessage() throws InterruptedException {
        gateway.send(sms("+358401230010"));
        Thread.sleep(1100);
        Instant later = Instant.now();

        String text = "A7: your turn, desk 2";
        assertEquals(new SentCheck.NotFound(), gateway.findSent("+358401230010", SITE, text, later));
        Instant earlier = later.minusSeconds(60);
        assertEquals(new SentCheck.NotFound(), gateway.findSent("+358401230010", SITE, "another text", earlier));
        assertEquals(new SentCheck.NotFound(), gateway.findSent("+358401230011", SITE, text, earlier));
        assertInstanceOf(SentCheck.Found.class, gateway.findSent("+358401230010", SITE, text, earlier));
    }

    @Test
    void findSent_shouldBeUnknown_whenTwilioCannotBeAsked() {
        twilio.requireAuthToken("another-token");
        try {
            assertInstanceOf(SentCheck.Unknown.class, gateway.findSent("+358401230012", SITE, "text", Instant.now()));
        } finally {
            twilio.requireAuthToken(TOKEN);
        }
    }

    @Test
    void send_shouldNameNoStatusCallback_withoutAPublicBaseUrl() {
        TwilioSmsGateway noCallbacks = new TwilioSmsGateway(ACCOUNT, () -> TOKEN,
                new JavaNetTwilioHttpClient(LONG_WAIT, twilio.baseUrl()), TIMEOUT, "");

        assertInstanceOf(SendResult.Accepted.class, noCallbacks.send(sms("+358401230013")));

        assertEquals(null, sentTo("+358401230013").get(0).statusCallback());
        noCallbacks.close();
    }
}
