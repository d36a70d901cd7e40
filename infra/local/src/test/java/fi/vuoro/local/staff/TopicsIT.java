package fi.vuoro.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A site's topics end to end: the coordinator gives them through the settings API, a visitor who texts JOIN chooses
 * one from the menu (or names it at once) and gets its letter, staff see each ticket's topic and how many wait for
 * each, and "call next" for a topic calls the first of that topic. The tests build on one another, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicsIT extends StaffApiSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SITE = "/staff/api/sites/hervanta";
    private static final String NUMBER = "+358500000881";
    private static final String TOPICS = "[{\"word\": \"KELA\", \"letter\": \"K\", \"names\": {\"en\": \"Kela benefits\","
            + " \"fi\": \"Kela-etuudet\"}}, {\"word\": \"lupa\", \"letter\": \"l\", \"names\": {\"en\": \"Residence permit\","
            + " \"ar\": \"تصريح الإقامة\"}}, {\"word\": \"HOUSING\", \"letter\": \"H\", \"names\": {\"en\": \"Housing\"}}]";
    private static final String MENU = "Which topic? Reply with a number:\n1 Kela benefits\n2 Residence permit\n3 Housing";

    private static final Map<String, String> codes = new LinkedHashMap<>();
    private static final String permitVisitor = newPhone();
    private static final String kelaVisitor = newPhone();

    private static String settings(String topics) {
        return "{\"name\": \"Hervanta\", \"smsNumber\": \"" + NUMBER + "\", \"timeZone\": \"Europe/Helsinki\","
                + " \"openingHours\": {\"mon\": [\"00:00-24:00\"], \"tue\": [\"00:00-24:00\"], \"wed\": [\"00:00-24:00\"],"
                + " \"thu\": [\"00:00-24:00\"], \"fri\": [\"00:00-24:00\"], \"sat\": [\"00:00-24:00\"],"
                + " \"sun\": [\"00:00-24:00\"]}, \"staffLanguages\": [\"fi\", \"en\"], \"ticketLetter\": \"A\","
                + " \"topics\": " + topics + "}";
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("error").asText();
    }

    private static Reply textHervanta(String phone, String body) {
        return deliver(inbound(phone, NUMBER, body));
    }

    private static JsonNode queue() throws Exception {
        HttpResponse<String> response = get(SITE + "/queue", token("coordinator"));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    @Order(1)
    void put_shouldSaveTopicsInTheirOrder_withTheirLettersAndNames() throws Exception {
        HttpResponse<String> created = put(SITE + "/settings", token("coordinator"), settings(TOPICS));

        assertEquals(201, created.statusCode(), created.body());
        JsonNode topics = JSON.readTree(get(SITE + "/settings", token("coordinator")).body()).get("topics");
        assertEquals(3, topics.size(), topics.toString());
        assertEquals("LUPA", topics.get(1).get("word").asText());
        assertEquals("L", topics.get(1).get("letter").asText());
        assertEquals("تصريح الإقامة", topics.get(1).get("names").get("ar").asText());
    }

    @Test
    @Order(2)
    void put_shouldRefuseATakenLetter_aPlainWord_andAnUnknownNameLanguage_namingTheField_savingNothing()
            throws Exception {
        HttpResponse<String> takenLetter = put(SITE + "/settings", token("coordinator"), settings(
                "[{\"word\": \"KELA\", \"letter\": \"K\", \"names\": {\"en\": \"Kela\"}},"
                        + " {\"word\": \"KOTI\", \"letter\": \"K\", \"names\": {\"en\": \"Home\"}}]"));
        HttpResponse<String> plainWord = put(SITE + "/settings", token("coordinator"), settings("[\"KELA\"]"));
        HttpResponse<String> klingon = put(SITE + "/settings", token("coordinator"), settings(
                "[{\"word\": \"KELA\", \"letter\": \"K\", \"names\": {\"en\": \"Kela\", \"tlh\": \"Kela\"}}]"));

        assertEquals(400, takenLetter.statusCode(), takenLetter.body());
        assertEquals("topics[1].letter: K is already the letter of topic KELA", error(takenLetter));
        assertEquals(400, plainWord.statusCode(), plainWord.body());
        assertTrue(error(plainWord).startsWith("topics[0]: a topic is an object like {\"word\": \"KELA\", \"letter\":"),
                plainWord.body());
        assertEquals(400, klingon.statusCode(), klingon.body());
        assertTrue(error(klingon).startsWith("topics[0].names.tlh: unknown language"), klingon.body());
        assertEquals(3, JSON.readTree(get(SITE + "/settings", token("coordinator")).body()).get("topics").size(),
                "nothing was half-saved");
    }

    @Test
    @Order(3)
    void join_shouldGetTheTopicMenu_andANumberFromItJoinsThatTopic_withItsLetter() {
        Reply menu = textHervanta(permitVisitor, "JOIN");
        Reply joined = textHervanta(permitVisitor, "2");

        assertEquals(MENU, menu.text());
        assertTrue(joined.ticketCode().startsWith("L"), joined.text());
        codes.put("LUPA", joined.ticketCode());
    }

    @Test
    @Order(4)
    void join_shouldJoinANamedTopic_atOnce() {
        Reply joined = textHervanta(kelaVisitor, "JOIN KELA");

        assertTrue(joined.ticketCode().startsWith("K"), joined.text());
        assertEquals(Integer.parseInt(codes.get("LUPA").substring(1)) + 1,
                Integer.parseInt(joined.ticketCode().substring(1)), "one counter for the site's tickets");
        codes.put("KELA", joined.ticketCode());
    }

    @Test
    @Order(5)
    void queue_shouldShowEachTicketsTopic_andHowManyWaitForEach() throws Exception {
        JsonNode queue = queue();

        Map<String, Integer> waiting = new LinkedHashMap<>();
        queue.get("site").get("topics").forEach(topic -> waiting.put(topic.get("word").asText(),
                topic.get("waiting").asInt()));
        assertEquals(Map.of("KELA", 1, "LUPA", 1, "HOUSING", 0), waiting);
        assertEquals("Kela benefits", queue.get("site").get("topics").get(0).get("name").asText());
        JsonNode kela = null;
        for (JsonNode ticket : queue.get("tickets")) {
            if (ticket.get("code").asText().equals(codes.get("KELA"))) {
                kela = ticket;
            }
        }
        assertTrue(kela != null, queue.toString());
        assertEquals("KELA", kela.get("topic").asText());
        assertEquals("Kela benefits", kela.get("topicName").asText());
    }

    @Test
    @Order(6)
    void callNext_withATopic_shouldCallTheFirstOfThatTopic_andRefuseAnUnknownOne() throws Exception {
        HttpResponse<String> unknown = post(SITE + "/call-next", token("coordinator"),
                "{\"desk\":\"1\",\"topic\":\"PARTY\"}");
        HttpResponse<String> called = post(SITE + "/call-next", token("coordinator"),
                "{\"desk\":\"1\",\"topic\":\"kela\"}");

        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(error(unknown).startsWith("topic:"), unknown.body());
        assertEquals(200, called.statusCode(), called.body());
        JsonNode ticket = JSON.readTree(called.body());
        assertEquals(codes.get("KELA"), ticket.get("code").asText(), "the Residence permit visitor joined first");
        assertEquals("Kela benefits", ticket.get("topicName").asText());
    }

    @Test
    @Order(7)
    void aDigit_shouldAnswerTheTopicMenu_sentAfterAFeedbackInvitation_andTheInvitationOnceTheMenuIsAnswered()
            throws Exception {
        String number = Integer.toString(JSON.readTree(post(SITE + "/tickets/"
                + codes.get("KELA").substring(1) + "/served", token("coordinator"), "").body()).get("number").asInt());
        assertEquals(codes.get("KELA").substring(1), number);
        awaitSms(kelaVisitor, message -> message.body().contains("/f/"));

        Reply menu = textHervanta(kelaVisitor, "JOIN");
        Reply joined = textHervanta(kelaVisitor, "3");
        Reply feedback = textHervanta(kelaVisitor, "4");

        assertEquals(MENU, menu.text());
        assertTrue(joined.ticketCode().startsWith("H"), "the digit chose Housing: " + joined.text());
        assertEquals("Thank you for your answer!", feedback.text(), "with no menu waiting, a digit answers feedback");
    }
}
