package fi.vuoro.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.interpreter.InterpreterRequestStore;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.sms.SenderRecords;
import fi.vuoro.domain.sms.SenderRecordsSource;
import fi.vuoro.domain.testing.FigureLine;
import fi.vuoro.domain.visitor.VisitorStore;
import fi.vuoro.testkit.FakeTwilioApi;
import fi.vuoro.testkit.TableItems;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items past their TTL ({@code expiresAt}, template.yaml's TimeToLiveSpecification) are invisible to every read at
 * once, though DynamoDB deletes them only days later, and gone once its TTL process (here {@link TtlSweeper}, on the
 * test's clock) has run.
 */
class ExpiryIT extends VisitLife {

    private static final Pattern LINK = Pattern.compile("http://localhost:[0-9]+/f/[A-Za-z0-9_-]+");
    private static final ServiceDay TUESDAY = ServiceDay.of(TUESDAY_NOON);
    /** Beyond every expiry a service day writes, but for the feedback answers and volunteers kept for reports. */
    private static final Duration LATER = Duration.ofDays(40);

    @Test
    void expiredItems_shouldBeInvisibleToReads_andGoneOnceTheirTtlHasPassed() throws Exception {
        List<String> sids = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        String served = newPhone();
        servedWithAnInterpreter(served, sids, replies);
        String waiting = newPhone();
        int waitingNumber = number(say(waiting, "JOIN", sids, replies).ticketCode());
        String joinSid = sids.get(sids.size() - 1);
        say(newPhone(), "JOIN", sids, replies);
        awaitOutboxIdle();
        String link = feedbackLink(served);
        assertEquals(200, get(link), "the feedback form opens while its link is valid");

        clock.set(TUESDAY_NOON.plus(LATER));
        Instant later = clock.instant();
        List<Map<String, AttributeValue>> before = TableItems.all(dynamo(), TABLE);
        Set<String> expiredKinds = new TreeSet<>();
        before.stream().filter(item -> TtlSweeper.expired(item, later))
                .forEach(item -> expiredKinds.add(TtlSweeper.kind(item)));

        QueueStore queue = runtime.context().getBean(QueueStore.class);
        TicketRef ticket = new TicketRef("demo", TUESDAY, waitingNumber);
        assertEquals(Optional.empty(), queue.find(ticket, later), "an expired ticket");
        assertEquals(Optional.empty(), queue.findWithPosition(ticket, later), "an expired ticket and its position");
        assertEquals(Optional.empty(), queue.findLiveTicket(phoneHash(waiting), "demo", later), "a live pointer");
        assertTrue(queue.day("demo", TUESDAY, later).tickets().isEmpty(), "the day's tickets");
        assertTrue(queue.day("demo", TUESDAY, later).desks().isEmpty(), "the day's desks");
        assertEquals(Optional.empty(), queue.day("demo", TUESDAY, later).tally(), "the day's count of waiting");
        assertEquals(0, queue.countWaitingAhead(new TicketRef("demo", TUESDAY, waitingNumber + 1), later));
        assertTrue(runtime.context().getBean(InterpreterRequestStore.class)
                .dayWithRequests("demo", TUESDAY, later).requests().isEmpty(), "the day's interpreter requests");
        assertEquals(Optional.empty(), runtime.context().getBean(VisitorStore.class).find(phoneHash(served), later),
                "a visitor's profile");
        SenderRecords records = runtime.context().getBean(SenderRecordsSource.class)
                .read(joinSid, phoneHash(waiting), Optional.of("demo"), later);
        assertEquals(SenderRecords.NONE.earlierReply(), records.earlierReply(), "a remembered reply");
        assertEquals(Optional.empty(), records.profile());
        assertEquals(Optional.empty(), records.liveTicket());
        assertNotEquals(200, get(link), "an expired feedback link opens no form");

        Map<String, Integer> swept = TtlSweeper.sweep(dynamo(), TABLE, later);
        List<Map<String, AttributeValue>> after = TableItems.all(dynamo(), TABLE);

        FigureLine.publish("ttl items-before=" + before.size() + " swept=" + swept.values().stream()
                .mapToInt(Integer::intValue).sum() + " kinds=" + swept.keySet().size() + " remaining=" + after.size()
                + " expired-remaining=" + after.stream().filter(item -> TtlSweeper.expired(item, later)).count()
                + " swept-by-kind=" + swept);
        assertEquals(expiredKinds, swept.keySet(), "every kind of expired item goes");
        assertTrue(expiredKinds.containsAll(Set.of("SITE/TICKET", "SITE/COUNTER", "SITE/INTERPRET", "PHONE/LIVE",
                "PHONE/TICKET", "PHONE/PROFILE", "PHONE/REPLY", "OUTBOX/MSG", "OWED/demo")),
                "the day wrote every kind its visits make: " + expiredKinds);
        assertFalse(after.stream().anyMatch(item -> TtlSweeper.expired(item, later)), "nothing expired is left");
        String day = "SITE#demo#DAY#" + TUESDAY.date();
        assertTrue(after.stream().noneMatch(item -> day.equals(item.get("PK").s())
                || item.get("PK").s().startsWith("PHONE#" + phoneHash(waiting))
                || item.get("PK").s().startsWith("OUTBOX#demo." + TUESDAY.date())), "the day is gone");
        assertTrue(text(waiting, "STATUS").status() == 200, "the service answers as before");
    }

    private static String feedbackLink(String phone) {
        for (FakeTwilioApi.RecordedMessage message : runtime.sentMessages()) {
            Matcher link = LINK.matcher(message.body());
            if (phone.equals(message.to()) && link.find()) {
                personalData.add(link.group().substring(link.group().lastIndexOf('/') + 1));
                return link.group();
            }
        }
        throw new AssertionError("no feedback link was sent");
    }

    private static int get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
