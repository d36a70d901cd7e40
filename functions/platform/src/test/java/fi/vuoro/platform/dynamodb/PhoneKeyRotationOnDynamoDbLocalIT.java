package fi.vuoro.platform.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.estimate.ServiceHistory;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.queue.QueueEvents;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketLifecycle;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.sms.InboundSms;
import fi.vuoro.domain.sms.InboundSmsRouter;
import fi.vuoro.domain.sms.ReplyBudget;
import fi.vuoro.domain.sms.VisitorConversation;
import fi.vuoro.domain.staff.ComeBackNotifier;
import fi.vuoro.domain.staff.QueueSms;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.domain.visitor.UnreadablePhoneException;
import fi.vuoro.platform.crypto.KeyedPhoneProtector;
import fi.vuoro.testkit.DynamoDbLocalServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A key rotation on DynamoDB Local, as the webhook and the staff queue run: visitors join under key 1, the deployment
 * then lists key 2 as current with key 1 kept, and every stored number still opens, returning visitors are still
 * recognised (the hash does not change), and new numbers are sealed with key 2. Once key 1 is removed, only the
 * numbers sealed with it are unreadable.
 */
class PhoneKeyRotationOnDynamoDbLocalIT {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();
    private static final String HASH_KEY = "rotation-it-hash-key-0123456789";
    private static final String KEY_1 = "rotation-it-encryption-key-one-0123";
    private static final String KEY_2 = "rotation-it-encryption-key-two-0123";
    private static final Pattern CODE = Pattern.compile("\\b([A-Z][0-9]{1,3})\\b");

    @Test
    void rotation_shouldKeepEveryNumberReadable_andVisitorsRecognised_whileNewNumbersTakeTheNewKey() {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start()) {
            StoreContract.createTables(server.client());
            rotate(server.client());
        }
    }

    private static void rotate(DynamoDbClient dynamo) {
        Clock clock = Clock.systemUTC();
        Site site = new Site("rotation", "Rotation", "+358500077001", OpeningHours.always(), Set.of("fi"),
                Duration.ofMinutes(15), 1, 'K', Set.of());
        new DynamoSiteDirectory(dynamo, StoreContract.TABLE, clock).save(site);
        DynamoQueueStore queue = new DynamoQueueStore(dynamo, StoreContract.TABLE, clock);

        KeyedPhoneProtector keyOne = new KeyedPhoneProtector(HASH_KEY, KEY_1);
        InboundSmsRouter beforeRotation = router(dynamo, queue, keyOne, clock);
        String firstCode = code(text(beforeRotation, site, "+358401770001", "JONO"));
        String secondCode = code(text(beforeRotation, site, "+358401770002", "JONO"));

        KeyedPhoneProtector rotated = new KeyedPhoneProtector(HASH_KEY, "v1=" + KEY_1 + " v2=" + KEY_2, 2);
        InboundSmsRouter afterRotation = router(dynamo, queue, rotated, clock);
        assertEquals(firstCode, code(text(afterRotation, site, "+358401770001", "JONO")),
                "a visitor who joined before the rotation is recognised: a repeat join answers with their ticket");
        String thirdCode = code(text(afterRotation, site, "+358401770003", "JONO"));

        Map<String, Ticket> tickets = waiting(queue, site);
        assertEquals(Set.of(firstCode, secondCode, thirdCode), tickets.keySet());
        assertTrue(cipher(tickets, firstCode).startsWith("v1:"));
        assertTrue(cipher(tickets, secondCode).startsWith("v1:"));
        assertTrue(cipher(tickets, thirdCode).startsWith("v2:"), "a new number is sealed with the new key");
        assertEquals("+358401770001", rotated.decrypt(cipher(tickets, firstCode)));
        assertEquals("+358401770002", rotated.decrypt(cipher(tickets, secondCode)));
        assertEquals("+358401770003", rotated.decrypt(cipher(tickets, thirdCode)));
        assertEquals(keyOne.hash("+358401770003"), tickets.get(thirdCode).phoneHash().orElseThrow(),
                "the hash of a number joined after the rotation is what it was before");

        KeyedPhoneProtector keyOneRemoved = new KeyedPhoneProtector(HASH_KEY, "v2=" + KEY_2, 2);
        assertEquals("+358401770003", keyOneRemoved.decrypt(cipher(tickets, thirdCode)));
        assertThrows(UnreadablePhoneException.class, () -> keyOneRemoved.decrypt(cipher(tickets, firstCode)));
    }

    private static InboundSmsRouter router(DynamoDbClient dynamo, DynamoQueueStore queue, PhoneProtector phones,
                                           Clock clock) {
        DynamoSiteDirectory sites = new DynamoSiteDirectory(dynamo, StoreContract.TABLE, clock);
        TicketLifecycle lifecycle = new TicketLifecycle(new QueueSms(CATALOGUE));
        QueueEvents events = new QueueEvents(List.of(new ComeBackNotifier(queue, lifecycle)));
        VisitorConversation visitors = new VisitorConversation(sites, queue,
                new DynamoVisitorStore(dynamo, StoreContract.TABLE), phones, siteId -> ServiceHistory.NONE, lifecycle,
                events, CATALOGUE);
        return new InboundSmsRouter(sites, new DynamoSenderRecords(dynamo, StoreContract.TABLE),
                new DynamoReplyLog(dynamo, StoreContract.TABLE), phones, List.of(), visitors, CATALOGUE,
                ReplyBudget.DEFAULT, new DynamoReplyCounter(dynamo, StoreContract.TABLE), clock);
    }

    private static String text(InboundSmsRouter router, Site site, String from, String body) {
        return router.handle(new InboundSms("SM" + UUID.randomUUID(), from, site.smsNumber(), body));
    }

    private static String code(String reply) {
        Matcher matcher = CODE.matcher(reply);
        assertTrue(matcher.find(), "no ticket code in: " + reply);
        return matcher.group(1);
    }

    private static Map<String, Ticket> waiting(DynamoQueueStore queue, Site site) {
        Instant now = Instant.now();
        return queue.day(site.id(), ServiceDay.of(now), now).waiting().stream()
                .collect(Collectors.toMap(Ticket::code, ticket -> ticket));
    }

    private static String cipher(Map<String, Ticket> tickets, String code) {
        return tickets.get(code).phoneCipher().orElseThrow();
    }
}
