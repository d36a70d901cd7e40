package fi.vuoro.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The erasure keyword deletes everything about the sender, and they can come back later. */
class ErasureIT extends RunningService {

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
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SITE#demo#DAY#2026-11-24")))).items();
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
}
