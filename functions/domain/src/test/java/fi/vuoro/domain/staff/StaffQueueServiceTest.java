package fi.vuoro.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.queue.QueueConflictException;
import fi.vuoro.domain.queue.QueueEvent;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.testing.QueueWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The queue rules as staff meet them, on the in-memory store: nothing but the domain. */
class StaffQueueServiceTest {

    private static final Instant NOON = Instant.parse("2026-11-24T10:00:00Z");
    /** One topic: every visitor who texts joins it, so their codes carry its letter (K1 ...). */
    private static final Site SITE = new Site("demo", "Vuoro Demo", "+358500000001", OpeningHours.always(),
            Set.of("fi", "sv", "en"), Duration.ofMinutes(15), 2, 'A', Set.of("KELA"), 2, Duration.ofMinutes(10));

    private final QueueWorld world = new QueueWorld(NOON).site(SITE);
    private final StaffMember staff = QueueWorld.staffOf(SITE);

    private String join(String phone) {
        return world.text(phone, SITE, "JONO");
    }

    @Test
    void callNext_shouldCallTheLongestWaiting_andOweThemYourTurnAtTheDesk() {
        world.start();
        join("+358401000001");
        join("+358401000002");

        Ticket called = world.staff.callNext(staff, SITE.id(), "2", Optional.empty(), Optional.empty());

        assertEquals("K1", called.code());
        assertEquals(TicketStatus.CALLED, called.status());
        assertTrue(world.owedTo("+358401000001").stream().anyMatch(body -> body.contains("2")));
    }

    @Test
    void callNext_shouldSkipAVisitorNotReadyToBeCalled_butStaffCanStillCallThemExplicitly() {
        world.readiness.add((site, day, now) -> ticket -> ticket.number() != 1);
        world.start();
        join("+358401000011");
        join("+358401000012");

        assertEquals("K2", world.staff.callNext(staff, SITE.id(), "1", Optional.empty(), Optional.empty()).code());
        assertEquals("K1", world.staff.call(staff, SITE.id(), 1, "2").code());
    }

    @Test
    void callNext_shouldSayNobodyIsWaiting_whenNobodyIsReady() {
        world.start();
        assertThrows(QueueConflictException.class,
                () -> world.staff.callNext(staff, SITE.id(), "1", Optional.empty(), Optional.empty()));
    }

    @Test
    void served_shouldEndTheVisit_freeTheVisitor_andRecordHowLongItTook() {
        world.start();
        join("+358401000021");
        world.staff.callNext(staff, SITE.id(), "1", Optional.empty(), Optional.empty());
        world.clock.advance(Duration.ofMinutes(12));

        Ticket served = world.staff.markServed(staff, SITE.id(), 1);

        assertEquals(TicketStatus.SERVED, served.status());
        assertEquals(List.of(Duration.ofMinutes(12)), world.serviceTimes);
        assertTrue(world.text("+358401000021", SITE, "JONO").contains("K2"), "free to join again");
    }

    @Test
    void actions_shouldBeRefused_whenTheTicketIsNotInAStateTheyStartFrom() {
        world.start();
        join("+358401000031");

        assertThrows(QueueConflictException.class, () -> world.staff.markServed(staff, SITE.id(), 1));
        assertThrows(QueueConflictException.class, () -> world.staff.markNoShow(staff, SITE.id(), 1));
        assertThrows(QueueConflictException.class, () -> world.staff.recall(staff, SITE.id(), 1));
        assertThrows(QueueConflictException.class, () -> world.staff.requeue(staff, SITE.id(), 1));
        assertThrows(StaffRequestException.class, () -> world.staff.call(staff, SITE.id(), 99, "1"));
    }

    @Test
    void noShowThenRequeueThenNoShow_shouldOweTheNoShowNoticeTwice() {
        world.start();
        join("+358401000041");
        world.staff.callNext(staff, SITE.id(), "1", Optional.empty(), Optional.empty());
        world.staff.markNoShow(staff, SITE.id(), 1);
        world.staff.requeue(staff, SITE.id(), 1);
        world.clock.advance(Duration.ofMinutes(1));
        world.staff.call(staff, SITE.id(), 1, "1");

        world.staff.markNoShow(staff, SITE.id(), 1);

        assertEquals(1, world.owedTo("+358401000041").stream().filter(b -> b.contains("JONO")).count(),
                "the requeued no-show has no number any more, so only the first notice is owed");
    }

    @Test
    void comeBack_shouldBeOwedOnce_toTheVisitorsWhoReachTheFront_asTheQueueMoves() {
        world.start();
        for (int i = 1; i <= 4; i++) {
            join("+35840100005" + i);
        }
        world.staff.callNext(staff, SITE.id(), "1", Optional.empty(), Optional.empty());
        world.staff.callNext(staff, SITE.id(), "2", Optional.empty(), Optional.empty());

        assertEquals(1, world.owedTo("+358401000054").stream().filter(b -> b.contains("Tule")).count());
        assertEquals(0, world.owedTo("+358401000052").stream().filter(b -> b.contains("Tule")).count(),
                "joined near the front: told in the join reply");
    }

    @Test
    void walkIn_shouldJoinAsAnEventOfItsOwn_andNeverBeTexted() {
        world.start();

        Ticket walkIn = world.staff.addWalkIn(staff, SITE.id(), "M. K.", "so", Optional.of("kela"));

        assertTrue(world.heard.stream().anyMatch(event -> event instanceof QueueEvent.Joined joined
                && joined.ticket().ref().equals(walkIn.ref())));
        Ticket called = world.staff.callNext(staff, SITE.id(), "1", Optional.empty(), Optional.empty());
        assertEquals(walkIn.ref(), called.ref());
        assertTrue(world.queue.owed().isEmpty(), "a walk-in has no phone");
    }
}
