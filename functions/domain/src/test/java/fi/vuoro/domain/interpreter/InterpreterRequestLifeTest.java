package fi.vuoro.domain.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.interpreter.InterpreterRequest.Status;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.site.InterpreterPolicy;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.testing.QueueWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The whole life of an interpreter request, with a clock that moves only when told. */
class InterpreterRequestLifeTest {

    private static final Instant NOON = Instant.parse("2026-11-24T10:00:00Z");
    private static final Site DEMO = new Site("demo", "Vuoro Demo", "+358500000001", OpeningHours.always(),
            Set.of("fi", "sv", "en"), Duration.ofMinutes(15), 2, 'A', Set.of())
            .withInterpreting(new InterpreterPolicy(2, Duration.ofMinutes(2), false));
    private static final String VISITOR = "+358401200001";
    private static final String ONE = "+358500000201";
    private static final String TWO = "+358500000202";
    private static final String THREE = "+358500000203";

    private final InterpreterWorld world = new InterpreterWorld(NOON, DEMO);
    private final TicketRef ticket = new TicketRef("demo", ServiceDay.of(NOON), 1);

    private void threeDariInterpreters() {
        world.add("Aziz", ONE, "fa", Set.of("fa"), DEMO);
        world.add("Mina", TWO, "fa", Set.of("fa", "ar"), DEMO);
        world.add("Omid", THREE, "en", Set.of("fa"), DEMO);
    }

    private InterpreterRequest request() {
        return world.interpreters.find(ticket, world.queue.clock.instant()).orElseThrow();
    }

    private String text(String phone, String body) {
        return world.queue.text(phone, DEMO, body);
    }

    private int offersTo(String phone) {
        return (int) world.smsTo(phone).stream().filter(body -> body.contains("YES") || body.contains("بله")).count();
    }

    @Test
    void aDariVisitorJoining_shouldAskTheFirstWave_ofTwo() {
        threeDariInterpreters();

        text(VISITOR, "LANG FA");
        text(VISITOR, "JOIN");

        InterpreterRequest request = request();
        assertEquals(Status.OFFERING, request.status());
        assertEquals(1, request.wave());
        assertEquals(2, request.openOffers().size());
        assertEquals(2, offersTo(ONE) + offersTo(TWO) + offersTo(THREE));
    }

    @Test
    void theFirstYes_shouldConfirm_theOtherAskedBeTold_andALaterYesGetTaken() {
        threeDariInterpreters();
        text(VISITOR, "JONO FA");
        InterpreterRequest asked = request();
        String first = phoneOf(asked.openOffers().get(0).interpreterId());
        String second = phoneOf(asked.openOffers().get(1).interpreterId());

        String confirmed = text(first, "YES " + asked.openOffers().get(0).code());
        String taken = text(second, "YES " + asked.openOffers().get(1).code());

        InterpreterRequest request = request();
        assertEquals(Status.CONFIRMED, request.status());
        assertEquals(Optional.of(asked.openOffers().get(0).interpreterId()), request.confirmedBy());
        assertTrue(confirmed.contains("A1"), "the confirmation names the ticket: " + confirmed);
        assertFalse(taken.equals(confirmed), taken);
        assertEquals(2, world.smsTo(second).size(), "the other asked interpreter got the offer, then 'taken': "
                + world.smsTo(second));
        assertEquals(new InterpreterSms(QueueWorld.CATALOGUE).taken(DEMO, request,
                world.get(asked.openOffers().get(1).interpreterId()), NOON).body(), world.smsTo(second).get(1));
    }

    @Test
    void noAndSilence_shouldMoveOnToTheNextWave_andWhenNobodyIsLeft_staffAndTheVisitorAreTold() {
        threeDariInterpreters();
        text(VISITOR, "JONO FA");
        InterpreterRequest firstWave = request();
        for (Offer offer : firstWave.openOffers()) {
            text(phoneOf(offer.interpreterId()), "NO " + offer.code());
        }
        InterpreterRequest secondWave = request();
        assertEquals(2, secondWave.wave(), "both said no: the next wave is asked at once");
        assertEquals(1, secondWave.openOffers().size(), "only one interpreter is left");

        world.queue.clock.advance(Duration.ofMinutes(3));
        world.service.advance(world.queue.clock.instant());

        InterpreterRequest ended = request();
        assertEquals(Status.NONE_FOUND, ended.status());
        assertTrue(ended.readyToCall(), "the visitor is not held back any more");
        assertEquals(1, world.smsTo(VISITOR).size(), "the visitor is told honestly: " + world.smsTo(VISITOR));
        Ticket visitorTicket = world.queue.queue.find(ticket, world.queue.clock.instant()).orElseThrow();
        assertEquals("WAITING", visitorTicket.status().name(), "still in the queue");
    }

    @Test
    void arrivingAndCallNext_shouldWaitForTheInterpreter_thenCallTheVisitor_andTextTheInterpreterTheDesk() {
        threeDariInterpreters();
        text("+358401200099", "JONO");
        text(VISITOR, "JONO FA");
        TicketRef dari = new TicketRef("demo", ServiceDay.of(NOON), 2);
        InterpreterRequest asked = world.interpreters.find(dari, NOON).orElseThrow();
        Offer offer = asked.openOffers().get(0);
        String interpreter = phoneOf(offer.interpreterId());
        text(interpreter, "YES " + offer.code());
        var staff = QueueWorld.staffOf(DEMO);

        assertEquals("A1", world.queue.staff.callNext(staff, "demo", "1", Optional.empty(), Optional.empty()).code(),
                "the first visitor, who needs no interpreter");
        assertTrue(assertRefused(() -> world.queue.staff.callNext(staff, "demo", "2", Optional.empty(),
                Optional.empty())), "the Dari visitor waits for their interpreter");

        text(interpreter, "HERE");

        assertEquals(Status.ARRIVED, world.interpreters.find(new TicketRef("demo", ServiceDay.of(NOON), 2),
                NOON).orElseThrow().status());
        Ticket called = world.queue.staff.callNext(staff, "demo", "2", Optional.empty(), Optional.empty());
        assertEquals("A2", called.code());
        assertTrue(world.smsTo(interpreter).stream().anyMatch(body -> body.contains("A2") && body.contains("2")),
                "the interpreter is texted the desk: " + world.smsTo(interpreter));
    }

    @Test
    void theVisitorLeaving_shouldWithdrawOpenOffers_andTellAConfirmedInterpreter() {
        threeDariInterpreters();
        text(VISITOR, "JONO FA");
        Offer offer = request().openOffers().get(0);
        String interpreter = phoneOf(offer.interpreterId());
        text(interpreter, "YES " + offer.code());

        text(VISITOR, "LEAVE");

        assertEquals(Status.WITHDRAWN, request().status());
        assertTrue(world.smsTo(interpreter).stream().anyMatch(body -> body.contains("A1")),
                "the confirmed interpreter is told they are no longer needed");
    }

    @Test
    void theVisitorErasingTheirData_shouldWithdrawTheRequest_butKeepTheInterpretersNotice() {
        threeDariInterpreters();
        text(VISITOR, "JONO FA");
        Offer offer = request().openOffers().get(0);
        String interpreter = phoneOf(offer.interpreterId());
        text(interpreter, "YES " + offer.code());

        text(VISITOR, "STOP");

        assertEquals(Status.WITHDRAWN, request().status());
        assertTrue(world.smsTo(interpreter).stream().anyMatch(body -> body.contains("A1")));
        assertTrue(world.smsTo(VISITOR).isEmpty(), "nothing owed to the visitor is left");
    }

    @Test
    void servingTheVisitor_shouldWithdrawTheRequest() {
        world.add("Aziz", ONE, "fa", Set.of("fa"), DEMO);
        text(VISITOR, "JONO FA");
        var staff = QueueWorld.staffOf(DEMO);
        world.queue.staff.call(staff, "demo", 1, "1");

        world.queue.staff.markServed(staff, "demo", 1);

        assertEquals(Status.WITHDRAWN, request().status());
    }

    @Test
    void aBareYes_shouldWorkWithOneOpenOffer_andBeAskedWhichWithTwo() {
        world.add("Mina", TWO, "fa", Set.of("fa", "ar"), DEMO);
        text(VISITOR, "JONO FA");
        text("+358401200002", "JONO AR");

        String which = text(TWO, "YES");

        assertEquals(Status.OFFERING, request().status(), "two open offers: nothing confirmed");
        assertTrue(which.matches(".*\\d.*"), "the reply shows how to answer with a number: " + which);
    }

    @Test
    void availability_shouldFollowTheInterpretersInAndOut() {
        world.add("Aziz", ONE, "fa", Set.of("fa"), DEMO);

        text(ONE, "OUT");
        text(VISITOR, "JONO FA");

        assertEquals(Status.NONE_FOUND, request().status(), "the only Dari interpreter is away today");
        text(ONE, "IN");
        world.desk.request(QueueWorld.staffOf(DEMO), "demo", 1);
        assertEquals(Status.OFFERING, request().status(), "asked again by staff, the interpreter is available now");
    }

    private String phoneOf(String interpreterId) {
        return world.queue.phones.decrypt(world.get(interpreterId).phoneCipher());
    }

    private static boolean assertRefused(Runnable action) {
        try {
            action.run();
            return false;
        } catch (fi.vuoro.domain.queue.QueueConflictException expected) {
            return true;
        }
    }
}
