package fi.vuoro.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.nio.file.Files;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The README's second site: the local coordinator creates Hervanta from docs/examples/hervanta-settings.json, and a
 * text to its own number joins its queue at once, through its topic menu; anna may not change its settings.
 */
class HervantaExampleIT extends StaffApiSupport {

    @Test
    void theDocumentedExample_createsASecondSite_whoseNumberJoinsItsOwnQueue_throughTheTopicMenu() throws Exception {
        String example = Files.readString(CloudFormationTemplate.locate().getParent()
                .resolve("docs/examples/hervanta-settings.json"));

        assertEquals(403, put("/staff/api/sites/hervanta/settings", token("anna"), example).statusCode(),
                "staff cannot set up a site");
        HttpResponse<String> created = put("/staff/api/sites/hervanta/settings", token("coordinator"), example);
        assertEquals(201, created.statusCode(), created.body());

        String visitor = newPhone();
        Reply menu = deliver(inbound(visitor, "+358500000002", "JOIN"));
        assertTrue(menu.text().startsWith("Which topic? Reply with a number:\n1 Kela benefits\n2 Residence permit"),
                menu.text());
        Reply joined = deliver(inbound(visitor, "+358500000002", "2"));
        assertTrue(joined.ticketCode().startsWith("L"), joined.text());
        assertTrue(joined.text().contains("Vuoro Hervanta"), joined.text());

        String queue = get("/staff/api/sites/hervanta/queue", token("coordinator")).body();
        assertTrue(queue.contains("\"" + joined.ticketCode() + "\""), queue);
        String demoQueue = get("/staff/api/sites/demo/queue", token("coordinator")).body();
        assertTrue(!demoQueue.contains("\"" + joined.ticketCode() + "\""), "the demo site's queue has no L ticket");
    }
}
