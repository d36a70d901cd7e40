package fi.vuoro.domain.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.queue.QueueEvents;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketReachability;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.testing.QueueWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * After STOP, Twilio texts the number nothing until it sends START (error 21610). Vuoro remembers that, so a later
 * join is queued as one that cannot be texted and owes no SMS; START (UNSTOP, and YES from an opted-out number) lifts
 * it. A refusal by Twilio marks the ticket and the number too.
 */
class StopThenJoinTest {

    private static final Instant NOON = Instant.parse("2026-11-24T10:00:00Z");
    private static final Site SITE = new Site("demo", "Vuoro Demo", "+358500000001", OpeningHours.always(),
            Set.of("fi", "sv", "en"), Duration.ofMinutes(15), 2, 'A', Set.of());
    private static final String PHONE = "+358401000001";
    private static final String HASH = "hash:" + PHONE;

    private final QueueWorld world = new QueueWorld(NOON).site(SITE);
    private final StaffMember staff = QueueWorld.staffOf(SITE);

    private Ticket ticket(int number) {
        return world.queue.find(new TicketRef(SITE.id(), ServiceDay.of(NOON), number), NOON).orElseThrow();
    }

    @Test
    void stop_shouldEraseTheVisitor_andRememberTheOptOut() {
        world.start();
        world.text(PHONE, SITE, "JOIN");

        world.text(PHONE, SITE, "STOP");

        assertTrue(world.queue.optedOut(HASH, NOON));
        assertTrue(world.queue.find(HASH, NOON).isEmpty(), "the profile is erased");
        assertTrue(ticket(1).phoneHash().isEmpty(), "the ticket is erased");
        assertFalse(world.queue.optedOut(HASH, NOON.plus(Duration.ofDays(31))), "remembered for a month, not for ever");
    }

    @Test
    void stop_shouldRecordNoOptOut_whenTheTextIsMoreThanTheWord_asTwilioBlocksOnlyOnTheWordAlone() {
        world.start();

        world.text(PHONE, SITE, "STOP please");
        world.text("+358401000002", SITE, "DELETE");

        assertFalse(world.queue.optedOut(HASH, NOON));
        assertFalse(world.queue.optedOut("hash:+358401000002", NOON));
    }

    @Test
    void joinAfterStop_shouldQueueTheVisitor_asOneWhoCannotBeTexted_owingNoSms() {
        world.start();
        world.text(PHONE, SITE, "STOP");

        String reply = world.text(PHONE, SITE, "JOIN");
        world.staff.callNext(staff, SITE.id(), "2", Optional.empty(), Optional.empty());

        assertTrue(reply.contains("A1"), reply);
        assertTrue(ticket(1).unreachableBySms());
        assertTrue(world.owedTo(PHONE).isEmpty(), "no \"your turn\" that Twilio would refuse");
        assertTrue(world.text("+358401000002", SITE, "JOIN").contains("A2"));
        assertFalse(ticket(2).unreachableBySms(), "others are texted as always");
    }

    @Test
    void start_shouldLiftTheOptOut_makeTheLiveTicketTextableAgain_andAnswerWithTheLanguageMenu() {
        world.start();
        world.text(PHONE, SITE, "STOP");
        world.text(PHONE, SITE, "JONO");

        String reply = world.text(PHONE, SITE, "START");

        assertFalse(world.queue.optedOut(HASH, NOON));
        assertFalse(ticket(1).unreachableBySms());
        assertEquals(new SmsTexts(QueueWorld.CATALOGUE).help(QueueWorld.CATALOGUE.language("fi").orElseThrow(), SITE),
                reply, "help in the visitor's language");
        world.staff.callNext(staff, SITE.id(), "2", Optional.empty(), Optional.empty());
        assertEquals(1, world.owedTo(PHONE).size(), "\"your turn\" is owed again");
    }

    @Test
    void unstop_andYes_shouldLiftTheOptOut_butYesFromAnyoneElseIsNoOptIn() {
        world.start();
        world.text(PHONE, SITE, "STOP");
        world.text("+358401000002", SITE, "STOP");
        world.text("+358401000003", SITE, "JONO");
        String unknown = world.text("+358401000003", SITE, "YES");

        world.text(PHONE, SITE, "unstop");
        String yes = world.text("+358401000002", SITE, "Yes");

        assertFalse(world.queue.optedOut(HASH, NOON));
        assertFalse(world.queue.optedOut("hash:+358401000002", NOON));
        assertEquals(QueueWorld.CATALOGUE.languageMenu(), yes, "a new sender's welcome: the language menu");
        assertEquals(new SmsTexts(QueueWorld.CATALOGUE).plain(QueueWorld.CATALOGUE.language("fi").orElseThrow(),
                MessageKey.UNKNOWN), unknown, "YES from a visitor who never opted out: unknown, as before");
    }

    @Test
    void twilioRefusingTheNumber_shouldMarkTheLiveTicketAndTheNumber_soTheNextJoinIsMarkedAtOnce() {
        world.start();
        world.text(PHONE, SITE, "JOIN");
        world.staff.callNext(staff, SITE.id(), "2", Optional.empty(), Optional.empty());
        OutboundSms yourTurn = world.queue.owed().values().iterator().next();
        TicketReachability reachability = new TicketReachability(world.queue, world.queue, world.lifecycle,
                QueueEvents.none());

        reachability.unreachable(yourTurn, NOON);

        assertTrue(ticket(1).unreachableBySms());
        assertTrue(world.queue.optedOut(HASH, NOON));
        world.staff.markServed(staff, SITE.id(), 1);
        world.text(PHONE, SITE, "JOIN");
        assertTrue(ticket(2).unreachableBySms());
    }

    @Test
    void twilioRefusingSomeoneElsesNumber_aboutTheTicket_shouldMarkNothing() {
        world.start();
        world.text(PHONE, SITE, "JOIN");
        world.staff.callNext(staff, SITE.id(), "2", Optional.empty(), Optional.empty());
        OutboundSms yourTurn = world.queue.owed().values().iterator().next();
        OutboundSms toInterpreter = new OutboundSms(yourTurn.id() + ".interpreter", SITE.id(),
                world.phones.encrypt("+358409999999"), SITE.smsNumber(), "Desk 2", NOON, NOON.plusSeconds(600),
                yourTurn.premise());

        new TicketReachability(world.queue, world.queue, world.lifecycle, QueueEvents.none())
                .unreachable(toInterpreter, NOON);

        assertFalse(ticket(1).unreachableBySms());
        assertFalse(world.queue.optedOut(HASH, NOON));
    }
}
