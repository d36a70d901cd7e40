package fi.vuoro.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.testing.FigureLine;
import fi.vuoro.testkit.FakeTwilioApi;
import fi.vuoro.testkit.TableItems;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The erasure keyword deletes everything about the sender, and they can come back later. */
class ErasureIT extends VisitLife {

    private static final String TODAY = "2026-11-24";
    /** How long Twilio stalls the send that is in flight when the visitor erases (below the 5 s request timeout). */
    private static final Duration STALL = Duration.ofMillis(4_500);

    @Test
    void erasure_shouldDeleteEverythingAboutTheSender_andEndTheirTicket() {
        String phone = newPhone();
        String code = text(phone, "JONO").ticketCode();
        text(phone, "LANG AR");
        String hash = phoneHash(phone);

        Reply erased = text(phone, "POISTA");
        assertEquals(200, erased.status());
        assertFalse(erased.text().isBlank());

        assertTrue(itemsOfPhone(phone).isEmpty(), "profile, live slot and ticket references are gone");
        List<Map<String, AttributeValue>> day = dynamo().query(b -> b.tableName(TABLE)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SITE#demo#DAY#" + TODAY)))).items();
        for (Map<String, AttributeValue> item : day) {
            assertFalse(item.values().stream().anyMatch(v -> hash.equals(v.s())), "no item keeps the sender's hash");
        }
        Map<String, AttributeValue> ticket = day.stream()
                .filter(i -> code.equals(i.containsKey("code") ? i.get("code").s() : null)).findFirst().orElseThrow();
        assertEquals("LEFT", ticket.get("status").s());
        assertFalse(ticket.containsKey("phoneCipher"));
        assertFalse(ticket.containsKey("phoneHash"));
    }

    @Test
    void erasure_shouldBeAnsweredInEnglish_forStop_andLetTheVisitorJoinAgain() {
        String phone = newPhone();
        text(phone, "JOIN");
        Reply stop = text(phone, "STOP");
        assertEquals(200, stop.status());
        // Twilio keeps blocking the number until it texts START: only that it opted out, and when, is kept.
        List<Map<String, AttributeValue>> left = itemsOfPhone(phone);
        assertEquals(1, left.size(), left.toString());
        assertEquals("OPTOUT", left.get(0).get("SK").s());
        assertEquals(Set.of("PK", "SK", "optedOutAt", "expiresAt"), left.get(0).keySet());
        assertTrue(text(phone, "JOIN").ticketCode().startsWith("A"), "a new join after erasure works");
    }

    /**
     * A whole visit and a second one: an interpreter request, a status, a served visit with its feedback SMS and a
     * digit answer, then a ticket whose "your turn" is being sent (Twilio stalls) and one still owed (Twilio fails)
     * when the visitor erases. Afterwards no item of the table keeps their number, its hash or cipher, a text sent
     * to them, or the id of a message they sent; and the stalled send, finishing after the erasure, brings back
     * nothing.
     */
    @Test
    void erasure_shouldLeaveNothingDerivedFromTheNumber_inAnyItem_afterAWholeLife() throws Exception {
        String phone = newPhone();
        String hash = phoneHash(phone);
        List<String> sids = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        int first = servedWithAnInterpreter(phone, sids, replies);

        int second = number(say(phone, "JOIN", sids, replies).ticketCode());
        awaitOutboxIdle();
        runtime.twilio().hangNext(1, STALL);
        runtime.twilio().failNext(60, 503);
        ok(post("/staff/api/sites/demo/tickets/" + second + "/call", token("anna"), "{\"desk\":\"2\"}").statusCode());
        awaitInFlight(second);
        ok(post("/staff/api/sites/demo/tickets/" + second + "/recall", token("anna"), "").statusCode());

        List<Map<String, AttributeValue>> before = TableItems.all(dynamo(), TABLE);
        Set<String> states = new HashSet<>();
        Set<String> ciphers = new HashSet<>();
        for (Map<String, AttributeValue> item : before) {
            String id = string(item, "id");
            if (id != null && (id.startsWith(prefix(first)) || id.startsWith(prefix(second)))) {
                states.add(string(item, "status"));
                if (string(item, "toCipher") != null) {
                    ciphers.add(string(item, "toCipher"));
                }
            }
            if (hash.equals(string(item, "phoneHash")) && string(item, "phoneCipher") != null) {
                ciphers.add(string(item, "phoneCipher"));
            }
        }
        assertTrue(states.containsAll(Set.of("SENT", "SENDING")), "owed SMS in the states erasure meets: " + states);
        assertFalse(ciphers.isEmpty(), "the number is stored, encrypted, before the erasure");
        assertTrue(before.stream().anyMatch(i -> ("PHONE#" + hash).equals(string(i, "PK"))
                && string(i, "SK").startsWith("REPLY#")), "the reply log holds replies to the visitor");

        say(phone, "POISTA", sids, replies);
        List<Map<String, AttributeValue>> atOnce = TableItems.all(dynamo(), TABLE);
        // The stalled send finishes after the erasure, and the dispatcher records its outcome if it still can.
        Thread.sleep(STALL.toMillis() + 2_000);
        List<FakeTwilioApi.RecordedMessage> sent = runtime.sentMessages().stream()
                .filter(m -> phone.equals(m.to())).toList();
        runtime.twilio().clear();

        Map<String, String> forbidden = new LinkedHashMap<>();
        forbidden.put(phone, "the number");
        forbidden.put(phone.substring(1), "the number without +");
        forbidden.put(hash, "the number's hash");
        ciphers.forEach(cipher -> forbidden.put(cipher, "the number's cipher"));
        sids.forEach(sid -> forbidden.put(sid, "the id of a message the visitor sent"));
        for (FakeTwilioApi.RecordedMessage message : sent) {
            forbidden.put(message.body(), "a text sent to the visitor");
            if (message.sid() != null) {
                forbidden.put(message.sid(), "Twilio's id of a message to the visitor");
            }
        }
        replies.stream().filter(reply -> !reply.isBlank())
                .forEach(reply -> forbidden.put(reply, "a reply given to the visitor"));

        List<Map<String, AttributeValue>> after = TableItems.all(dynamo(), TABLE);
        List<String> found = new ArrayList<>(leftovers(atOnce, forbidden, "at once: "));
        found.addAll(leftovers(after, forbidden, "after the stalled send: "));
        FigureLine.publish("erasure items-before=" + before.size() + " items-scanned=" + (atOnce.size()
                + after.size()) + " tables=1 secrets=" + forbidden.size() + " outbox-states=" + states.size()
                + " left=" + found.size());
        assertEquals(List.of(), found, "nothing derived from the erased number stays");
        assertTrue(text(phone, "JOIN").ticketCode().startsWith("A"), "the visitor can join again");
    }

    private static List<String> leftovers(List<Map<String, AttributeValue>> items, Map<String, String> forbidden,
                                          String when) {
        List<String> found = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            for (Map.Entry<String, String> secret : forbidden.entrySet()) {
                if (holds(AttributeValue.fromM(item), secret.getKey())) {
                    found.add(when + secret.getValue() + " in " + string(item, "PK") + " / " + string(item, "SK"));
                }
            }
        }
        return found;
    }

    /** Whether the value, or any value inside it, contains the text. */
    private static boolean holds(AttributeValue value, String secret) {
        if (value.s() != null) {
            return value.s().contains(secret);
        }
        if (value.hasSs()) {
            return value.ss().stream().anyMatch(s -> s.contains(secret));
        }
        if (value.hasM()) {
            return value.m().entrySet().stream()
                    .anyMatch(e -> e.getKey().contains(secret) || holds(e.getValue(), secret));
        }
        if (value.hasL()) {
            return value.l().stream().anyMatch(v -> holds(v, secret));
        }
        return value.n() != null && value.n().contains(secret);
    }

    /**
     * Waits until an SMS of the ticket is being sent: SENDING under one claim for a while, so the dispatcher is
     * waiting for Twilio rather than for its number's send slot (a claim that waits too long for it is given back).
     */
    private static void awaitInFlight(int number) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            String claim = sendingClaim(number);
            if (claim != null) {
                Thread.sleep(1_500);
                if (claim.equals(sendingClaim(number))) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no SMS of ticket " + number + " was in flight");
    }

    private static String sendingClaim(int number) {
        return TableItems.all(dynamo(), TABLE).stream()
                .filter(item -> string(item, "id") != null && string(item, "id").startsWith(prefix(number))
                        && "SENDING".equals(string(item, "status")))
                .map(item -> string(item, "claimToken")).findFirst().orElse(null);
    }

    private static String prefix(int number) {
        return "demo." + TODAY + "." + number + ".";
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
