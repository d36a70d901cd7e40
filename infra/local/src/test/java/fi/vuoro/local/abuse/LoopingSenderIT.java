package fi.vuoro.local.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.sms.ReplyBudget;
import fi.vuoro.domain.testing.FigureLine;
import fi.vuoro.local.RunningService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An auto-responder on another number answers every reply with another message. Through the real, signed webhook
 * on DynamoDB Local: it gets its budget of replies, then a 200 with an empty TwiML answer (no SMS), and one log line
 * says a looping sender was silenced, without its number; a visitor texting at the same time is served as always.
 */
class LoopingSenderIT extends RunningService {

    private static final int LOOP_ROUNDS = 40;
    private static final String AUTO_REPLY = "Olen lomalla 1.-14.12. Viestisi on tärkeä, vastaan palattuani.";

    @Test
    void autoResponder_shouldBeSilencedAfterItsBudget_withEmptyTwiml_andOneLogLineWithoutItsNumber() {
        String autoResponder = newPhone();
        int answered = 0;
        int silenced = 0;
        for (int round = 0; round < LOOP_ROUNDS; round++) {
            Reply reply = text(autoResponder, AUTO_REPLY);
            assertEquals(200, reply.status(), "Twilio always gets its 200");
            if (reply.text().isEmpty()) {
                assertTrue(reply.body().contains("<Response/>") || reply.body().contains("<Response></Response>"),
                        "an empty TwiML answer sends nothing: " + reply.body());
                silenced++;
            } else {
                assertEquals(0, silenced, "once silenced, silent for the rest of the hour");
                answered++;
            }
        }

        int budget = ReplyBudget.DEFAULT.perHour();
        assertEquals(budget, answered);
        assertEquals(LOOP_ROUNDS - budget, silenced);
        String fingerprint = phoneHash(autoResponder).substring(0, 10);
        List<String> silencedLines = logs.lines().stream()
                .filter(line -> line.contains("Looping sender silenced") && line.contains(fingerprint)).toList();
        assertEquals(1, silencedLines.size(), "one log line per looping sender and hour: " + silencedLines);
        String line = silencedLines.get(0);
        assertFalse(line.contains(autoResponder) || line.contains(autoResponder.substring(1)), line);
        assertFalse(line.contains(phoneHash(autoResponder)), "a short fingerprint, not the whole keyed hash: " + line);

        Map<String, AttributeValue> count = itemsOfPhone(autoResponder).stream()
                .filter(item -> item.get("SK").s().startsWith("REPLIES#")).findFirst().orElseThrow();
        assertEquals(Integer.toString(budget + 1), count.get("replies").n(),
                "counted up to the budget and the one silenced message that was logged, no further");
        assertEquals(ReplyBudget.windowEnd(clock.instant()).getEpochSecond(),
                Long.parseLong(count.get("expiresAt").n()), "the count goes with TTL when its hour ends");
        FigureLine.publish("reply-budget looping-messages=" + LOOP_ROUNDS + " answered=" + answered
                + " silenced=" + silenced + " silenced-log-lines=" + silencedLines.size()
                + " log-lines-with-number=0");
    }

    @Test
    void visitor_shouldBeServedAsAlways_whileAnotherNumberLoops() {
        String autoResponder = newPhone();
        String visitor = newPhone();
        Reply joined = text(visitor, "JONO");
        for (int round = 0; round < ReplyBudget.DEFAULT.perHour() + 5; round++) {
            text(autoResponder, AUTO_REPLY);
        }

        assertFalse(joined.ticketCode().isEmpty(), joined.text());
        assertTrue(text(visitor, "STATUS").text().contains(joined.ticketCode()), "status still answered");
        assertTrue(text(autoResponder, "JONO").text().isEmpty(), "the looping number stays silent");
    }

    @Test
    void silencedSender_shouldStillJoin_andBeAnsweredWhenTheNextHourOpens() {
        String autoResponder = newPhone();
        for (int round = 0; round < ReplyBudget.DEFAULT.perHour() + 2; round++) {
            text(autoResponder, AUTO_REPLY);
        }
        assertTrue(text(autoResponder, "JONO").text().isEmpty());
        assertTrue(itemsOfPhone(autoResponder).stream().anyMatch(item -> item.get("SK").s().startsWith("LIVE#")),
                "the join still joined; only its reply was held back");

        Instant before = clock.instant();
        clock.set(ReplyBudget.windowEnd(before).plusSeconds(30));
        try {
            assertFalse(text(autoResponder, "STATUS").text().isEmpty(), "a new hour, a new budget");
        } finally {
            clock.set(before);
        }
    }
}
