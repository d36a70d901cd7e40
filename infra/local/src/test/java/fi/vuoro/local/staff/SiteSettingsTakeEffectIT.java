package fi.vuoro.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.domain.estimate.ServiceHistory;
import fi.vuoro.domain.estimate.WaitEstimator;
import fi.vuoro.domain.estimate.WaitRange;
import fi.vuoro.domain.staff.NoShowSweep;
import fi.vuoro.testkit.FakeTwilioApi;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every site setting takes effect at once: a coordinator changes it through the staff API, and the next text to the
 * site's number (the signed webhook), the next no-show sweep or the next ticket follows it. Each test runs on a day of
 * its own (the clock is set), so the tests share the site but not a queue.
 */
class SiteSettingsTakeEffectIT extends StaffApiSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final String SETTINGS = "/staff/api/sites/hervanta/settings";
    private static final String NUMBER = "+358500000881";
    private static final String ALL_WEEK = "{\"mon\": [\"00:00-24:00\"], \"tue\": [\"00:00-24:00\"],"
            + " \"wed\": [\"00:00-24:00\"], \"thu\": [\"00:00-24:00\"], \"fri\": [\"00:00-24:00\"],"
            + " \"sat\": [\"00:00-24:00\"], \"sun\": [\"00:00-24:00\"]}";

    @AfterEach
    void backToTuesdayNoon() {
        setClock(TUESDAY_NOON);
    }

    /** Sets the service's clock; a sign-in is only good near the moment it was made, so the next call signs in anew. */
    private static void setClock(Instant now) {
        clock.set(now);
        forgetTheTokensOfEarlierServices();
    }

    /** Noon in Helsinki on the date. */
    private static Instant noonOf(String date) {
        return LocalDate.parse(date).atTime(12, 0).atZone(HELSINKI).toInstant();
    }

    /**
     * The coordinator's PUT of Hervanta's settings: the required fields, these hours, and {@code more}; no exceptions
     * unless {@code more} gives them (left out, another test's would be kept).
     */
    private static HttpResponse<String> configure(String openingHours, String more) throws Exception {
        return configure(openingHours, "[\"fi\", \"en\"]", more);
    }

    private static HttpResponse<String> configure(String openingHours, String staffLanguages, String more)
            throws Exception {
        String exceptions = more.contains("\"exceptions\"") ? "" : ", \"exceptions\": []";
        return put(SETTINGS, token("coordinator"), "{\"name\": \"Hervanta\", \"smsNumber\": \"" + NUMBER + "\","
                + " \"timeZone\": \"Europe/Helsinki\", \"openingHours\": " + openingHours + ","
                + " \"staffLanguages\": " + staffLanguages + ", \"ticketLetter\": \"H\"" + exceptions + more + "}");
    }

    private static JsonNode saved(HttpResponse<String> response) throws Exception {
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response.body());
        return JSON.readTree(response.body());
    }

    private static Reply textHervanta(String phone, String body) {
        return deliver(inbound(phone, NUMBER, body));
    }

    private static int number(Reply joined) {
        return Integer.parseInt(joined.ticketCode().substring(1));
    }

    /** The ticket's item as stored, read straight from DynamoDB Local. */
    private static Map<String, AttributeValue> ticketItem(String date, int number) {
        return dynamo().getItem(b -> b.tableName(TABLE).key(Map.of(
                "PK", AttributeValue.fromS("SITE#hervanta#DAY#" + date),
                "SK", AttributeValue.fromS(String.format("TICKET#%05d", number))))).item();
    }

    private static String status(String date, int number) {
        return ticketItem(date, number).get("status").s();
    }

    @Test
    void openingHours_shouldGiveTheClosedReplyWithTheNextOpening_assoonAsTheyChange() throws Exception {
        setClock(noonOf("2026-11-30"));
        saved(configure(ALL_WEEK, ""));
        assertTrue(textHervanta(newPhone(), "JOIN").ticketCode().startsWith("H"), "open all day before the change");

        saved(configure("{\"mon\": [\"08:00-11:00\"], \"tue\": [], \"wed\": [\"09:30-12:00\", \"13:00-15:00\"]}", ""));
        String phone = newPhone();
        Reply reply = textHervanta(phone, "JOIN");

        assertTrue(reply.text().contains("closed now") && reply.text().contains("02.12. 09:30"), reply.text());
        assertTrue(itemsOfPhone(phone).stream().noneMatch(i -> i.get("SK").s().startsWith("TICKET#")), "no ticket");
    }

    @Test
    void exceptionForToday_shouldCloseTheSite_withTheNoteInTheVisitorsLanguage_andSkipTheDay() throws Exception {
        setClock(noonOf("2026-12-01").minus(Duration.ofHours(4)));
        saved(configure(ALL_WEEK.replace("\"tue\": [\"00:00-24:00\"]", "\"tue\": [\"09:00-16:00\"]")
                        .replace("\"wed\": [\"00:00-24:00\"]", "\"wed\": [\"10:00-16:00\"]"),
                ", \"exceptions\": [{\"date\": \"2026-12-01\", \"hours\": [], \"note\": {\"en\": \"Closed today for"
                        + " staff training.\", \"fi\": \"Suljettu tänään koulutuksen vuoksi.\"}},"
                        + " {\"date\": \"2026-12-02\", \"hours\": [\"12:00-14:00\"]}]"));

        Reply finnish = textHervanta(newPhone(), "JONO");
        Reply swedish = textHervanta(newPhone(), "KÖ");

        assertTrue(finnish.text().contains("02.12. 12:00"), "at 08:00 on a closed Tuesday the next opening is not"
                + " Tuesday's 09:00 but the next day's exception: " + finnish.text());
        assertTrue(finnish.text().endsWith(" Suljettu tänään koulutuksen vuoksi."), finnish.text());
        assertTrue(swedish.text().endsWith(" Closed today for staff training."),
                "no Swedish note: the English one: " + swedish.text());
        assertFalse(swedish.text().contains("Suljettu"), swedish.text());

        setClock(noonOf("2026-12-02").plus(Duration.ofMinutes(30)));
        Reply nextDay = textHervanta(newPhone(), "JOIN");
        assertTrue(nextDay.ticketCode().startsWith("H"), "open on the next day's exception hours: " + nextDay.text());
    }

    @Test
    void noShowGrace_shouldLetTheSweepMarkACalledVisitorOnlyAfterTheNewGrace() throws Exception {
        String date = "2026-12-08";
        setClock(noonOf(date));
        saved(configure(ALL_WEEK, ", \"noShowGraceMinutes\": 30"));
        int number = number(textHervanta(newPhone(), "JOIN"));
        JsonNode called = JSON.readTree(post("/staff/api/sites/hervanta/call-next", token("coordinator"),
                "{\"desk\": \"1\"}").body());
        assertEquals(number, called.get("number").asInt(), called.toString());
        NoShowSweep sweep = runtime.context().getBean(NoShowSweep.class);

        clock.set(noonOf(date).plus(Duration.ofMinutes(29)));
        sweep.run();
        assertEquals("CALLED", status(date, number), "the default 10 minutes are long gone, the new 30 are not");

        clock.set(noonOf(date).plus(Duration.ofMinutes(31)));
        sweep.run();
        assertEquals("NO_SHOW", status(date, number));
    }

    @Test
    void retentionHours_shouldSetTheTtlOfTheVisitsItems_toTheEndOfItsDayPlusTheNewHours() throws Exception {
        String date = "2026-12-09";
        setClock(noonOf(date));
        saved(configure(ALL_WEEK, ", \"retentionHours\": 5"));
        String phone = newPhone();

        int number = number(textHervanta(phone, "JOIN"));

        long expected = LocalDate.parse(date).plusDays(1).atStartOfDay(HELSINKI).toInstant()
                .plus(Duration.ofHours(5)).getEpochSecond();
        assertEquals(Long.toString(expected), ticketItem(date, number).get("expiresAt").n());
        Map<String, AttributeValue> counter = dynamo().getItem(b -> b.tableName(TABLE).key(Map.of(
                "PK", AttributeValue.fromS("SITE#hervanta#DAY#" + date), "SK", AttributeValue.fromS("COUNTER"))))
                .item();
        assertEquals(Long.toString(expected), counter.get("expiresAt").n(), "the day's counter too");
        assertTrue(itemsOfPhone(phone).stream().filter(i -> i.containsKey("expiresAt"))
                        .allMatch(i -> Long.parseLong(i.get("expiresAt").n()) <= expected),
                "nothing about the visitor outlives the ticket: " + itemsOfPhone(phone));
        JsonNode called = JSON.readTree(post("/staff/api/sites/hervanta/call-next", token("coordinator"),
                "{\"desk\": \"1\"}").body());
        String calledSms = "hervanta." + date + "." + number + ".called-"
                + Instant.parse(called.get("calledAt").asText()).toEpochMilli();
        Map<String, AttributeValue> owed = dynamo().getItem(b -> b.tableName(TABLE).key(Map.of(
                "PK", AttributeValue.fromS("OUTBOX#" + calledSms), "SK", AttributeValue.fromS("MSG")))).item();
        assertEquals(Long.toString(expected), owed.get("expiresAt").n(), "the 'your turn' SMS owed to the visitor");
        saved(configure(ALL_WEEK, ", \"retentionHours\": 72"));
        int later = number(textHervanta(newPhone(), "JOIN"));
        assertEquals(Long.toString(expected + Duration.ofHours(67).toSeconds()),
                ticketItem(date, later).get("expiresAt").n());
    }

    @Test
    void comeBackWhenAheadAndDefaultServiceMinutes_shouldShapeTheEstimateAndTheComeBackSms() throws Exception {
        setClock(noonOf("2026-12-10"));
        saved(configure(ALL_WEEK, ", \"desks\": 1, \"defaultServiceMinutes\": 40, \"comeBackWhenAhead\": 2"));
        String first = newPhone();
        String second = newPhone();
        String third = newPhone();
        String fourth = newPhone();
        textHervanta(first, "JOIN");
        textHervanta(second, "JOIN");
        Reply thirdJoined = textHervanta(third, "JOIN");
        textHervanta(fourth, "JOIN");

        WaitRange forty = WaitEstimator.estimate(2, ServiceHistory.NONE, Duration.ofMinutes(40), 1);
        assertTrue(thirdJoined.text().contains("Wait about " + forty.minMinutes() + "-" + forty.maxMinutes() + " min"),
                "estimated with 40 minutes a visit: " + thirdJoined.text());
        post("/staff/api/sites/hervanta/call-next", token("coordinator"), "{\"desk\": \"1\"}");

        Predicate<FakeTwilioApi.RecordedMessage> comeBack = m -> m.body().contains("Please come back now");
        awaitSms(third, comeBack);
        Thread.sleep(1_000);
        assertTrue(sentTo(fourth).stream().noneMatch(comeBack), "three ahead is more than two: " + sentTo(fourth));
    }

    @Test
    void staffLanguages_shouldDecideWhoNeedsAnInterpreter_fromTheNextTicketOn() throws Exception {
        String date = "2026-12-11";
        setClock(noonOf(date));
        saved(configure(ALL_WEEK, "[\"fi\", \"en\"]", ""));
        int before = number(textHervanta(newPhone(), "KÖ"));
        saved(configure(ALL_WEEK, "[\"fi\", \"en\", \"sv\"]", ""));

        int after = number(textHervanta(newPhone(), "KÖ"));

        assertTrue(ticketItem(date, before).get("needsInterpreter").bool(), "nobody spoke Swedish before");
        assertFalse(ticketItem(date, after).get("needsInterpreter").bool(), "the staff speak Swedish now");
    }

    @Test
    void put_shouldAnswer400NamingTheField_andChangeNothing_whenAnExceptionOrTheRetentionIsBad() throws Exception {
        long version = saved(configure(ALL_WEEK, ", \"retentionHours\": 12")).get("version").asLong();

        HttpResponse<String> past = configure(ALL_WEEK,
                ", \"exceptions\": [{\"date\": \"2026-11-23\", \"hours\": []}]");
        HttpResponse<String> note = configure(ALL_WEEK,
                ", \"exceptions\": [{\"date\": \"2026-12-24\", \"hours\": [], \"note\": {\"tlh\": \"Qapla'\"}}]");
        HttpResponse<String> notAList = configure(ALL_WEEK, ", \"exceptions\": \"closed\"");
        HttpResponse<String> tooLong = configure(ALL_WEEK, ", \"retentionHours\": 200");

        for (HttpResponse<String> refused : java.util.List.of(past, note, notAList, tooLong)) {
            assertEquals(400, refused.statusCode(), refused.body());
        }
        assertTrue(JSON.readTree(past.body()).get("error").asText().startsWith("exceptions[0].date: 2026-11-23 has"
                + " passed"), past.body());
        assertTrue(JSON.readTree(note.body()).get("error").asText().startsWith("exceptions[0].note: unknown language"),
                note.body());
        assertTrue(JSON.readTree(notAList.body()).get("error").asText().contains("exceptions"), notAList.body());
        assertEquals("retentionHours: a whole number from 1 to 72", JSON.readTree(tooLong.body()).get("error").asText());
        JsonNode after = JSON.readTree(get(SETTINGS, token("coordinator")).body());
        assertEquals(version, after.get("version").asLong(), "nothing was saved");
        assertEquals(12, after.get("retentionHours").asInt());
    }

    @Test
    void version_shouldRefuseAStaleWrite_with409_andChangeNothing() throws Exception {
        long version = saved(configure(ALL_WEEK, "")).get("version").asLong();
        JsonNode read = JSON.readTree(get(SETTINGS, token("coordinator")).body());
        assertEquals(version, read.get("version").asLong());

        JsonNode next = saved(configure(ALL_WEEK, ", \"defaultServiceMinutes\": 25, \"version\": " + version));
        assertEquals(version + 1, next.get("version").asLong());
        HttpResponse<String> stale = configure(ALL_WEEK, ", \"defaultServiceMinutes\": 5, \"version\": " + version);

        assertEquals(409, stale.statusCode(), stale.body());
        assertTrue(JSON.readTree(stale.body()).get("error").asText().contains("changed meanwhile"), stale.body());
        JsonNode after = JSON.readTree(get(SETTINGS, token("coordinator")).body());
        assertEquals(25, after.get("defaultServiceMinutes").asInt(), "the stale write changed nothing");
        assertEquals(version + 1, after.get("version").asLong());
    }
}
