package fi.vuoro.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import fi.vuoro.staff.LobbyController;
import fi.vuoro.staff.StaffQueueController;
import io.micronaut.http.HttpHeaders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The staff page's queue poll and the lobby screen's: answered 304 after one DynamoDB request while nothing changed,
 * and never 304 after any change staff see. The requests are counted on the service's own DynamoDB client.
 */
class StaffQueuePollIT extends StaffApiSupport {

    private static final String QUEUE = "/staff/api/sites/demo/queue";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void addASiteOfItsOwn_forTheNumberThatIsNeverUsed() {
        runtime.context().getBean(DynamoSiteDirectory.class).save(new Site("hervanta", "Hervanta", "+358500000002",
                OpeningHours.always(), Set.of("fi", "en"), Duration.ofMinutes(20), 3, 'H', Set.of("KELA"),
                3, Duration.ofMinutes(10)));
    }

    @Test
    void poll_shouldBeAnswered304_afterOneDynamoDbRequest_whenNothingChanged() throws Exception {
        text(newPhone(), "JONO");
        String etag = poll(null).headers().firstValue("ETag").orElseThrow();

        StaffQueueController controller = runtime.context().getBean(StaffQueueController.class);
        String bearer = "Bearer " + token("anna");
        int[] status = new int[1];
        Map<String, Integer> unchanged = CountedDynamoRequests.of(
                () -> status[0] = controller.liveQueue(bearer, etag, "demo").code());
        assertEquals(304, status[0]);
        assertEquals(Map.of("Query", 1), unchanged, "the day's version alone");

        Map<String, Integer> full = CountedDynamoRequests.of(
                () -> status[0] = controller.liveQueue(bearer, null, "demo").code());
        assertEquals(200, status[0]);
        assertTrue(CountedDynamoRequests.total(full) <= 3, "version, site, the day's one Query: " + full);
    }

    @Test
    void poll_shouldNotBe304_afterAnyChangeStaffSee() throws Exception {
        String coordinator = token("coordinator");
        String anna = token("anna");
        int number = numberOf(text(newPhone(), "JONO").ticketCode());
        String etag = assertChangedBy("nothing yet", null, () -> 200);

        etag = assertChangedBy("a join", etag, () -> { text(newPhone(), "JONO"); return 200; });
        etag = assertChangedBy("a call", etag, () -> post("/staff/api/sites/demo/tickets/" + number + "/call", anna,
                "{\"desk\":\"5\"}").statusCode());
        etag = assertChangedBy("served", etag, () -> post("/staff/api/sites/demo/tickets/" + number + "/served", anna,
                "").statusCode());
        etag = assertChangedBy("a desk opened", etag, () -> put("/staff/api/sites/demo/desks/5", anna,
                "{\"open\":true}").statusCode());
        etag = assertChangedBy("a walk-in", etag, () -> post("/staff/api/sites/demo/walk-ins", anna,
                "{\"name\":\"Aada\",\"language\":\"fi\"}").statusCode(), 201);
        int waiting = numberOf(text(newPhone(), "JONO").ticketCode());
        etag = assertChangedBy("the join before", etag, () -> 200);
        etag = assertChangedBy("an interpreter asked for", etag, () -> post("/staff/api/sites/demo/tickets/" + waiting
                + "/interpreter", anna, "").statusCode());
        String settings = get("/staff/api/sites/demo/settings", coordinator).body();
        etag = assertChangedBy("the settings saved", etag, () -> put("/staff/api/sites/demo/settings", coordinator,
                settings).statusCode());
        etag = assertChangedBy("a no-show", etag, () -> {
            post("/staff/api/sites/demo/tickets/" + waiting + "/call", anna, "{\"desk\":\"5\"}");
            return post("/staff/api/sites/demo/tickets/" + waiting + "/no-show", anna, "").statusCode();
        });

        assertEquals(304, poll(etag).statusCode(), "and unchanged again");
    }

    @Test
    void poll_shouldNotBe304_whileATicketWhoseNumberIsTakenIsNotWrittenYet() throws Exception {
        String path = "/staff/api/sites/hervanta/queue";
        String coordinator = token("coordinator");
        // A join between drawing its number and writing its ticket, seen from the staff page.
        runtime.context().getBean(QueueStore.class).nextTicketNumber("hervanta", ServiceDay.of(clock.instant()),
                clock.instant().plus(Duration.ofDays(2)));
        HttpResponse<String> first = send(path, coordinator, null);
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElseThrow();

        assertEquals(200, send(path, coordinator, etag).statusCode(), "the ticket may land any moment: read again");
    }

    @Test
    void lobby_shouldBeAnswered304_afterOneDynamoDbRequest_andNotAfterACall() throws Exception {
        int number = numberOf(text(newPhone(), "JONO").ticketCode());
        String etag = send("/lobby/api/sites/demo/calls", null, null).headers().firstValue("ETag").orElseThrow();
        LobbyController lobby = runtime.context().getBean(LobbyController.class);
        int[] status = new int[1];
        Map<String, Integer> unchanged = CountedDynamoRequests.of(() -> status[0] = lobby.calls(etag, "demo").code());
        assertEquals(304, status[0]);
        assertEquals(Map.of("Query", 1), unchanged);

        post("/staff/api/sites/demo/tickets/" + number + "/call", token("anna"), "{\"desk\":\"6\"}");
        HttpResponse<String> after = send("/lobby/api/sites/demo/calls", null, etag);
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains("\"desk\":\"6\""), after.body());
    }

    @Test
    void lobby_ofASiteThatDoesNotExist_shouldBe404_whateverTheETag() throws Exception {
        String etag = send("/lobby/api/sites/nowhere/calls", null, null).headers().firstValue("ETag").orElse("\"x\"");
        assertEquals(404, send("/lobby/api/sites/nowhere/calls", null, etag).statusCode());
    }

    /** Polls, makes the change, and proves the poll with the tag from before is not 304; returns the new tag. */
    private static String assertChangedBy(String change, String etag, Callable<Integer> action) throws Exception {
        return assertChangedBy(change, etag, action, 200);
    }

    private static String assertChangedBy(String change, String etag, Callable<Integer> action, int expected)
            throws Exception {
        assertEquals(expected, (int) action.call(), change);
        HttpResponse<String> after = poll(etag);
        assertEquals(200, after.statusCode(), "after " + change + ", the poll must read the queue again");
        String next = after.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, next, change);
        assertEquals(304, poll(next).statusCode(), "right after " + change + ", nothing changed");
        JsonNode view = JSON.readTree(after.body());
        assertTrue(view.has("tickets"), view.toString());
        return next;
    }

    private static HttpResponse<String> poll(String etag) throws IOException, InterruptedException {
        return send(QUEUE, token("anna"), etag);
    }

    private static HttpResponse<String> send(String path, String token, String etag)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path)).GET();
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (etag != null) {
            request.header(HttpHeaders.IF_NONE_MATCH, etag);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int numberOf(String code) {
        return Integer.parseInt(code.substring(1));
    }
}
