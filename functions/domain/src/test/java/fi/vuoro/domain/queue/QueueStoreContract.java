package fi.vuoro.domain.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.staff.QueueSms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every queue store promises, whatever keeps the tickets: the in-memory store of the unit tests and the
 * DynamoDB store (on DynamoDB Local, and LocalStack where Docker runs) both pass it.
 */
public abstract class QueueStoreContract {

    protected static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    protected static final ServiceDay TODAY = ServiceDay.of(NOW);
    protected static final Instant EXPIRES = TODAY.expiresAt(Duration.ofHours(48));
    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();

    protected QueueStore queue;
    protected String siteId;
    protected Site site;
    protected TicketLifecycle lifecycle = new TicketLifecycle(new QueueSms(CATALOGUE));

    /** A store to test, fresh or shared; every test works on a site of its own. */
    protected abstract QueueStore store();

    /** Whether an SMS with this id is owed (in the outbox, not yet sent). */
    protected abstract boolean owes(String smsId);

    @BeforeEach
    void freshSite() {
        queue = store();
        siteId = "site-" + UUID.randomUUID();
        site = new Site(siteId, "Contract", "+358500000099", OpeningHours.always(), Set.of("fi"),
                Duration.ofMinutes(15), 1, 'A', Set.of());
    }

    protected Ticket waitingTicket(String phoneHash) {
        return waitingTicket(phoneHash, TODAY);
    }

    protected Ticket waitingTicket(String phoneHash, ServiceDay day) {
        int number = queue.nextTicketNumber(siteId, day, EXPIRES);
        return Ticket.joinedBySms(siteId, day, number, TicketCode.of('A', number), "fi", Optional.empty(), false,
                phoneHash, "v1:cipher", NOW, EXPIRES);
    }

    private Ticket stored(Ticket ticket) {
        return queue.find(ticket.ref(), NOW).orElseThrow();
    }

    @Test
    void nextTicketNumber_shouldCountUpFromOne_perSiteAndDay() {
        assertEquals(1, queue.nextTicketNumber(siteId, TODAY, EXPIRES));
        assertEquals(2, queue.nextTicketNumber(siteId, TODAY, EXPIRES));
        assertEquals(1, queue.nextTicketNumber(siteId, new ServiceDay(TODAY.date().plusDays(1)), EXPIRES));
    }

    @Test
    void createTicket_shouldRefuseASecondLiveTicket_forTheSameVisitorAndSite() {
        Ticket first = waitingTicket("hash-a");
        queue.createTicket(first);
        Ticket second = waitingTicket("hash-a");
        LiveTicketExistsException refused = assertThrows(LiveTicketExistsException.class,
                () -> queue.createTicket(second));
        assertEquals(first.ref(), refused.existing());
        assertTrue(queue.find(second.ref(), NOW).isEmpty(), "the refused ticket was not stored");
    }

    @Test
    void createTicket_shouldNotBeBlocked_byATicketLeftFromAnEarlierDay() {
        ServiceDay yesterday = new ServiceDay(TODAY.date().minusDays(1));
        queue.createTicket(waitingTicket("hash-b", yesterday));
        assertTrue(queue.findLiveTicket("hash-b", siteId, NOW).isEmpty(), "yesterday's queue is gone");
        Ticket today = waitingTicket("hash-b");
        queue.createTicket(today);
        assertEquals(today.ref(), queue.findLiveTicket("hash-b", siteId, NOW).orElseThrow().ref());
    }

    @Test
    void countWaitingAhead_shouldCountOnlyWaitingUnexpiredTicketsBefore() {
        Ticket one = waitingTicket("h1");
        Ticket two = waitingTicket("h2");
        Ticket three = waitingTicket("h3");
        Ticket four = waitingTicket("h4");
        List.of(one, two, three, four).forEach(queue::createTicket);
        assertEquals(0, queue.countWaitingAhead(one.ref(), NOW));
        assertEquals(3, queue.countWaitingAhead(four.ref(), NOW));
        assertTrue(queue.apply(lifecycle.leave(site, two, NOW)));
        assertEquals(2, queue.countWaitingAhead(four.ref(), NOW));
        assertEquals(0, queue.countWaitingAhead(four.ref(), EXPIRES.plusSeconds(1)), "expired tickets do not count");
    }

    @Test
    void apply_shouldWriteTheNewState_oneVersionOn_andOnlyOntoTheVersionItWasDecidedOn() {
        Ticket ticket = waitingTicket("hash-c");
        queue.createTicket(ticket);
        TicketChange call = lifecycle.call(site, ticket, "1", NOW);
        TicketChange otherDesk = lifecycle.call(site, ticket, "2", NOW);

        assertTrue(queue.apply(call));
        assertFalse(queue.apply(otherDesk), "decided on the same version: it does not land");

        Ticket called = stored(ticket);
        assertEquals(TicketStatus.CALLED, called.status());
        assertEquals("1", called.desk().orElseThrow());
        assertEquals(1, called.version());
    }

    @Test
    void apply_shouldOweTheChangesSmsOnce_withTheChange() {
        Ticket ticket = waitingTicket("hash-d");
        queue.createTicket(ticket);
        TicketChange call = lifecycle.call(site, ticket, "1", NOW);
        String smsId = call.owed().get(0).id();

        assertTrue(queue.apply(call));

        assertTrue(owes(smsId), "the 'your turn' SMS is owed with the call");
    }

    @Test
    void apply_shouldFreeTheLiveSlot_whenTheTicketEnds_soTheVisitorCanJoinAgain() {
        Ticket ticket = waitingTicket("hash-e");
        queue.createTicket(ticket);
        assertTrue(queue.apply(lifecycle.leave(site, ticket, NOW)));

        Ticket ended = stored(ticket);
        assertEquals(TicketStatus.LEFT, ended.status());
        assertTrue(ended.phoneCipher().isEmpty(), "the number is forgotten");
        assertTrue(queue.findLiveTicket("hash-e", siteId, NOW).isEmpty());
        queue.createTicket(waitingTicket("hash-e"));
    }

    @Test
    void apply_shouldLeaveTheLiveSlotOfANewerTicket_whenAnOlderTicketOfTheVisitorEnds() {
        Ticket first = waitingTicket("hash-f");
        queue.createTicket(first);
        assertTrue(queue.apply(lifecycle.call(site, first, "1", NOW)));
        assertTrue(queue.apply(lifecycle.noShow(site, stored(first), NOW)));
        Ticket second = waitingTicket("hash-f");
        queue.createTicket(second);
        assertTrue(queue.apply(lifecycle.requeue(site, stored(first), NOW)));
        assertTrue(queue.apply(lifecycle.call(site, stored(first), "1", NOW)));

        assertTrue(queue.apply(lifecycle.serve(site, stored(first), NOW)), "the ticket's own state decides");

        assertEquals(TicketStatus.SERVED, stored(first).status());
        assertEquals(second.ref(), queue.findLiveTicket("hash-f", siteId, NOW).orElseThrow().ref());
    }

    @Test
    void day_shouldListTheSitesTicketsInOrder_andItsDesks() {
        Ticket one = waitingTicket("h-day-1");
        Ticket two = waitingTicket("h-day-2");
        queue.createTicket(two);
        queue.createTicket(one);
        queue.setDesk(siteId, TODAY, new Desk("3", true, "aino", NOW), EXPIRES);

        QueueDay day = queue.day(siteId, TODAY, NOW);

        assertEquals(List.of(one.ref(), two.ref()), day.tickets().stream().map(Ticket::ref).toList());
        assertEquals(List.of("3"), day.desks().stream().map(Desk::label).toList());
        assertTrue(queue.day(siteId, TODAY, EXPIRES.plusSeconds(1)).tickets().isEmpty(), "expired: invisible");
    }

    @Test
    void dayVersion_shouldMoveOn_withEveryNumberTaken_andEveryWriteStaffSee() {
        assertTrue(queue.dayVersion(siteId, TODAY).nothingYet());
        Ticket ticket = waitingTicket("h-version");
        DayVersion numbered = queue.dayVersion(siteId, TODAY);
        assertEquals(new DayVersion(1, 0), numbered, "the number counts as soon as it is taken");
        queue.createTicket(ticket);

        queue.setDesk(siteId, TODAY, new Desk("1", true, "aino", NOW), EXPIRES);
        DayVersion deskOpened = queue.dayVersion(siteId, TODAY);
        assertTrue(deskOpened.changes() > numbered.changes(), "a desk opened");
        assertTrue(queue.apply(lifecycle.call(site, ticket, "1", NOW)));
        DayVersion called = queue.dayVersion(siteId, TODAY);
        assertTrue(called.changes() > deskOpened.changes(), "a ticket called");
        int walkInNumber = queue.nextTicketNumber(siteId, TODAY, EXPIRES);
        queue.createWalkIn(Ticket.walkIn(siteId, TODAY, walkInNumber, TicketCode.of('A', walkInNumber), "Aada", "fi",
                Optional.empty(), false, NOW, EXPIRES));
        DayVersion walkedIn = queue.dayVersion(siteId, TODAY);
        assertEquals(2, walkedIn.lastNumber());
        assertTrue(walkedIn.changes() > called.changes(), "a walk-in added");

        assertEquals(walkedIn, queue.dayVersion(siteId, TODAY), "reading does not move it");
        assertTrue(queue.dayVersion(siteId, new ServiceDay(TODAY.date().plusDays(1))).nothingYet(), "per day");
    }

    @Test
    void ticketsOf_andForgetVisitor_shouldFindEveryTicketOfTheVisitor_thenForgetThem() {
        Ticket ended = waitingTicket("hash-g");
        queue.createTicket(ended);
        assertTrue(queue.apply(lifecycle.leave(site, ended, NOW)));
        Ticket live = waitingTicket("hash-g");
        queue.createTicket(live);
        Ticket someoneElse = waitingTicket("hash-h");
        queue.createTicket(someoneElse);

        assertEquals(Set.of(ended.ref(), live.ref()), Set.copyOf(queue.ticketsOf("hash-g")));
        queue.forgetVisitor("hash-g");

        assertTrue(queue.ticketsOf("hash-g").isEmpty());
        assertTrue(queue.findLiveTicket("hash-g", siteId, NOW).isEmpty());
        assertTrue(queue.findLiveTicket("hash-h", siteId, NOW).isPresent(), "only that visitor is forgotten");
    }

    @Test
    void dropOwedSms_shouldDeleteTheSmsStillOwedForTheTicket() {
        Ticket ticket = waitingTicket("hash-i");
        queue.createTicket(ticket);
        TicketChange call = lifecycle.call(site, ticket, "1", NOW);
        assertTrue(queue.apply(call));

        queue.dropOwedSms(ticket.ref());

        assertFalse(owes(call.owed().get(0).id()));
    }
}
