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

    /** Four visitors join, one after another. */
    private List<Ticket> fourWaiting(String phonePrefix) {
        List<Ticket> tickets = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Ticket ticket = waitingTicket(phonePrefix + i);
            queue.createTicket(ticket);
            tickets.add(ticket);
        }
        return tickets;
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
        List<Ticket> tickets = fourWaiting("h");
        Ticket one = tickets.get(0);
        Ticket two = tickets.get(1);
        Ticket four = tickets.get(3);
        assertEquals(0, queue.countWaitingAhead(one.ref(), NOW));
        assertEquals(3, queue.countWaitingAhead(four.ref(), NOW));
        assertTrue(queue.apply(lifecycle.leave(site, two, NOW)));
        assertEquals(2, queue.countWaitingAhead(four.ref(), NOW));
        assertEquals(0, queue.countWaitingAhead(four.ref(), EXPIRES.plusSeconds(1)), "expired tickets do not count");
    }

    @Test
    void drawNumber_shouldTellHowManyWaitAhead_countingTheDrawnBeforeIt_andNotThoseThatLeftWaiting() {
        Ticket one = waitingTicket("w1");
        queue.createTicket(one);
        Ticket two = waitingTicket("w2");
        queue.createTicket(two);
        assertTrue(queue.apply(lifecycle.call(site, one, "1", NOW)));

        NumberDraw third = queue.drawNumber(siteId, TODAY, EXPIRES);

        assertEquals(3, third.number());
        assertEquals(1, third.waitingAhead(), "ticket 2 waits; ticket 1 was called");
        assertEquals(0, queue.drawNumber(siteId, new ServiceDay(TODAY.date().plusDays(1)), EXPIRES).waitingAhead());
    }

    @Test
    void createTicket_shouldGiveBackTheDrawnPlace_whenTheVisitorAlreadyHoldsALiveTicket() {
        queue.createTicket(waitingTicket("w-dup"));
        Ticket second = waitingTicket("w-dup");

        assertThrows(LiveTicketExistsException.class, () -> queue.createTicket(second));

        assertEquals(1, queue.day(siteId, TODAY, NOW).tally().orElseThrow().waiting());
        assertEquals(1, queue.drawNumber(siteId, TODAY, EXPIRES).waitingAhead());
    }

    @Test
    void findWithPosition_shouldGiveTheTicket_andTheWaitingAheadOfIt() {
        List<Ticket> tickets = fourWaiting("p");
        assertTrue(queue.apply(lifecycle.leave(site, tickets.get(1), NOW)));

        TicketPosition position = queue.findWithPosition(tickets.get(3).ref(), NOW).orElseThrow();

        assertEquals(tickets.get(3).ref(), position.ticket().ref());
        assertEquals(2, position.waitingAhead(), "tickets 1 and 3 wait; 2 left");
        assertEquals(0, queue.findWithPosition(tickets.get(0).ref(), NOW).orElseThrow().waitingAhead());
        assertTrue(queue.findWithPosition(new TicketRef(siteId, TODAY, 99), NOW).isEmpty());
        assertTrue(queue.findWithPosition(tickets.get(3).ref(), EXPIRES.plusSeconds(1)).isEmpty(),
                "expired tickets are gone");
    }

    @Test
    void correctWaiting_shouldSetTheCount_onlyWhileNothingMovedSinceItWasRead() {
        queue.createTicket(waitingTicket("c1"));
        queue.drawNumber(siteId, TODAY, EXPIRES); // a join that stopped before writing its ticket
        WaitingTally read = queue.day(siteId, TODAY, NOW).tally().orElseThrow();
        assertEquals(2, read.waiting());
        assertEquals(2, read.drawn());

        Ticket later = waitingTicket("c2");
        queue.createTicket(later);
        assertFalse(queue.correctWaiting(siteId, TODAY, read, 1), "a ticket was drawn since: the count stays");

        WaitingTally again = queue.day(siteId, TODAY, NOW).tally().orElseThrow();
        assertTrue(queue.correctWaiting(siteId, TODAY, again, 2));
        assertEquals(2, queue.day(siteId, TODAY, NOW).tally().orElseThrow().waiting());
        assertEquals(2, queue.drawNumber(siteId, TODAY, EXPIRES).waitingAhead());
    }

    @Test
    void correctWaiting_shouldRefuse_whenATicketMovedAndMovedBackSinceTheDayWasRead() {
        Ticket waiting = waitingTicket("c1");
        queue.createTicket(waiting);
        WaitingTally read = queue.day(siteId, TODAY, NOW).tally().orElseThrow();
        assertTrue(queue.apply(lifecycle.call(site, waiting, "1", NOW)));
        Ticket called = queue.find(waiting.ref(), NOW).orElseThrow();
        assertTrue(queue.apply(lifecycle.requeue(site, called, NOW)));
        assertEquals(read.waiting(), queue.day(siteId, TODAY, NOW).tally().orElseThrow().waiting(),
                "the call and its putting back cancel out in the count");

        // A count computed from tickets read between the call and its putting back (one too few) must not land.
        assertFalse(queue.correctWaiting(siteId, TODAY, read, read.waiting() - 1));
        assertEquals(read.waiting(), queue.day(siteId, TODAY, NOW).tally().orElseThrow().waiting());
    }

    /**
     * Visitors join (some twice at once from the same phone), staff add walk-ins, call, mark no-show, requeue, and
     * visitors leave, all at once from several threads: the count of waiting the store keeps stays the number of
     * WAITING tickets, and every join was told the true count of those drawn before it.
     */
    @Test
    void waitingCount_shouldStayTheNumberOfWaitingTickets_acrossConcurrentJoinsWalkInsLeavesCallsNoShowsAndRequeues()
            throws Exception {
        TicketChanges changes = new TicketChanges(queue, new QueueEvents(List.of()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Callable<Void>> visits = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int visitor = i;
                visits.add(() -> {
                    Optional<Ticket> ticket = join("v" + visitor);
                    if (visitor % 4 == 0) {
                        join("v" + visitor); // a second JONO at once: the same ticket, no second place
                    }
                    if (visitor % 5 == 0) {
                        NumberDraw draw = queue.drawNumber(siteId, TODAY, EXPIRES);
                        queue.createWalkIn(Ticket.walkIn(siteId, TODAY, draw.number(),
                                TicketCode.of('A', draw.number()), "W" + visitor, "fi", Optional.empty(), false, NOW,
                                EXPIRES));
                    }
                    if (ticket.isEmpty()) {
                        return null;
                    }
                    switch (visitor % 6) {
                        case 0 -> change(changes, ticket.get(), t -> lifecycle.leave(site, t, NOW));
                        case 1 -> change(changes, ticket.get(), t -> lifecycle.call(site, t, "1", NOW))
                                .ifPresent(called -> change(changes, called, t -> lifecycle.noShow(site, t, NOW)));
                        case 2 -> change(changes, ticket.get(), t -> lifecycle.call(site, t, "2", NOW))
                                .ifPresent(called -> change(changes, called, t -> lifecycle.requeue(site, t, NOW)));
                        case 3 -> change(changes, ticket.get(), t -> lifecycle.call(site, t, "3", NOW))
                                .flatMap(called -> change(changes, called, t -> lifecycle.noShow(site, t, NOW)))
                                .ifPresent(missed -> change(changes, missed, t -> lifecycle.requeue(site, t, NOW)));
                        case 4 -> change(changes, ticket.get(), t -> lifecycle.call(site, t, "4", NOW))
                                .ifPresent(called -> change(changes, called, t -> lifecycle.serve(site, t, NOW)));
                        default -> {
                            // two desks call the same visitor at once: one call lands
                            pool.submit(() -> change(changes, ticket.get(), t -> lifecycle.call(site, t, "5", NOW)));
                            change(changes, ticket.get(), t -> lifecycle.call(site, t, "6", NOW));
                        }
                    }
                    return null;
                });
            }
            for (java.util.concurrent.Future<Void> done : pool.invokeAll(visits)) {
                done.get();
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        QueueDay day = queue.day(siteId, TODAY, NOW);
        assertEquals(day.waiting().size(), day.tally().orElseThrow().waiting(), day.tickets().toString());
        assertEquals(day.waiting().size(), queue.drawNumber(siteId, TODAY, EXPIRES).waitingAhead());
    }

    private Optional<Ticket> join(String phoneHash) {
        NumberDraw draw = queue.drawNumber(siteId, TODAY, EXPIRES);
        Ticket ticket = Ticket.joinedBySms(siteId, TODAY, draw.number(), TicketCode.of('A', draw.number()), "fi",
                Optional.empty(), false, phoneHash, "v1:cipher", NOW, EXPIRES);
        try {
            queue.createTicket(ticket);
            return Optional.of(ticket);
        } catch (LiveTicketExistsException raced) {
            return Optional.empty();
        }
    }

    private static Optional<Ticket> change(TicketChanges changes, Ticket ticket,
                                           java.util.function.Function<Ticket, TicketChange> decide) {
        try {
            return Optional.of(changes.apply(ticket, NOW, decide));
        } catch (QueueConflictException refused) {
            return Optional.empty();
        }
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
