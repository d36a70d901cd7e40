package fi.vuoro.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.vuoro.domain.queue.ServiceDay;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audit trail of the demo site on the local runtime, made by real staff API calls: a walk-in, "call next",
 * served, no-show, requeue and a settings change each leave one entry, in the order done, with who did it and the
 * ticket code, and none holds the visitor's phone number or the walk-in's name. Only the site's coordinators read it.
 */
class AuditTrailIT extends StaffApiSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIT = "/staff/api/sites/demo/audit";
    private static final String WALK_IN_NAME = "Leyla Haddad";

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void staffActionsThroughTheApi_areAuditedInOrder_withWhoAndTicket_andNoPersonalData() throws Exception {
        String anna = token("anna");
        String coordinator = token("coordinator");
        String phone = newPhone();
        personalData.add(WALK_IN_NAME);
        String texted = text(phone, "JONO").ticketCode();
        Instant opened = clock.instant();
        json(put("/staff/api/sites/demo/desks/1", anna, "{\"open\": true}"), 200);
        JsonNode walkIn = json(post("/staff/api/sites/demo/walk-ins", anna,
                "{\"name\": \"" + WALK_IN_NAME + "\", \"language\": \"fi\"}"), 201);
        String walkInCode = walkIn.get("code").asText();
        int walkInNumber = walkIn.get("number").asInt();

        JsonNode first = json(post("/staff/api/sites/demo/call-next", anna, "{\"desk\": \"1\"}"), 200);
        assertEquals(texted, first.get("code").asText(), "the visitor who texted waited longest");
        json(post("/staff/api/sites/demo/tickets/" + first.get("number").asInt() + "/served", anna, "{}"), 200);
        assertEquals(walkInCode, json(post("/staff/api/sites/demo/call-next", anna, "{\"desk\": \"1\"}"), 200)
                .get("code").asText());
        json(post("/staff/api/sites/demo/tickets/" + walkInNumber + "/no-show", anna, "{}"), 200);
        json(post("/staff/api/sites/demo/tickets/" + walkInNumber + "/requeue", anna, "{}"), 200);
        ObjectNode settings = (ObjectNode) json(get("/staff/api/sites/demo/settings", coordinator), 200);
        settings.put("noShowGraceMinutes", settings.get("noShowGraceMinutes").asInt() + 5);
        json(put("/staff/api/sites/demo/settings", coordinator, settings.toString()), 200);

        HttpResponse<String> response = get(AUDIT, coordinator);
        JsonNode audit = json(response, 200);

        assertEquals("demo", audit.get("siteId").asText());
        assertEquals(ServiceDay.of(clock.instant()).date().toString(), audit.get("day").asText());
        assertEquals(List.of(
                "anna desk-opened - desk 1",
                "anna walk-in " + walkInCode + " language fi",
                "anna call " + texted + " desk 1, next in line",
                "anna served " + texted + " desk 1",
                "anna call " + walkInCode + " desk 1, next in line",
                "anna no-show " + walkInCode + " desk 1",
                "anna requeue " + walkInCode + " was no-show",
                "coordinator settings-change - noShowGraceMinutes"), lines(audit));
        Instant at = Instant.parse(audit.get("entries").get(0).get("at").asText());
        assertFalse(at.isBefore(opened) || at.isAfter(clock.instant()), "when the desk was opened: " + at);
        assertTrue(audit.get("entries").get(0).get("ticket").isNull(), "a desk is no ticket");
        for (String personal : List.of(phone, phone.substring(1), phone.substring(4), WALK_IN_NAME, "Leyla", "JONO")) {
            assertFalse(response.body().contains(personal), "the audit holds " + personal + ": " + response.body());
        }
        assertEquals(audit, json(get(AUDIT + "?day=" + audit.get("day").asText(), coordinator), 200),
                "today is the default day");
        assertEquals(0, json(get(AUDIT + "?day=2026-01-01", coordinator), 200).get("entries").size());
    }

    @Test
    void theAudit_isForTheSitesCoordinatorsOnly_andABadDayIsRefusedByName() throws Exception {
        HttpResponse<String> staff = get(AUDIT, token("anna"));
        assertEquals(403, staff.statusCode(), staff.body());
        assertEquals(401, get(AUDIT, null).statusCode());
        assertEquals(403, get("/staff/api/sites/kaleva/audit", token("coordinator")).statusCode());

        HttpResponse<String> badDay = get(AUDIT + "?day=24.11.2026", token("coordinator"));
        assertEquals(400, badDay.statusCode(), badDay.body());
        assertTrue(JSON.readTree(badDay.body()).get("error").asText().startsWith("day "), badDay.body());
        assertFalse(badDay.body().contains("24.11.2026"), "what was typed is not repeated");
    }

    private static List<String> lines(JsonNode audit) {
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : audit.get("entries")) {
            lines.add(entry.get("who").asText() + " " + entry.get("action").asText() + " "
                    + (entry.get("ticket").isNull() ? "-" : entry.get("ticket").asText()) + " "
                    + entry.get("detail").asText());
        }
        return lines;
    }
}
