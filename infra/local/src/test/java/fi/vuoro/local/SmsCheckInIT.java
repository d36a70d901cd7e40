package fi.vuoro.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Flows 1-2 end to end: a visitor texts the demo site and manages their place by SMS. */
class SmsCheckInIT extends RunningService {

    private static final String ARABIC = ".*[\\u0600-\\u06FF].*";
    private static final String CYRILLIC = ".*[\\u0400-\\u04FF].*";

    @Test
    void join_shouldIssueATicketWithPositionAndWait_whenAVisitorTextsJono() {
        String phone = newPhone();
        Reply reply = text(phone, "JONO");
        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("<Response>"), "TwiML expected: " + reply.body());
        String code = reply.ticketCode();
        assertTrue(code.startsWith("A"), code);
        Map<String, AttributeValue> ticket = ticketItemOf(phone);
        assertEquals("WAITING", ticket.get("status").s());
        assertEquals("fi", ticket.get("language").s());
        assertEquals(code, ticket.get("code").s());
        assertFalse(ticket.get("phoneHash").s().contains("358"), "the number is stored only as a keyed hash");
        assertTrue(ticket.get("phoneCipher").s().startsWith("v1:"), "the number is kept encrypted while an SMS is owed");
        assertTrue(ticket.containsKey("expiresAt"), "tickets expire");
    }

    @Test
    void repeatedJoin_shouldGiveTheSameTicket_notASecondOne() {
        String phone = newPhone();
        String first = text(phone, "QUEUE").ticketCode();
        Reply again = text(phone, "join");
        assertEquals(first, again.ticketCode());
        long tickets = itemsOfPhone(phone).stream().filter(i -> i.get("SK").s().startsWith("TICKET#")).count();
        assertEquals(1, tickets);
    }

    @Test
    void status_shouldCountOnlyWaitingVisitorsAhead() {
        String ahead = newPhone();
        String leaver = newPhone();
        String me = newPhone();
        text(ahead, "JOIN");
        text(leaver, "JOIN");
        String code = text(me, "JOIN").ticketCode();
        int before = numberIn(text(me, "STATUS").text(), code);
        text(leaver, "LEAVE");
        int after = numberIn(text(me, "STATUS").text(), code);
        assertEquals(before - 1, after, "a visitor who left no longer counts as ahead");
    }

    @Test
    void leave_shouldEndTheTicket_andRejoinShouldIssueANewOne() {
        String phone = newPhone();
        String first = text(phone, "JONO").ticketCode();
        Reply left = text(phone, "POIS");
        assertTrue(left.text().contains(first), left.text());
        Map<String, AttributeValue> ended = ticketItem(first);
        assertEquals("LEFT", ended.get("status").s());
        assertFalse(ended.containsKey("phoneCipher"), "no SMS is owed after leaving, so the number is gone");
        assertFalse(text(phone, "TILANNE").text().contains(first), "status after leaving names no ticket");
        String second = text(phone, "JONO").ticketCode();
        assertNotEquals(first, second);
    }

    @Test
    void replies_shouldFollowTheKeywordsLanguage() {
        assertTrue(text(newPhone(), "طابور").text().matches("(?s)" + ARABIC), "Arabic join gets an Arabic reply");
        assertTrue(text(newPhone(), "ОЧЕРЕДЬ").text().matches("(?s)" + CYRILLIC), "Russian join gets a Russian reply");
        assertTrue(text(newPhone(), "ЧЕРГА").text().matches("(?s)" + CYRILLIC), "Ukrainian join gets a Ukrainian reply");
        assertTrue(text(newPhone(), "نوبت").text().matches("(?s)" + ARABIC), "Dari join gets a Dari reply");
    }

    @Test
    void languageChange_shouldSwitchRepliesAndTheTicketsLanguage() {
        String phone = newPhone();
        String code = text(phone, "JOIN").ticketCode();
        Reply changed = text(phone, "LANG AR");
        assertTrue(changed.text().matches("(?s)" + ARABIC), changed.text());
        assertEquals("ar", ticketItem(code).get("language").s());
        assertTrue(ticketItem(code).get("needsInterpreter").bool(), "the demo site's staff do not speak Arabic");
        assertTrue(text(phone, "STATUS").text().matches("(?s)" + ARABIC), "later replies stay in Arabic");
    }

    @Test
    void unknownText_shouldGetHelp_inTheVisitorsLanguage_orTheLanguageMenu() {
        String stranger = newPhone();
        Reply menu = text(stranger, "hello there");
        assertEquals(200, menu.status());
        assertTrue(menu.text().contains("1") && menu.text().contains("Suomi") && menu.text().contains("العربية"),
                "someone we know nothing about gets the numbered language menu: " + menu.text());
        Reply chosen = text(stranger, "3");
        assertTrue(chosen.ticketCode().startsWith("A"), "choosing a number joins in that language: " + chosen.text());

        String finn = newPhone();
        text(finn, "JONO");
        Reply help = text(finn, "mitä kuuluu?");
        assertEquals(200, help.status());
        assertTrue(help.text().contains("JONO") || help.text().contains("TILANNE"), "Finnish help: " + help.text());
    }

    @Test
    void help_shouldListTheCommands() {
        Reply help = text(newPhone(), "HELP");
        assertTrue(help.text().contains("JOIN") && help.text().contains("STATUS") && help.text().contains("LEAVE"),
                help.text());
    }

    @Test
    void anUnknownSiteNumber_shouldBeToldPolitely_andIssueNoTicket() {
        String phone = newPhone();
        Reply reply = deliver(inbound(phone, "+358500009999", "JOIN"));
        assertEquals(200, reply.status());
        assertFalse(reply.text().isBlank());
        assertTrue(itemsOfPhone(phone).isEmpty());
    }

    @Test
    void sentReplies_shouldBeListedAtLocalMessages() throws Exception {
        String phone = newPhone();
        String code = text(phone, "JONO").ticketCode();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(runtime.baseUrl() + "/local/messages")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"to\":\"" + phone + "\""), response.body());
        assertTrue(response.body().contains(code));
        assertTrue(response.body().contains("\"from\":\"" + DemoSite.NUMBER + "\""));
    }

    private static int numberIn(String text, String code) {
        String withoutCode = text.replace(code, "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(\\d+)\\b").matcher(withoutCode);
        assertTrue(m.find(), "no count in: " + text);
        return Integer.parseInt(m.group(1));
    }

    private static Map<String, AttributeValue> ticketItemOf(String phone) {
        Map<String, AttributeValue> ref = itemsOfPhone(phone).stream()
                .filter(i -> i.get("SK").s().startsWith("TICKET#")).findFirst().orElseThrow();
        return dynamo().getItem(b -> b.tableName(TABLE).key(Map.of(
                "PK", AttributeValue.fromS("SITE#" + ref.get("siteId").s() + "#DAY#" + ref.get("day").s()),
                "SK", AttributeValue.fromS(String.format("TICKET#%05d", Integer.parseInt(ref.get("number").n()))))))
                .item();
    }

    private static Map<String, AttributeValue> ticketItem(String code) {
        return dynamo().query(b -> b.tableName(TABLE)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :t)")
                        .filterExpression("code = :code")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS("SITE#demo#DAY#2026-11-24"),
                                ":t", AttributeValue.fromS("TICKET#"),
                                ":code", AttributeValue.fromS(code))))
                .items().get(0);
    }
}
