package fi.vuoro.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.platform.dynamodb.Keys;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Staff remove a junk ticket through the staff API on the local runtime, the visitors texting through the signed
 * webhook: it ends as REMOVED, nobody is texted, everyone behind moves up (the day's waiting count stays true), the
 * staff poll sees it, the audit trail names it, and what cannot be removed is refused with a message.
 */
class RemoveJunkTicketIT extends StaffApiSupport {

    private static final String SITE = "/staff/api/sites/demo";

    private static int numberOf(String code) {
        return Integer.parseInt(code.substring(1));
    }

    private static int waitingOnTheCounter() {
        Map<String, AttributeValue> counter = dynamo().getItem(b -> b.tableName(TABLE).consistentRead(true)
                .key(Keys.key(Keys.day("demo", ServiceDay.of(clock.instant())), Keys.COUNTER))).item();
        return Integer.parseInt(counter.get("waiting").n());
    }

    private static long waitingInTheQueue() throws Exception {
        JsonNode queue = StaffQueueIT.json(get(SITE + "/queue", token("anna")));
        long waiting = 0;
        for (JsonNode ticket : queue.get("tickets")) {
            waiting += "WAITING".equals(ticket.get("status").asText()) ? 1 : 0;
        }
        return waiting;
    }

    @Test
    void remove_shouldEndTheTicket_textNobody_moveTheOthersUp_andBeSeenByTheNextPoll() throws Exception {
        String junk = newPhone();
        String behind = newPhone();
        text(newPhone(), "JOIN");
        text(newPhone(), "JOIN");  // two more ahead, so that the one behind is not "next" either way
        String junkCode = text(junk, "JOIN").ticketCode();
        String behindCode = text(behind, "JOIN").ticketCode();
        String aheadBefore = text(behind, "STATUS").text();
        HttpResponse<String> before = get(SITE + "/queue", token("anna"));
        String etag = before.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> removed = post(SITE + "/tickets/" + numberOf(junkCode) + "/remove", token("anna"), "");

        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals("REMOVED", StaffQueueIT.json(removed).get("status").asText());
        HttpResponse<String> poll = StaffQueueIT.send(HttpRequest.newBuilder(StaffQueueIT.uri(SITE + "/queue"))
                .header("Authorization", "Bearer " + token("anna")).header("If-None-Match", etag).GET().build());
        assertEquals(200, poll.statusCode(), "the poll sees the removal, not a 304");
        assertTrue(poll.body().contains("\"code\":\"" + junkCode + "\"") && poll.body().contains("REMOVED"));
        assertEquals(waitingInTheQueue(), waitingOnTheCounter(), "the day's waiting count stays true");
        String aheadAfter = text(behind, "STATUS").text();
        assertEquals(position(aheadBefore) - 1, position(aheadAfter), aheadBefore + " / " + aheadAfter);
        assertTrue(text(junk, "STATUS").text().startsWith("You are not in the queue"), "a sensible reply");
        Thread.sleep(1500);
        // The local runtime hands the webhook's replies to the fake Twilio too; the outbox's SMS name a status callback.
        assertTrue(sentTo(junk).stream().noneMatch(sms -> sms.statusCallback() != null),
                "nothing was texted to the junk ticket: " + sentTo(junk));
        assertEquals("WAITING", ticketStatus(poll, behindCode));
    }

    @Test
    void remove_shouldBeAudited_withWhoAndTheTicket() throws Exception {
        String code = text(newPhone(), "JOIN").ticketCode();

        post(SITE + "/tickets/" + numberOf(code) + "/remove", token("anna"), "");

        JsonNode audit = StaffQueueIT.json(get(SITE + "/audit", token("coordinator")));
        boolean found = false;
        for (JsonNode entry : audit.get("entries")) {
            found |= "remove".equals(entry.get("action").asText()) && code.equals(entry.get("ticket").asText())
                    && "anna".equals(entry.get("who").asText());
        }
        assertTrue(found, audit.toString());
    }

    @Test
    void remove_shouldBeRefusedWithAMessage_forAnEndedTicket_anUnknownNumber_andStaffOfAnotherSite()
            throws Exception {
        String code = text(newPhone(), "JOIN").ticketCode();
        String path = SITE + "/tickets/" + numberOf(code) + "/remove";

        HttpResponse<String> otherSite = post(path, token("olli"), "");
        assertEquals(403, otherSite.statusCode(), otherSite.body());
        assertEquals(200, post(path, token("anna"), "").statusCode());
        HttpResponse<String> again = post(path, token("anna"), "");
        HttpResponse<String> unknown = post(SITE + "/tickets/9999/remove", token("anna"), "");
        HttpResponse<String> unsigned = post(path, null, "");

        assertEquals(409, again.statusCode(), again.body());
        assertTrue(StaffQueueIT.json(again).get("error").asText().contains(code), again.body());
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(StaffQueueIT.json(unknown).get("error").asText().contains("9999"), unknown.body());
        assertEquals(401, unsigned.statusCode());
    }

    private static String ticketStatus(HttpResponse<String> queue, String code) throws Exception {
        for (JsonNode ticket : StaffQueueIT.json(queue).get("tickets")) {
            if (code.equals(ticket.get("code").asText())) {
                return ticket.get("status").asText();
            }
        }
        throw new AssertionError(code + " is not in the queue");
    }

    /** "People before you: N" of a status reply. */
    private static int position(String status) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("People before you: (\\d+)").matcher(status);
        assertTrue(matcher.find(), status);
        return Integer.parseInt(matcher.group(1));
    }
}
