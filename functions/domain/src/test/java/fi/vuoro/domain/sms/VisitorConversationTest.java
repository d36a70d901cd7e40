package fi.vuoro.domain.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.queue.QueueEvent;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.testing.QueueWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A visitor's side of the queue rules, on the in-memory store. */
class VisitorConversationTest {

    private static final Instant NOON = Instant.parse("2026-11-24T10:00:00Z");
    private static final Site SITE = new Site("demo", "Vuoro Demo", "+358500000001", OpeningHours.always(),
            Set.of("fi", "sv", "en"), Duration.ofMinutes(15), 2, 'A', Set.of());

    private final QueueWorld world = new QueueWorld(NOON).site(SITE).start();

    @Test
    void join_shouldIssueATicket_andTheSameOneAgainOnARepeat_publishingJoinedOnce() {
        String first = world.text("+358401100001", SITE, "QUEUE");
        String again = world.text("+358401100001", SITE, "QUEUE");

        assertTrue(first.contains("A1"), first);
        assertTrue(again.contains("A1"), again);
        assertEquals(1, world.heard.stream().filter(QueueEvent.Joined.class::isInstance).count());
    }

    @Test
    void leave_shouldEndTheTicket_andTellTheVisitorOnce() {
        world.text("+358401100011", SITE, "JOIN");

        String left = world.text("+358401100011", SITE, "LEAVE");
        String again = world.text("+358401100011", SITE, "LEAVE");

        assertTrue(left.contains("A1"), left);
        assertTrue(again.contains("JOIN"), "not in the queue any more: " + again);
        assertEquals(TicketStatus.LEFT, world.queue.find(new TicketRef(SITE.id(), ServiceDay.of(NOON), 1), NOON)
                .orElseThrow().status());
    }

    @Test
    void leaveAgain_shouldTellTheVisitorTheyLeft_withTheirNumber_butNotOnceTheyJoinedAndWereServedSince() {
        world.text("+358401100051", SITE, "JOIN");
        String left = world.text("+358401100051", SITE, "LEAVE");
        String again = world.text("+358401100051", SITE, "LEAVE");

        assertEquals(left, again, "a LEAVE after the leave (a redelivery Vuoro could not remember) hears the same");
        assertTrue(world.heard.stream().filter(QueueEvent.Left.class::isInstance).count() == 1, "left once");

        world.text("+358401100051", SITE, "JOIN");
        world.staff.callNext(QueueWorld.staffOf(SITE), SITE.id(), "1", Optional.empty(), Optional.empty());
        world.staff.markServed(QueueWorld.staffOf(SITE), SITE.id(), 2);
        String afterServed = world.text("+358401100051", SITE, "LEAVE");
        assertTrue(!afterServed.contains("A2") && !afterServed.contains("A1"), afterServed);
    }

    @Test
    void erase_shouldLeaveNoTraceOfTheNumber_andDropTheSmsStillOwed() {
        world.text("+358401100021", SITE, "JOIN");
        world.staff.callNext(QueueWorld.staffOf(SITE), SITE.id(), "1", Optional.empty(), Optional.empty());
        assertTrue(!world.queue.owed().isEmpty(), "the call owes 'your turn'");

        world.text("+358401100021", SITE, "POISTA");

        String hash = world.phones.hash("+358401100021");
        assertTrue(world.queue.ticketsOf(hash).isEmpty());
        assertTrue(world.queue.find(hash, NOON).isEmpty(), "no profile");
        assertTrue(world.queue.owed().isEmpty(), "the owed SMS with the encrypted number is gone");
        var ticket = world.queue.find(new TicketRef(SITE.id(), ServiceDay.of(NOON), 1), NOON).orElseThrow();
        assertTrue(ticket.phoneHash().isEmpty() && ticket.phoneCipher().isEmpty());
        assertTrue(world.heard.stream().anyMatch(QueueEvent.Erased.class::isInstance));
    }

    @Test
    void languageChange_shouldMoveTheLiveTicketToTheNewLanguage_withItsInterpreterNeed() {
        world.text("+358401100031", SITE, "JONO");

        world.text("+358401100031", SITE, "LANG FA");

        var ticket = world.queue.find(new TicketRef(SITE.id(), ServiceDay.of(NOON), 1), NOON).orElseThrow();
        assertEquals("fa", ticket.language());
        assertTrue(ticket.needsInterpreter());
    }

    @Test
    void join_shouldTellTheVisitorTheDayIsFull_andCountNobody_afterTheDaysLastNumber() {
        for (int n = 1; n < TicketCode.MAX_PER_DAY; n++) {
            world.queue.drawNumber(SITE.id(), ServiceDay.of(NOON), NOON.plus(Duration.ofDays(2)));
        }
        String last = world.text("+358401100041", SITE, "JOIN");
        String refused = world.text("+358401100042", SITE, "JOIN");

        assertTrue(last.contains("A" + TicketCode.MAX_PER_DAY), last);
        assertTrue(refused.contains("full"), refused);
        assertTrue(world.queue.ticketsOf(world.phones.hash("+358401100042")).isEmpty(), "no ticket for the refused join");
        assertEquals(TicketCode.MAX_PER_DAY, world.queue.waitingCount(SITE.id(), ServiceDay.of(NOON)), "the refused join took no place");
    }
}
