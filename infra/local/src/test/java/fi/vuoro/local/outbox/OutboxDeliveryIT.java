package fi.vuoro.local.outbox;

import fi.vuoro.domain.testing.DirectChanges;
import fi.vuoro.local.LogCapture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.local.LocalRuntime;
import fi.vuoro.local.LocalSettings;
import fi.vuoro.platform.dynamodb.OutboxItems;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.testkit.FakeTwilioApi;
import fi.vuoro.testkit.TwilioWebhookClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Owed SMS end to end on the local runtime: written to the outbox with the ticket change that owes them, sent by
 * the dispatcher on its local schedule through the real Twilio SDK to the fake Twilio, which fails, throttles
 * and hangs on demand; and Twilio's signed status callbacks. Waits are shortened: a 1 s request timeout, a 2 s
 * ambiguity window, retries from 200 ms.
 */
class OutboxDeliveryIT {

    private static final String TOKEN = "outbox-it-auth-token";
    private static final String SITE_NUMBER = "+358500000071";
    private static final Map<String, String> SHORT_WAITS = Map.of(
            "vuoro.outbox.request-timeout", "1s",
            "vuoro.outbox.ambiguity-window", "2s",
            "vuoro.outbox.first-retry", "200ms",
            "vuoro.outbox.max-retry", "2s");
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final AtomicInteger NEXT = new AtomicInteger(100);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalRuntime runtime;
    private static LogCapture logs;
    private static FakeTwilioApi twilio;
    /** Every number and text the suite owed: none may appear in a log line. */
    private static final Set<String> personalData = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startService() throws IOException {
        SHORT_WAITS.forEach(System::setProperty);
        logs = LogCapture.attach();
        runtime = LocalRuntime.start(new LocalSettings(freePort(), TOKEN, Clock.systemUTC()));
        twilio = runtime.twilio();
    }

    @AfterAll
    static void stopService_andProveNoLogLineCarriesANumberOrAText() {
        runtime.close();
        SHORT_WAITS.keySet().forEach(System::clearProperty);
        logs.detach();
        List<String> lines = logs.lines();
        assertTrue(lines.stream().anyMatch(line -> line.contains("Outbox message")), "the outbox logged nothing");
        for (String line : lines) {
            assertFalse(line.matches(".*\\+358[0-9]{6,}.*"), "a log line carries a phone number: " + line);
            personalData.forEach(secret ->
                    assertFalse(line.contains(secret), "a log line carries personal data: " + line));
        }
    }

    /** Calls a fresh ticket of a visitor with this number, owing them "your turn", written with the call. */
    private static OutboundSms oweYourTurn(String phone, String from) {
        QueueStore queue = runtime.context().getBean(QueueStore.class);
        PhoneProtector phones = runtime.context().getBean(PhoneProtector.class);
        Instant now = Instant.now();
        ServiceDay day = ServiceDay.of(now);
        Instant expires = day.expiresAt(Duration.ofHours(48));
        int number = queue.nextTicketNumber("outbox-it", day, expires);
        String code = TicketCode.of('O', number);
        Ticket ticket = Ticket.joinedBySms("outbox-it", day, number, code, "fi", Optional.empty(), false,
                phones.hash(phone), phones.encrypt(phone), now, expires);
        queue.createTicket(ticket);
        String body = "Vuoro " + code + ": tule tiskille 3";
        personalData.add(phone);
        personalData.add(body);
        OutboundSms sms = new OutboundSms("outbox-it." + day.date() + "." + number + ".called-" + now.toEpochMilli(),
                "outbox-it", phones.encrypt(phone), from, body, now);
        assertTrue(DirectChanges.call(queue, ticket, "3", now, Optional.of(sms)));
        return sms;
    }

    private static String newPhone() {
        return "+3584077" + NEXT.incrementAndGet() + "00";
    }

    private static List<FakeTwilioApi.RecordedMessage> sentTo(String phone) {
        return twilio.messages().stream().filter(m -> phone.equals(m.to())).toList();
    }

    /** Waits until each number has received an SMS; returns when each was first seen at the fake Twilio. */
    private static List<Instant> awaitFirstSms(List<String> phones) throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        Map<String, Instant> seen = new LinkedHashMap<>();
        while (seen.size() < phones.size() && Instant.now().isBefore(giveUp)) {
            for (String phone : phones) {
                if (!seen.containsKey(phone) && !sentTo(phone).isEmpty()) {
                    seen.put(phone, Instant.now());
                }
            }
            Thread.sleep(10);
        }
        assertEquals(phones.size(), seen.size(), "not every visitor got their SMS within " + PATIENCE);
        return phones.stream().map(seen::get).toList();
    }

    private static Map<String, AttributeValue> outboxItem(String id) {
        String table = runtime.context().getBean(TableName.class).value();
        return runtime.dynamo().client().getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "PK", AttributeValue.fromS(OutboxItems.pk(id)), "SK", AttributeValue.fromS(OutboxItems.SK)))).item();
    }

    private static String status(String id) {
        return outboxItem(id).get("status").s();
    }

    private static void awaitStatus(String id, String status) throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (!status.equals(status(id)) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(20);
        }
        assertEquals(status, status(id));
    }

    @Test
    void owedSms_shouldReachTwilioOnce_andBeListedAtLocalMessages() throws Exception {
        String phone = newPhone();
        OutboundSms sms = oweYourTurn(phone, SITE_NUMBER);

        awaitFirstSms(List.of(phone));
        awaitStatus(sms.id(), "SENT");
        Thread.sleep(1000);

        List<FakeTwilioApi.RecordedMessage> sent = sentTo(phone);
        assertEquals(1, sent.size(), "once only: " + sent);
        assertEquals(SITE_NUMBER, sent.get(0).from());
        assertEquals(sms.body(), sent.get(0).body());
        Map<String, AttributeValue> item = outboxItem(sms.id());
        assertEquals(sent.get(0).sid(), item.get("providerId").s());
        assertFalse(item.containsKey("toCipher"), "the number is kept only while the SMS is owed");
        assertFalse(item.containsKey("GSI1PK"), "the due index holds only work");
        HttpResponse<String> listed = HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUrl()
                + "/local/messages?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, listed.statusCode());
        assertTrue(listed.body().contains(sms.body()), listed.body());
    }

    @Test
    void owedSms_shouldReachTwilioOnce_whenTwilioFailsTwiceWithServerErrors() throws Exception {
        twilio.failNext(2, 500);
        String phone = newPhone();
        OutboundSms sms = oweYourTurn(phone, SITE_NUMBER);

        awaitFirstSms(List.of(phone));
        awaitStatus(sms.id(), "SENT");

        assertEquals(1, sentTo(phone).size());
        assertEquals("3", outboxItem(sms.id()).get("attempts").n(), "two failed attempts, then the one that went out");
    }

    @Test
    void owedSms_shouldWaitForRetryAfter_andReachTwilioOnce_whenTwilioAnswersTooManyRequests() throws Exception {
        twilio.failNext(1, 429);
        String phone = newPhone();
        Instant owed = Instant.now();
        OutboundSms sms = oweYourTurn(phone, SITE_NUMBER);

        Instant arrived = awaitFirstSms(List.of(phone)).get(0);
        awaitStatus(sms.id(), "SENT");

        assertTrue(Duration.between(owed, arrived).compareTo(Duration.ofSeconds(1)) >= 0,
                "the fake Twilio asked for 1 s (Retry-After), the retry came after "
                        + Duration.between(owed, arrived).toMillis() + " ms");
        assertEquals(1, sentTo(phone).size());
    }

    @Test
    void owedSms_shouldReachTwilioExactlyOnce_whenTwilioHangsLongerThanTheTimeout() throws Exception {
        twilio.hangNext(1, Duration.ofSeconds(2));
        String phone = newPhone();
        OutboundSms sms = oweYourTurn(phone, SITE_NUMBER);

        awaitFirstSms(List.of(phone));
        awaitStatus(sms.id(), "SENT");
        Thread.sleep(1500);

        List<FakeTwilioApi.RecordedMessage> sent = sentTo(phone);
        assertEquals(1, sent.size(), "the send Twilio took although the dispatcher gave up is not repeated: " + sent);
        assertEquals(sent.get(0).sid(), outboxItem(sms.id()).get("providerId").s(),
                "found at Twilio, not sent a second time");
    }

    @Test
    void fiveSmsFromOneNumber_shouldGoOutAboutOnePerSecond() throws Exception {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            phones.add(newPhone());
            oweYourTurn(phones.get(i), "+358500000072");
        }

        List<Instant> arrivals = awaitFirstSms(phones);

        Duration spread = Duration.between(arrivals.stream().min(Instant::compareTo).orElseThrow(),
                arrivals.stream().max(Instant::compareTo).orElseThrow());
        assertTrue(spread.compareTo(Duration.ofMillis(3800)) >= 0, "five SMS from one number took only " + spread);
        phones.forEach(phone -> assertEquals(1, sentTo(phone).size()));
    }

    @Test
    void fiveSmsFromFiveNumbers_shouldNotWaitForEachOther() throws Exception {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            phones.add(newPhone());
            oweYourTurn(phones.get(i), "+35850000008" + i);
        }

        List<Instant> arrivals = awaitFirstSms(phones);

        Duration spread = Duration.between(arrivals.stream().min(Instant::compareTo).orElseThrow(),
                arrivals.stream().max(Instant::compareTo).orElseThrow());
        // Paced as one number they would take at least 4 s; the margin below that absorbs a busy CI machine.
        assertTrue(spread.compareTo(Duration.ofMillis(3000)) < 0, "five numbers were paced as one: " + spread);
    }

    @Test
    void signedStatusCallback_shouldMoveSentToDelivered_andALateSentShouldNotMoveItBack() throws Exception {
        String phone = newPhone();
        OutboundSms sms = oweYourTurn(phone, SITE_NUMBER);
        awaitFirstSms(List.of(phone));
        awaitStatus(sms.id(), "SENT");
        String callback = sentTo(phone).get(0).statusCallback();
        assertEquals(runtime.baseUrl() + "/sms/status?outbox=" + sms.id(), callback);
        TwilioWebhookClient signedByTwilio = new TwilioWebhookClient(TOKEN);

        TwilioWebhookClient.WebhookResponse delivered = signedByTwilio.post(URI.create(callback), callback,
                report(sentTo(phone).get(0).sid(), "delivered"));
        assertEquals(200, delivered.status(), delivered.body());
        assertEquals("DELIVERED", status(sms.id()));

        TwilioWebhookClient.WebhookResponse lateSent = signedByTwilio.post(URI.create(callback), callback,
                report(sentTo(phone).get(0).sid(), "sent"));
        assertEquals(200, lateSent.status(), lateSent.body());
        assertEquals("DELIVERED", status(sms.id()), "never backwards");
    }

    @Test
    void unsignedStatusCallback_shouldBeRefused_andChangeNothing() throws Exception {
        String phone = newPhone();
        OutboundSms sms = oweYourTurn(phone, SITE_NUMBER);
        awaitFirstSms(List.of(phone));
        awaitStatus(sms.id(), "SENT");
        String callback = sentTo(phone).get(0).statusCallback();

        TwilioWebhookClient.WebhookResponse refused = new TwilioWebhookClient(TOKEN).postUnsigned(URI.create(callback),
                report(sentTo(phone).get(0).sid(), "failed"));

        assertEquals(403, refused.status(), refused.body());
        assertEquals("SENT", status(sms.id()));
    }

    private static Map<String, String> report(String messageSid, String status) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", LocalSettings.DEV_TWILIO_ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("MessageSid", messageSid);
        form.put("SmsSid", messageSid);
        form.put("MessageStatus", status);
        form.put("SmsStatus", status);
        return form;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
