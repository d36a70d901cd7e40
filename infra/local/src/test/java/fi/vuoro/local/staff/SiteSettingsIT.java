package fi.vuoro.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.local.DemoSite;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A coordinator's site settings on the local runtime: the demo site's settings read back, a second site created by
 * PUT that answers a text to its own number at once, a change of its number, and the refusals: staff 403, a bad body
 * 400 naming the field with nothing saved. The tests share the one site the demo does not seed, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteSettingsIT extends StaffApiSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HERVANTA = "/staff/api/sites/hervanta/settings";
    private static final String FIRST_NUMBER = "+358500000771";
    private static final String SECOND_NUMBER = "+358500000772";

    private static String hervanta(String number, String mondayHours) {
        return "{\"name\": \"Hervanta Centre\", \"smsNumber\": \"" + number + "\", \"timeZone\": \"Europe/Helsinki\","
                + " \"openingHours\": {\"mon\": [" + mondayHours + "], \"tue\": [\"09:00-11:00\", \"11:30-16:00\"],"
                + " \"wed\": [\"09:00-16:00\"], \"sun\": []},"
                + " \"staffLanguages\": [\"fi\", \"ar\"], \"desks\": 3, \"ticketLetter\": \"H\", \"topics\": []}";
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("error").asText();
    }

    private static Reply textTo(String number, String body) {
        return deliver(inbound(newPhone(), number, body));
    }

    @Test
    @Order(1)
    void get_shouldShowTheDemoSitesSettings_toItsCoordinator() throws Exception {
        HttpResponse<String> response = get("/staff/api/sites/demo/settings", token("coordinator"));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode settings = JSON.readTree(response.body());
        assertEquals("Vuoro Demo", settings.get("name").asText());
        assertEquals(DemoSite.NUMBER, settings.get("smsNumber").asText());
        assertEquals("Europe/Helsinki", settings.get("timeZone").asText());
        assertEquals("[\"00:00-24:00\"]", settings.get("openingHours").get("sun").toString());
        assertEquals("[\"en\",\"fi\",\"sv\"]", settings.get("staffLanguages").toString());
        assertEquals(2, settings.get("desks").asInt());
        assertEquals("A", settings.get("ticketLetter").asText());
        assertEquals(15, settings.get("defaultServiceMinutes").asInt());
        assertEquals(2, settings.get("interpreterWaveSize").asInt());
        assertEquals(2, settings.get("interpreterReplyMinutes").asInt());
        assertFalse(settings.get("interpreterReadyOnConfirmation").asBoolean());
    }

    @Test
    @Order(2)
    void settings_shouldBeRefused_toStaffWhoAreNotItsCoordinator_andToNoSignIn() throws Exception {
        assertEquals(403, get("/staff/api/sites/demo/settings", token("anna")).statusCode());
        HttpResponse<String> put = put("/staff/api/sites/demo/settings", token("anna"),
                hervanta(DemoSite.NUMBER, "\"00:00-24:00\""));
        assertEquals(403, put.statusCode(), put.body());
        assertEquals(401, put("/staff/api/sites/demo/settings", null, hervanta(DemoSite.NUMBER, "")).statusCode());
        assertEquals(403, put("/staff/api/sites/kaleva/settings", token("coordinator"),
                hervanta(FIRST_NUMBER, "")).statusCode(), "a coordinator creates only sites they coordinate");
        assertEquals("Vuoro Demo", JSON.readTree(get("/staff/api/sites/demo/settings", token("coordinator")).body())
                .get("name").asText(), "anna changed nothing");
    }

    @Test
    @Order(3)
    void put_shouldAnswer400NamingTheField_andSaveNothing_whenTheBodyIsBad() throws Exception {
        HttpResponse<String> overlap = put(HERVANTA, token("coordinator"),
                hervanta(FIRST_NUMBER, "\"09:00-12:00\", \"11:00-14:00\""));
        HttpResponse<String> backwards = put(HERVANTA, token("coordinator"), hervanta(FIRST_NUMBER, "\"16:00-09:00\""));
        HttpResponse<String> taken = put(HERVANTA, token("coordinator"), hervanta(DemoSite.NUMBER, ""));
        HttpResponse<String> notE164 = put(HERVANTA, token("coordinator"), hervanta("0500000771", ""));
        HttpResponse<String> stockholm = put(HERVANTA, token("coordinator"),
                hervanta(FIRST_NUMBER, "").replace("Europe/Helsinki", "Europe/Stockholm"));
        HttpResponse<String> klingon = put(HERVANTA, token("coordinator"),
                hervanta(FIRST_NUMBER, "").replace("\"ar\"", "\"tlh\""));
        HttpResponse<String> notANumber = put(HERVANTA, token("coordinator"),
                hervanta(FIRST_NUMBER, "").replace("\"desks\": 3", "\"desks\": \"many\""));

        assertEquals(400, overlap.statusCode(), overlap.body());
        assertEquals("openingHours.mon: 09:00-12:00 and 11:00-14:00 overlap", error(overlap));
        assertEquals("openingHours.mon: 16:00-09:00 ends before it starts", error(backwards));
        assertTrue(error(taken).startsWith("smsNumber: the number is already another site's"), taken.body());
        assertTrue(error(notE164).startsWith("smsNumber: "), notE164.body());
        assertTrue(error(stockholm).startsWith("timeZone: only Europe/Helsinki is supported"), stockholm.body());
        assertTrue(error(klingon).startsWith("staffLanguages: unknown language \"tlh\""), klingon.body());
        assertTrue(error(notANumber).contains("desks"), notANumber.body());
        for (HttpResponse<String> refused : new HttpResponse[] {backwards, taken, notE164, stockholm, klingon,
                notANumber}) {
            assertEquals(400, refused.statusCode(), refused.body());
        }
        assertEquals(404, get(HERVANTA, token("coordinator")).statusCode(), "nothing was half-saved");
        assertFalse(textTo(FIRST_NUMBER, "JOIN").text().contains("Hervanta"), "the number answers for no site yet");
    }

    @Test
    @Order(4)
    void put_shouldCreateTheSite_thatAnswersATextToItsNumberAtOnce() throws Exception {
        HttpResponse<String> created = put(HERVANTA, token("coordinator"), hervanta(FIRST_NUMBER, ""));

        assertEquals(201, created.statusCode(), created.body());
        JsonNode settings = JSON.readTree(created.body());
        assertEquals("[\"09:00-11:00\",\"11:30-16:00\"]", settings.get("openingHours").get("tue").toString());
        assertEquals("[]", settings.get("openingHours").get("sat").toString(), "a day left out is closed");
        assertEquals(5, settings.get("interpreterReplyMinutes").asInt(), "what is left out gets the default");
        assertEquals(settings, JSON.readTree(get(HERVANTA, token("coordinator")).body()));

        Reply joined = textTo(FIRST_NUMBER, "JOIN");

        assertEquals(200, joined.status());
        assertTrue(joined.text().contains("Hervanta Centre"), joined.text());
        assertEquals("H1", joined.ticketCode(), "the new site's own letter and numbering");
    }

    @Test
    @Order(5)
    void put_shouldChangeTheSite_movingItsNumber() throws Exception {
        HttpResponse<String> changed = put(HERVANTA, token("coordinator"), hervanta(SECOND_NUMBER, "\"10:00-11:00\"")
                .replace("\"desks\": 3", "\"desks\": 4"));

        assertEquals(200, changed.statusCode(), changed.body());
        JsonNode settings = JSON.readTree(get(HERVANTA, token("coordinator")).body());
        assertEquals(SECOND_NUMBER, settings.get("smsNumber").asText());
        assertEquals("[\"10:00-11:00\"]", settings.get("openingHours").get("mon").toString());
        assertEquals(4, settings.get("desks").asInt());
        assertTrue(textTo(SECOND_NUMBER, "JOIN").text().contains("Hervanta Centre"), "the new number answers at once");
        assertFalse(textTo(FIRST_NUMBER, "JOIN").text().contains("Hervanta Centre"), "the old one no longer does");
    }
}
