package fi.vuoro.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.local.staff.StaffApiSupport;
import fi.vuoro.platform.dynamodb.OutboxItems;
import fi.vuoro.testkit.FakeTwilioApi;
import fi.vuoro.testkit.TableItems;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A visit as a visitor lives it at the demo site, through the signed webhook, the staff API and the outbox: for
 * tests that then look at everything the visit left in the table.
 */
public abstract class VisitLife extends StaffApiSupport {

    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)\\D*$");

    /** Texts the demo site and expects an answer, keeping the message's id and the reply. */
    protected static Reply say(String phone, String body, List<String> sids, List<String> replies) {
        Map<String, String> params = inbound(phone, DemoSite.NUMBER, body);
        sids.add(params.get("MessageSid"));
        Reply reply = deliver(params);
        assertEquals(200, reply.status());
        replies.add(reply.text());
        return reply;
    }

    /**
     * A visit with an interpreter: the visitor joins needing Dari and asks their status, an interpreter says yes
     * and arrives, the visitor is called (their "your turn" is sent) and served (the feedback SMS is sent), and
     * answers its first question with a digit. Returns the ticket's number.
     */
    protected static int servedWithAnInterpreter(String phone, List<String> sids, List<String> replies)
            throws IOException, InterruptedException {
        int since = runtime.sentMessages().size();
        Reply joined = say(phone, "JOIN DARI", sids, replies);
        int number = number(joined.ticketCode());
        say(phone, "STATUS", sids, replies);
        FakeTwilioApi.RecordedMessage offer = awaitSent(DemoInterpreters.DARI_AND_ARABIC, since,
                m -> m.body().contains("KYLLÄ") || m.body().contains("YES"));
        text(DemoInterpreters.DARI_AND_ARABIC, "KYLLÄ " + offerCode(offer));
        text(DemoInterpreters.DARI_AND_ARABIC, "HERE");
        ok(post("/staff/api/sites/demo/tickets/" + number + "/call", token("anna"), "{\"desk\":\"1\"}").statusCode());
        awaitSent(phone, since, m -> m.body().contains(joined.ticketCode()));
        ok(post("/staff/api/sites/demo/tickets/" + number + "/served", token("anna"), "").statusCode());
        awaitSent(phone, since, m -> m.body().contains("/f/"));
        say(phone, "4", sids, replies);
        return number;
    }

    /** Waits for an SMS sent through Twilio's REST API (the outbox) to the number, recorded after {@code since}. */
    protected static FakeTwilioApi.RecordedMessage awaitSent(String to, int since,
                                                             Predicate<FakeTwilioApi.RecordedMessage> matching)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            List<FakeTwilioApi.RecordedMessage> all = runtime.sentMessages();
            for (FakeTwilioApi.RecordedMessage message : all.subList(Math.min(since, all.size()), all.size())) {
                if (to.equals(message.to()) && message.statusCallback() != null && matching.test(message)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no matching SMS reached the number");
    }

    /** Waits until no message waits to be sent. */
    protected static void awaitOutboxIdle() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (TableItems.all(dynamo(), TABLE).stream().noneMatch(item -> item.containsKey(OutboxItems.GSI_PK))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the outbox did not empty");
    }

    protected static int number(String code) {
        return Integer.parseInt(code.substring(1));
    }

    protected static void ok(int status) {
        assertEquals(200, status);
    }

    private static int offerCode(FakeTwilioApi.RecordedMessage offer) {
        Matcher matcher = LAST_NUMBER.matcher(offer.body());
        assertTrue(matcher.find(), "no offer code in the offer");
        return Integer.parseInt(matcher.group(1));
    }
}
