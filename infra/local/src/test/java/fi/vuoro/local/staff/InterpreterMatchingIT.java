package fi.vuoro.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.local.DemoInterpreters;
import fi.vuoro.testkit.FakeTwilioApi;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Flow 4 on the local demo, as the README describes it: a visitor who needs Dari makes the demo's two Dari
 * interpreters get an offer; the first YES confirms, the other is told it is taken; HERE marks arrival; "call next"
 * waits for the interpreter, then calls the visitor and texts the interpreter the desk. The clock moves only when
 * the test moves it, so reply timeouts and the next wave are exact.
 */
class InterpreterMatchingIT extends StaffApiSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)\\D*$");

    /** The offer code of the newest offer an interpreter got: the last number of its text. */
    private static int offerCode(FakeTwilioApi.RecordedMessage offer) {
        Matcher matcher = LAST_NUMBER.matcher(offer.body());
        assertTrue(matcher.find(), "no offer code in: " + offer.body());
        return Integer.parseInt(matcher.group(1));
    }

    /** How many messages the fake Twilio has recorded so far: what came after it is new. */
    private static int mark() {
        return runtime.sentMessages().size();
    }

    /**
     * Waits for an SMS sent through Twilio's REST API (the outbox; a TwiML reply names no status callback) to the
     * number, recorded after {@code since}.
     */
    private static FakeTwilioApi.RecordedMessage awaitSent(String phone, int since,
                                                           Predicate<FakeTwilioApi.RecordedMessage> matching)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            Optional<FakeTwilioApi.RecordedMessage> found = sentSince(phone, since).stream().filter(matching)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no matching SMS reached " + phone + "; sent to them: " + sentSince(phone, since));
    }

    private static List<FakeTwilioApi.RecordedMessage> sentSince(String phone, int since) {
        List<FakeTwilioApi.RecordedMessage> all = runtime.sentMessages();
        return all.subList(Math.min(since, all.size()), all.size()).stream()
                .filter(m -> m.to().equals(phone) && m.statusCallback() != null).toList();
    }

    private static FakeTwilioApi.RecordedMessage awaitOffer(String interpreter, int since) throws Exception {
        return awaitSent(interpreter, since, InterpreterMatchingIT::isOffer);
    }

    private static boolean isOffer(FakeTwilioApi.RecordedMessage message) {
        return message.body().contains("YES") || message.body().contains("KYLLÄ") || message.body().contains("بله");
    }

    private static JsonNode ticket(String code) throws Exception {
        HttpResponse<String> queue = get("/staff/api/sites/demo/queue", token("anna"));
        assertEquals(200, queue.statusCode(), queue.body());
        for (JsonNode ticket : JSON.readTree(queue.body()).get("tickets")) {
            if (ticket.get("code").asText().equals(code)) {
                return ticket;
            }
        }
        throw new AssertionError("no ticket " + code + " in " + queue.body());
    }

    private static void moveClock(Duration by) {
        clock.set(clock.instant().plus(by));
    }

    @Test
    void aDariVisitor_shouldGetAnInterpreter_confirmedByTheFirstYes_andBeCalledOnceTheInterpreterIsHere()
            throws Exception {
        int since = mark();
        String visitor = newPhone();
        String code = text(visitor, "JOIN DARI").ticketCode();

        FakeTwilioApi.RecordedMessage first = awaitOffer(DemoInterpreters.DARI, since);
        FakeTwilioApi.RecordedMessage second = awaitOffer(DemoInterpreters.DARI_AND_ARABIC, since);
        assertTrue(sentSince(DemoInterpreters.ARABIC_AND_SOMALI, since).isEmpty(),
                "the Arabic and Somali interpreter is not asked");
        assertEquals(DemoInterpreters.DARI, first.to());
        assertEquals("+358500000001", first.from(), "interpreters hear from the site's own number");

        String confirmed = text(DemoInterpreters.DARI_AND_ARABIC, "KYLLÄ " + offerCode(second)).text();
        String taken = text(DemoInterpreters.DARI, "بله " + offerCode(first)).text();

        assertTrue(confirmed.contains(code), "the confirmation names the ticket: " + confirmed);
        assertFalse(taken.contains(code), "the later yes is told it is taken: " + taken);
        awaitSent(DemoInterpreters.DARI, since, m -> !isOffer(m));
        JsonNode interpreter = ticket(code).get("interpreter");
        assertEquals("CONFIRMED", interpreter.get("status").asText(), interpreter.toString());
        assertEquals("Hamid Karimi", interpreter.get("confirmedBy").get("name").asText());
        String masked = interpreter.get("confirmedBy").get("phone").asText();
        assertFalse(masked.contains("500000202"), "the interpreter's number is shown masked: " + masked);
        assertFalse(interpreter.get("readyToCall").asBoolean(), "not at the site yet");

        String arrived = text(DemoInterpreters.DARI_AND_ARABIC, "HERE").text();
        assertFalse(arrived.isBlank());
        assertEquals("ARRIVED", ticket(code).get("interpreter").get("status").asText());
        HttpResponse<String> called = post("/staff/api/sites/demo/call-next", token("anna"), "{\"desk\":\"2\"}");

        assertEquals(200, called.statusCode(), called.body());
        assertEquals(code, JSON.readTree(called.body()).get("code").asText());
        FakeTwilioApi.RecordedMessage desk = awaitSent(DemoInterpreters.DARI_AND_ARABIC, since,
                m -> m.body().contains(code) && !isOffer(m));
        assertTrue(desk.body().contains("2"), "the desk: " + desk.body());
        assertEquals(200, post("/staff/api/sites/demo/tickets/" + ticket(code).get("number").asInt() + "/served",
                token("anna"), "").statusCode());
    }

    /** Calls the ticket to desk 1 and serves it, so it waits in no later test's queue. */
    private static void serve(int number) throws Exception {
        String ticket = "/staff/api/sites/demo/tickets/" + number;
        assertEquals(200, post(ticket + "/call", token("anna"), "{\"desk\":\"1\"}").statusCode());
        assertEquals(200, post(ticket + "/served", token("anna"), "").statusCode());
    }

    @Test
    void unansweredOffers_shouldExpireAfterTheReplyTime_andWhenNobodyIsLeft_theVisitorIsToldInTheirLanguage()
            throws Exception {
        int since = mark();
        String visitor = newPhone();
        String code = text(visitor, "JOIN SOMALI").ticketCode();
        FakeTwilioApi.RecordedMessage offer = awaitOffer(DemoInterpreters.ARABIC_AND_SOMALI, since);
        assertEquals("OFFERING", ticket(code).get("interpreter").get("status").asText());

        moveClock(Duration.ofMinutes(3));

        FakeTwilioApi.RecordedMessage told = awaitSent(visitor, since, m -> m.body().contains(code));
        assertFalse(told.body().isBlank());
        JsonNode interpreter = ticket(code).get("interpreter");
        assertEquals("NONE_FOUND", interpreter.get("status").asText(), interpreter.toString());
        assertTrue(interpreter.get("readyToCall").asBoolean(), "the visitor is not held back any more");
        assertEquals("WAITING", ticket(code).get("status").asText(), "still in the queue");
        String late = text(DemoInterpreters.ARABIC_AND_SOMALI, "YES " + offerCode(offer)).text();
        assertFalse(late.isBlank());
        assertEquals("NONE_FOUND", ticket(code).get("interpreter").get("status").asText(),
                "a yes after the reply time takes nothing: " + late);
        serve(ticket(code).get("number").asInt());
    }

    @Test
    void aNo_shouldLeaveTheOtherOfferOpen_andTheVisitorLeaving_shouldTellTheConfirmedInterpreter()
            throws Exception {
        int since = mark();
        String visitor = newPhone();
        String code = text(visitor, "JOIN ARABIC").ticketCode();
        FakeTwilioApi.RecordedMessage toHamid = awaitOffer(DemoInterpreters.DARI_AND_ARABIC, since);
        FakeTwilioApi.RecordedMessage toAyaan = awaitOffer(DemoInterpreters.ARABIC_AND_SOMALI, since);

        String declined = text(DemoInterpreters.DARI_AND_ARABIC, "EI " + offerCode(toHamid)).text();
        assertFalse(declined.isBlank());
        assertEquals(1, ticket(code).get("interpreter").get("wave").asInt(), "Ayaan has not answered yet");
        String yes = text(DemoInterpreters.ARABIC_AND_SOMALI, "YES " + offerCode(toAyaan)).text();
        assertTrue(yes.contains(code), yes);

        String left = text(visitor, "LEAVE").text();
        assertTrue(left.contains(code), left);
        FakeTwilioApi.RecordedMessage notNeeded = awaitSent(DemoInterpreters.ARABIC_AND_SOMALI, since,
                m -> m.body().contains(code));
        assertFalse(isOffer(notNeeded), "the confirmed interpreter hears the visit is off: " + notNeeded.body());
        assertEquals("WITHDRAWN", ticket(code).get("interpreter").get("status").asText());
    }

    @Test
    void staff_shouldCancelAndRequestAgain_andAStaffArrivalWithoutAConfirmationIsRefused() throws Exception {
        HttpResponse<String> walkIn = post("/staff/api/sites/demo/walk-ins", token("anna"),
                "{\"name\":\"F. H.\",\"language\":\"fa\"}");
        assertEquals(201, walkIn.statusCode(), walkIn.body());
        JsonNode created = JSON.readTree(walkIn.body());
        String base = "/staff/api/sites/demo/tickets/" + created.get("number").asInt() + "/interpreter";
        assertEquals("OFFERING", ticket(created.get("code").asText()).get("interpreter").get("status").asText());

        HttpResponse<String> arrived = post(base + "/arrived", token("anna"), "");
        assertEquals(409, arrived.statusCode(), arrived.body());
        assertTrue(arrived.body().contains("error"), arrived.body());
        HttpResponse<String> cancelled = delete(base, token("anna"));
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("CANCELLED", JSON.readTree(cancelled.body()).get("status").asText());
        HttpResponse<String> again = post(base, token("anna"), "");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("OFFERING", JSON.readTree(again.body()).get("status").asText());
        assertEquals(403, post(base, token("olli"), "").statusCode(), "staff of another site");
        assertEquals(404, post("/staff/api/sites/demo/tickets/999/interpreter", token("anna"), "").statusCode());
        assertEquals(200, delete(base, token("anna")).statusCode(), "cancelled again, so no offer is left open");
        serve(created.get("number").asInt());
    }

    @Test
    void coordinator_shouldRegisterEditAndDeactivateAnInterpreter_seeingNumbersMasked_andStaffMayNot()
            throws Exception {
        String path = "/staff/api/sites/demo/interpreters";
        assertEquals(403, get(path, token("anna")).statusCode(), "anna is staff, not the demo site's coordinator");
        HttpResponse<String> listed = get(path, token("coordinator"));
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals(3, JSON.readTree(listed.body()).size(), "the three demo interpreters: " + listed.body());
        assertFalse(listed.body().contains("500000201"), "numbers are masked: " + listed.body());

        String phone = newPhone();
        HttpResponse<String> added = post(path, token("coordinator"), "{\"name\":\"Nasrin\",\"phone\":\"" + phone
                + "\",\"language\":\"fa\",\"languages\":[\"fa\",\"ru\"],\"sites\":[\"demo\"],"
                + "\"availability\":{\"MON\":\"09:00-16:00\"},\"active\":true}");
        assertEquals(201, added.statusCode(), added.body());
        JsonNode nasrin = JSON.readTree(added.body());
        assertFalse(added.body().contains(phone.substring(4, 10)), added.body());
        HttpResponse<String> twice = post(path, token("coordinator"), "{\"name\":\"Again\",\"phone\":\"" + phone
                + "\",\"language\":\"fa\",\"languages\":[\"fa\"],\"sites\":[\"demo\"]}");
        assertEquals(400, twice.statusCode(), twice.body());
        assertTrue(twice.body().contains("phone"), "the refusal names the field: " + twice.body());
        HttpResponse<String> badLanguage = post(path, token("coordinator"), "{\"name\":\"X\",\"phone\":\""
                + newPhone() + "\",\"language\":\"fa\",\"languages\":[\"klingon\"],\"sites\":[\"demo\"]}");
        assertEquals(400, badLanguage.statusCode(), badLanguage.body());

        HttpResponse<String> deactivated = put(path + "/" + nasrin.get("id").asText(), token("coordinator"),
                "{\"name\":\"Nasrin R.\",\"language\":\"fa\",\"languages\":[\"fa\"],\"sites\":[\"demo\"],"
                        + "\"active\":false}");
        assertEquals(200, deactivated.statusCode(), deactivated.body());
        assertFalse(JSON.readTree(deactivated.body()).get("active").asBoolean());
        assertEquals("Nasrin R.", JSON.readTree(deactivated.body()).get("name").asText());
        HttpResponse<String> removed = delete(path + "/" + nasrin.get("id").asText(), token("coordinator"));
        assertEquals(204, removed.statusCode(), removed.body());
        assertEquals(3, JSON.readTree(get(path, token("coordinator")).body()).size());
        String unknown = text(phone, "YES").text();
        assertFalse(unknown.isBlank(), "a removed interpreter's number is a visitor again, and gets an answer");
    }
}
