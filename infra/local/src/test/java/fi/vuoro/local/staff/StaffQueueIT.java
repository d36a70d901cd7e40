package fi.vuoro.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.local.DemoSite;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import fi.vuoro.testkit.FakeTwilioApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flow 3 and 6 end to end: staff run the live queue, and visitors get their SMS through the outbox. */
class StaffQueueIT extends StaffApiSupport {

    private static final String SECOND_SITE_NUMBER = "+358500000002";

    @BeforeAll
    static void addTheSecondSite() {
        runtime.context().getBean(DynamoSiteDirectory.class).save(new Site("hervanta", "Hervanta", SECOND_SITE_NUMBER,
                OpeningHours.always(), Set.of("fi", "en"), Duration.ofMinutes(20), 3, 'H', Set.of("KELA"),
                3, Duration.ofMinutes(10)));
    }

    @Test
    void queue_shouldRequireSignIn() throws Exception {
        assertEquals(401, get("/staff/api/sites/demo/queue", null).statusCode());
        HttpResponse<String> garbage = get("/staff/api/sites/demo/queue", "not-a-token");
        assertEquals(401, garbage.statusCode());
        assertTrue(garbage.body().contains("error"), garbage.body());
    }

    @Test
    void queue_shouldBeForbidden_toStaffOfAnotherSite() throws Exception {
        HttpResponse<String> response = get("/staff/api/sites/demo/queue", token("olli"));
        assertEquals(403, response.statusCode());
        assertEquals(403, post("/staff/api/sites/demo/call-next", token("olli"), "{\"desk\":\"1\"}").statusCode());
    }

    @Test
    void queue_shouldShowAVisitorWhoJoinedBySms_withAMaskedNumber_andAnswer304WhenUnchanged() throws Exception {
        String phone = newPhone();
        String code = text(phone, "طابور").ticketCode();
        HttpResponse<String> first = get("/staff/api/sites/demo/queue", token("anna"));
        assertEquals(200, first.statusCode());
        JsonNode ticket = ticketByCode(json(first), code).orElseThrow();
        assertEquals("WAITING", ticket.get("status").asText());
        assertEquals("ar", ticket.get("language").asText());
        assertTrue(ticket.get("needsInterpreter").asBoolean(), "the demo site's staff do not speak Arabic");
        assertTrue(ticket.get("rightToLeft").asBoolean());
        String masked = ticket.get("phone").asText();
        assertTrue(masked.endsWith(phone.substring(phone.length() - 2)) && !masked.contains(phone.substring(4, 9)), masked);

        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = send(HttpRequest.newBuilder(uri("/staff/api/sites/demo/queue"))
                .header("Authorization", "Bearer " + token("anna")).header("If-None-Match", etag).GET().build());
        assertEquals(304, again.statusCode());
        assertTrue(again.body().isEmpty());
    }

    @Test
    void callNext_shouldCallTheLongestWaiting_andTextThemTheirDesk() throws Exception {
        String phone = newPhone();
        text(phone, "JONO");
        JsonNode called = json(post("/staff/api/sites/demo/call-next", token("anna"), "{\"desk\":\"7\"}"));
        assertEquals("CALLED", called.get("status").asText());
        assertEquals("7", called.get("desk").asText());
        // The longest-waiting visitor of the demo queue may be someone else; find this visitor's ticket.
        callUntil(phone, "7");
        FakeTwilioApi.RecordedMessage sms = awaitSms(phone, m -> m.body().contains("7") && m.body().contains("Numero"));
        assertEquals(DemoSite.NUMBER, sms.from());
        JsonNode lobby = json(get("/lobby/api/sites/demo/calls", null));
        assertTrue(lobby.get("calls").toString().contains("\"desk\":\"7\""), lobby.toString());
    }

    @Test
    void servedVisitor_shouldLeaveTheDesks_forgetTheNumber_andFeedTheWaitEstimate() throws Exception {
        String phone = newPhone();
        String code = text(phone, "JOIN").ticketCode();
        int number = numberOf(code);
        assertEquals(200, post("/staff/api/sites/demo/tickets/" + number + "/call", token("anna"), "{\"desk\":\"2\"}")
                .statusCode());
        JsonNode served = json(post("/staff/api/sites/demo/tickets/" + number + "/served", token("anna"), ""));
        assertEquals("SERVED", served.get("status").asText());
        assertTrue(served.get("phone").isNull(), "no SMS is owed after the visit, so the number is gone");
        assertFalse(json(get("/lobby/api/sites/demo/calls", null)).toString().contains(code));
        assertEquals(409, post("/staff/api/sites/demo/tickets/" + number + "/served", token("anna"), "").statusCode(),
                "a visit ends once");
        assertTrue(text(phone, "STATUS").text().contains("JOIN"), "the visitor is not in the queue any more");
    }

    @Test
    void noShow_shouldTextTheVisitorHowToComeBack_andLetThemRejoin() throws Exception {
        String phone = newPhone();
        String code = text(phone, "JOIN").ticketCode();
        int number = numberOf(code);
        post("/staff/api/sites/demo/tickets/" + number + "/call", token("anna"), "{\"desk\":\"3\"}");
        JsonNode noShow = json(post("/staff/api/sites/demo/tickets/" + number + "/no-show", token("anna"), ""));
        assertEquals("NO_SHOW", noShow.get("status").asText());
        awaitSms(phone, m -> m.body().contains(code) && m.body().contains("JOIN") && !m.body().contains("desk"));
        String again = text(phone, "JOIN").ticketCode();
        assertFalse(again.equals(code), "a rejoin gets a new ticket");
    }

    @Test
    void recall_shouldTextTheDeskAgain_andRequeue_shouldPutTheVisitorBack() throws Exception {
        String phone = newPhone();
        int number = numberOf(text(phone, "JOIN").ticketCode());
        post("/staff/api/sites/demo/tickets/" + number + "/call", token("anna"), "{\"desk\":\"4\"}");
        awaitSms(phone, m -> m.body().contains("desk 4"));
        assertEquals(200, post("/staff/api/sites/demo/tickets/" + number + "/recall", token("anna"), "").statusCode());
        awaitSmsCount(phone, m -> m.body().contains("desk 4"), 2);
        JsonNode back = json(post("/staff/api/sites/demo/tickets/" + number + "/requeue", token("anna"), ""));
        assertEquals("WAITING", back.get("status").asText());
        assertTrue(back.get("desk").isNull());
    }

    @Test
    void walkIn_shouldJoinTheQueueWithoutAPhone() throws Exception {
        // Hervanta has a topic (the demo site none): the walk-in's code carries the topic's letter.
        // In Finnish, which Hervanta's staff speak: no interpreter holds the walk-in back from the tests' drains.
        HttpResponse<String> created = post("/staff/api/sites/hervanta/walk-ins", token("coordinator"),
                "{\"name\":\"M. K.\",\"language\":\"fi\",\"topic\":\"kela\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode walkIn = json(created);
        assertEquals("M. K.", walkIn.get("walkInName").asText());
        assertEquals("KELA", walkIn.get("topic").asText());
        assertTrue(walkIn.get("code").asText().startsWith("K"), walkIn.toString());
        assertTrue(walkIn.get("phone").isNull());
        assertTrue(ticketByCode(json(get("/staff/api/sites/hervanta/queue", token("coordinator"))),
                walkIn.get("code").asText()).isPresent());
        assertEquals(400, post("/staff/api/sites/demo/walk-ins", token("anna"),
                "{\"name\":\"\",\"language\":\"so\"}").statusCode());
        assertEquals(400, post("/staff/api/sites/demo/walk-ins", token("anna"),
                "{\"name\":\"AB\",\"language\":\"xx\"}").statusCode());
    }

    @Test
    void desks_shouldOpenAndClose() throws Exception {
        JsonNode open = json(put("/staff/api/sites/demo/desks/5", token("anna"), "{\"open\":true}"));
        assertTrue(open.get("open").asBoolean());
        assertEquals("anna", open.get("changedBy").asText());
        assertTrue(json(get("/staff/api/sites/demo/queue", token("anna"))).get("desks").toString()
                .contains("\"label\":\"5\",\"open\":true"));
        assertFalse(json(put("/staff/api/sites/demo/desks/5", token("anna"), "{\"open\":false}")).get("open").asBoolean());
    }

    @Test
    void badRequests_shouldGetA4xxWithAMessage() throws Exception {
        HttpResponse<String> badDesk = post("/staff/api/sites/demo/call-next", token("anna"), "{\"desk\":\"desk number nine\"}");
        assertEquals(400, badDesk.statusCode());
        assertTrue(json(badDesk).get("error").asText().contains("desk"), badDesk.body());
        assertEquals(404, post("/staff/api/sites/demo/tickets/99999/served", token("anna"), "").statusCode());
        HttpResponse<String> malformed = post("/staff/api/sites/demo/call-next", token("anna"), "{\"desk\": ");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(json(malformed).get("error").asText().length() > 0, malformed.body());
        assertEquals(400, post("/staff/api/sites/demo/tickets/notanumber/served", token("anna"), "").statusCode());
        assertEquals(403, get("/staff/api/sites/nowhere/queue", token("anna")).statusCode(),
                "a site the staff member does not belong to is refused, whether or not it exists");
        assertEquals(200, get("/staff/api/sites/hervanta/queue", token("coordinator")).statusCode());
    }

    @Test
    void callNext_onAnEmptyQueue_shouldSayNobodyIsWaiting() throws Exception {
        drainHervanta();
        HttpResponse<String> response = post("/staff/api/sites/hervanta/call-next", token("coordinator"),
                "{\"desk\":\"1\",\"topic\":\"KELA\"}");
        assertEquals(409, response.statusCode());
        assertTrue(json(response).get("error").asText().contains("waiting"), response.body());
    }

    @Test
    void callNext_shouldRefuseATopicOrLanguageTheSiteDoesNotHave_namingTheField() throws Exception {
        HttpResponse<String> topic = post("/staff/api/sites/hervanta/call-next", token("coordinator"),
                "{\"desk\":\"1\",\"topic\":\"NOSUCHTOPIC\"}");
        assertEquals(400, topic.statusCode());
        assertTrue(json(topic).get("error").asText().startsWith("topic:"), topic.body());
        HttpResponse<String> language = post("/staff/api/sites/hervanta/call-next", token("coordinator"),
                "{\"desk\":\"1\",\"language\":\"klingon\"}");
        assertEquals(400, language.statusCode());
        assertTrue(json(language).get("error").asText().startsWith("language:"), language.body());
    }

    @Test
    void walkIn_shouldBeRefusedBeforeAnythingIsWritten_whenItsTopicIsHuge_orNotTheSites() throws Exception {
        int before = json(post("/staff/api/sites/demo/walk-ins", token("anna"),
                "{\"name\":\"A. A.\",\"language\":\"fi\"}")).get("number").asInt();
        String huge = "X".repeat(600 * 1024);
        HttpResponse<String> tooBig = post("/staff/api/sites/demo/walk-ins", token("anna"),
                "{\"name\":\"B. B.\",\"language\":\"fi\",\"topic\":\"" + huge + "\"}");
        assertTrue(tooBig.statusCode() == 400 || tooBig.statusCode() == 413, tooBig.statusCode() + " " + tooBig.body()
                .substring(0, Math.min(200, tooBig.body().length())));
        assertTrue(tooBig.body().length() < 1000, "the refusal does not echo the input back");
        HttpResponse<String> unknown = post("/staff/api/sites/demo/walk-ins", token("anna"),
                "{\"name\":\"C. C.\",\"language\":\"fi\",\"topic\":\"<b>PARTY</b>\"}");
        assertEquals(400, unknown.statusCode());
        assertTrue(json(unknown).get("error").asText().startsWith("topic:"), unknown.body());
        int after = json(post("/staff/api/sites/demo/walk-ins", token("anna"),
                "{\"name\":\"D. D.\",\"language\":\"fi\"}")).get("number").asInt();
        assertEquals(before + 1, after, "no ticket number was used up by a refused walk-in");
    }

    @Test
    void comeBack_shouldTextVisitorsOnceWhenFewAreAhead() throws Exception {
        // Hervanta tells visitors to come back when fewer than 3 are ahead.
        drainHervanta();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String phone = newPhone();
            phones.add(phone);
            deliver(inbound(phone, SECOND_SITE_NUMBER, "JONO KELA"));
        }
        Predicate<FakeTwilioApi.RecordedMessage> comeBack = m -> m.body().contains("Tule nyt takaisin");
        String fourth = phones.get(3);
        assertTrue(sentTo(fourth).stream().noneMatch(comeBack), "nobody texts the fourth visitor before the queue moves");
        post("/staff/api/sites/hervanta/call-next", token("coordinator"), "{\"desk\":\"1\"}");
        awaitSms(fourth, comeBack);
        post("/staff/api/sites/hervanta/call-next", token("coordinator"), "{\"desk\":\"2\"}");
        awaitSms(phones.get(4), comeBack);
        assertEquals(1, sentTo(fourth).stream().filter(comeBack).count(), "told once: " + sentTo(fourth));
        for (String joinedNearTheFront : phones.subList(0, 3)) {
            assertTrue(sentTo(joinedNearTheFront).stream().noneMatch(comeBack),
                    "the join reply already told them they are near the front");
        }
        drainHervanta();
    }

    @Test
    void tenStaffPressingCallNextAtOnce_shouldCallTenDifferentVisitors() throws Exception {
        drainHervanta();
        for (int i = 0; i < 10; i++) {
            deliver(inbound(newPhone(), SECOND_SITE_NUMBER, "JONO"));
        }
        ExecutorService desks = Executors.newFixedThreadPool(10);
        List<Callable<HttpResponse<String>>> presses = new ArrayList<>();
        for (int desk = 1; desk <= 10; desk++) {
            String body = "{\"desk\":\"" + desk + "\"}";
            presses.add(() -> post("/staff/api/sites/hervanta/call-next", token("coordinator"), body));
        }
        Set<String> called = new TreeSet<>();
        try {
            for (Future<HttpResponse<String>> press : desks.invokeAll(presses)) {
                HttpResponse<String> response = press.get();
                assertEquals(200, response.statusCode(), response.body());
                called.add(json(response).get("code").asText());
            }
        } finally {
            desks.shutdownNow();
        }
        assertEquals(10, called.size(), "each visitor called exactly once: " + called);
        assertEquals(409, post("/staff/api/sites/hervanta/call-next", token("coordinator"), "{\"desk\":\"1\"}")
                .statusCode(), "and nobody is left");
    }

    /** Calls and serves everyone waiting at Hervanta, so a test starts from an empty queue. */
    private static void drainHervanta() throws IOException, InterruptedException {
        while (post("/staff/api/sites/hervanta/call-next", token("coordinator"), "{\"desk\":\"9\"}").statusCode() == 200) {
            // called; the no-show sweep or the next test does not care
        }
    }

    private static void callUntil(String phone, String desk) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            JsonNode queue = json(get("/staff/api/sites/demo/queue", token("anna")));
            boolean mineCalled = false;
            for (JsonNode ticket : queue.get("tickets")) {
                if ("CALLED".equals(ticket.get("status").asText()) && desk.equals(ticket.get("desk").asText())
                        && !ticket.get("phone").isNull() && ticket.get("phone").asText().endsWith(phone.substring(phone.length() - 2))) {
                    mineCalled = true;
                }
            }
            if (mineCalled) {
                return;
            }
            post("/staff/api/sites/demo/call-next", token("anna"), "{\"desk\":\"" + desk + "\"}");
        }
        throw new AssertionError("the visitor was never called");
    }

    private static Optional<JsonNode> ticketByCode(JsonNode queue, String code) {
        for (JsonNode ticket : queue.get("tickets")) {
            if (code.equals(ticket.get("code").asText())) {
                return Optional.of(ticket);
            }
        }
        return Optional.empty();
    }

    private static int numberOf(String code) {
        return Integer.parseInt(code.substring(1));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static URI uri(String path) {
        return URI.create(runtime.baseUrl() + path);
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    static void awaitSmsCount(String phone, Predicate<FakeTwilioApi.RecordedMessage> matching, int count)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            if (sentTo(phone).stream().filter(matching).count() >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " matching SMS, got: " + sentTo(phone));
    }
}
