package fi.vuoro.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.testkit.FakeTwilioApi;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * STOP then JOIN on the local runtime, through the signed webhook, with the fake Twilio blocking a number that texted
 * STOP exactly as Twilio does (HTTP 400, error 21610) until it texts START: a join after STOP is queued as one that
 * cannot be texted and is owed no SMS; START lifts it; and a number Twilio refuses unannounced gets its SMS dropped
 * with the reason, once, and its ticket marked for staff.
 */
class StopThenJoinIT extends StaffApiSupport {

    private static final String SITE = "/staff/api/sites/demo";

    private static FakeTwilioApi fakeTwilio() {
        return runtime.twilio();
    }

    private static JsonNode ticket(String code) throws Exception {
        JsonNode queue = StaffQueueIT.json(get(SITE + "/queue", token("anna")));
        for (JsonNode ticket : queue.get("tickets")) {
            if (code.equals(ticket.get("code").asText())) {
                return ticket;
            }
        }
        throw new AssertionError(code + " is not in the queue: " + queue);
    }

    /** The outbox items of the demo site's ticket, read from the table. */
    private static List<Map<String, AttributeValue>> outboxOf(int number) {
        String prefix = "OUTBOX#demo." + ServiceDay.of(clock.instant()).date() + "." + number + ".";
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo().scanPaginator(b -> b.tableName(TABLE).consistentRead(true)).items().forEach(item -> {
            if (item.get("PK").s().startsWith(prefix)) {
                items.add(item);
            }
        });
        return items;
    }

    private static int numberOf(String code) {
        return Integer.parseInt(code.substring(1));
    }

    @Test
    void joinAfterStop_shouldQueueTheVisitorAsOneWhoCannotBeTexted_andStartShouldLiftIt() throws Exception {
        String phone = newPhone();
        text(phone, "JOIN");
        assertTrue(text(phone, "STOP").text().contains("deleted"));
        fakeTwilio().optOut(phone);

        String code = text(phone, "JOIN").ticketCode();
        assertTrue(ticket(code).get("cannotBeTexted").asBoolean(), ticket(code).toString());
        HttpResponse<String> called = post(SITE + "/tickets/" + numberOf(code) + "/call", token("anna"),
                "{\"desk\":\"5\"}");
        assertEquals(200, called.statusCode(), called.body());
        assertTrue(outboxOf(numberOf(code)).isEmpty(), "no \"your turn\" is owed: Twilio would refuse it");

        String started = text(phone, "START").text();
        fakeTwilio().optIn(phone);

        assertTrue(started.contains("JOIN"), "the help or the language menu: " + started);
        assertFalse(ticket(code).get("cannotBeTexted").asBoolean());
        assertEquals(200, post(SITE + "/tickets/" + numberOf(code) + "/recall", token("anna"), "").statusCode());
        awaitSms(phone, message -> message.statusCallback() != null && message.body().contains("5"));
    }

    @Test
    void twilioRefusingAnUnsubscribedNumber_shouldDropTheSmsWithTheReasonOnce_andMarkTheTicketForStaff()
            throws Exception {
        String phone = newPhone();
        String code = text(phone, "JOIN").ticketCode();
        fakeTwilio().optOut(phone);  // the number texted STOP when Vuoro did not hear it
        int textedBefore = sentTo(phone).size();
        String etag = get(SITE + "/queue", token("anna")).headers().firstValue("ETag").orElseThrow();

        post(SITE + "/tickets/" + numberOf(code) + "/call", token("anna"), "{\"desk\":\"6\"}");

        Map<String, AttributeValue> yourTurn = awaitSettled(numberOf(code));
        assertEquals("DROPPED", yourTurn.get("status").s(), yourTurn.toString());
        assertTrue(yourTurn.get("lastError").s().contains("21610"), yourTurn.toString());
        assertEquals("1", yourTurn.get("attempts").n(), "tried once, never again");
        assertTrue(awaitCannotBeTexted(code), "staff see that the visitor cannot be texted");
        assertFalse(etag.equals(get(SITE + "/queue", token("anna")).headers().firstValue("ETag").orElseThrow()));
        assertEquals(textedBefore, sentTo(phone).size(), "Twilio sent nothing more to them");

        post(SITE + "/tickets/" + numberOf(code) + "/served", token("anna"), "");
        String again = text(phone, "JOIN").ticketCode();
        assertTrue(ticket(again).get("cannotBeTexted").asBoolean(), "the number is remembered: marked at once");
    }

    private static Map<String, AttributeValue> awaitSettled(int number) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            for (Map<String, AttributeValue> item : outboxOf(number)) {
                if (!"PENDING".equals(item.get("status").s()) && !"SENDING".equals(item.get("status").s())) {
                    return item;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the outbox did not settle the SMS: " + outboxOf(number));
    }

    private static boolean awaitCannotBeTexted(String code) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            if (ticket(code).get("cannotBeTexted").asBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
