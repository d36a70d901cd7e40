package fi.vuoro.domain.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.outbox.Premise;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.staff.QueueSms;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which change a ticket allows from which state, and what each owes: the rules alone, no store. */
class TicketLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final ServiceDay TODAY = ServiceDay.of(NOW);
    private static final Site SITE = new Site("demo", "Vuoro Demo", "+358500000001", OpeningHours.always(),
            Set.of("fi", "sv", "en"), Duration.ofMinutes(15), 2, 'A', Set.of());
    private final TicketLifecycle lifecycle = new TicketLifecycle(new QueueSms(MessageCatalogue.loadDefault()));

    private static Ticket waiting() {
        return Ticket.joinedBySms("demo", TODAY, 7, "A7", "ar", Optional.empty(), true, "hash", "v1:cipher",
                NOW.minusSeconds(600), TODAY.expiresAt(Duration.ofHours(48)));
    }

    private Ticket in(TicketStatus status) {
        Ticket waiting = waiting();
        return switch (status) {
            case WAITING -> waiting;
            case CALLED -> lifecycle.call(SITE, waiting, "2", NOW.minusSeconds(60)).after();
            case SERVED -> lifecycle.serve(SITE, in(TicketStatus.CALLED), NOW.minusSeconds(30)).after();
            case NO_SHOW -> lifecycle.noShow(SITE, in(TicketStatus.CALLED), NOW.minusSeconds(30)).after();
            case LEFT -> lifecycle.leave(SITE, waiting, NOW.minusSeconds(30)).after();
            case REMOVED -> lifecycle.remove(SITE, waiting, NOW.minusSeconds(30)).after();
        };
    }

    /** The change is allowed from exactly these states and refused from every other. */
    private void allowedOnlyFrom(Set<TicketStatus> allowed, Function<Ticket, TicketChange> change) {
        for (TicketStatus status : TicketStatus.values()) {
            Ticket ticket = in(status);
            if (allowed.contains(status)) {
                assertEquals(ticket.ref(), change.apply(ticket).after().ref(), status.name());
            } else {
                assertThrows(QueueConflictException.class, () -> change.apply(ticket), status + " must refuse it");
            }
        }
    }

    @Test
    void call_shouldBeAllowedOnlyFromWaiting_andOweYourTurnAtThatDesk() {
        allowedOnlyFrom(EnumSet.of(TicketStatus.WAITING), t -> lifecycle.call(SITE, t, "3", NOW));

        TicketChange call = lifecycle.call(SITE, waiting(), "3", NOW);

        assertEquals(TicketStatus.CALLED, call.after().status());
        assertEquals(Optional.of("3"), call.after().desk());
        assertEquals(Optional.of(NOW), call.after().calledAt());
        assertEquals(1, call.owed().size());
        assertTrue(call.owed().get(0).body().contains("3"), call.owed().get(0).body());
        assertEquals(new Premise.TicketState("demo", TODAY.date(), 7, "CALLED", Optional.of(NOW)),
                call.owed().get(0).premise().orElseThrow(), "sent only while this very call stands");
        assertEquals(NOW.plus(SITE.noShowGrace()), call.owed().get(0).validUntil());
        assertFalse(call.freesLiveSlot());
        assertInstanceOf(QueueEvent.Called.class, call.events().get(0));
    }

    @Test
    void recall_shouldBeAllowedOnlyFromCalled_restartingTheGraceTime_withASecondSms() {
        allowedOnlyFrom(EnumSet.of(TicketStatus.CALLED), t -> lifecycle.recall(SITE, t, NOW));

        TicketChange first = lifecycle.call(SITE, waiting(), "2", NOW.minusSeconds(60));
        TicketChange recall = lifecycle.recall(SITE, first.after(), NOW);

        assertEquals(Optional.of(NOW), recall.after().calledAt());
        assertTrue(!recall.owed().get(0).id().equals(first.owed().get(0).id()), "each call owes its own SMS");
        assertTrue(((QueueEvent.Called) recall.events().get(0)).recall());
    }

    @Test
    void serve_shouldBeAllowedOnlyFromCalled_forgettingTheNumber_freeingTheSlot_andTimingTheVisit() {
        allowedOnlyFrom(EnumSet.of(TicketStatus.CALLED), t -> lifecycle.serve(SITE, t, NOW));

        TicketChange served = lifecycle.serve(SITE, in(TicketStatus.CALLED), NOW);

        assertEquals(TicketStatus.SERVED, served.after().status());
        assertTrue(served.after().phoneCipher().isEmpty());
        assertTrue(served.after().phoneHash().isPresent(), "still recognisable for erasure");
        assertTrue(served.freesLiveSlot());
        assertTrue(served.owed().isEmpty());
        QueueEvent.Finished finished = (QueueEvent.Finished) served.events().get(0);
        assertEquals(Optional.of(Duration.ofSeconds(60)), finished.serviceTime());
    }

    @Test
    void noShow_shouldBeAllowedOnlyFromCalled_andOweTheNoShowNoticeWhileTheNumberIsStillKnown() {
        allowedOnlyFrom(EnumSet.of(TicketStatus.CALLED), t -> lifecycle.noShow(SITE, t, NOW));

        TicketChange missed = lifecycle.noShow(SITE, in(TicketStatus.CALLED), NOW);

        assertEquals(TicketStatus.NO_SHOW, missed.after().status());
        assertTrue(missed.after().phoneCipher().isEmpty());
        assertEquals("v1:cipher", missed.owed().get(0).toCipher(), "the notice carries its own copy of the number");
        assertTrue(missed.freesLiveSlot());
    }

    @Test
    void requeue_shouldBeAllowedFromCalledOrNoShow_backToItsPlace() {
        allowedOnlyFrom(EnumSet.of(TicketStatus.CALLED, TicketStatus.NO_SHOW), t -> lifecycle.requeue(SITE, t, NOW));

        Ticket back = lifecycle.requeue(SITE, in(TicketStatus.NO_SHOW), NOW).after();

        assertEquals(TicketStatus.WAITING, back.status());
        assertEquals(7, back.number(), "the original place");
        assertTrue(back.desk().isEmpty() && back.calledAt().isEmpty() && back.finishedAt().isEmpty());
    }

    @Test
    void leave_shouldBeAllowedOnlyWhileLive() {
        allowedOnlyFrom(EnumSet.of(TicketStatus.WAITING, TicketStatus.CALLED), t -> lifecycle.leave(SITE, t, NOW));
        assertTrue(lifecycle.leave(SITE, waiting(), NOW).freesLiveSlot());
    }

    @Test
    void remove_shouldBeAllowedOnlyWhileLive_endingAsRemoved_owingNoSms_andFreeingTheSlot() {
        allowedOnlyFrom(EnumSet.of(TicketStatus.WAITING, TicketStatus.CALLED), t -> lifecycle.remove(SITE, t, NOW));

        TicketChange removed = lifecycle.remove(SITE, in(TicketStatus.CALLED), NOW);

        assertEquals(TicketStatus.REMOVED, removed.after().status());
        assertFalse(removed.after().status().isLive());
        assertTrue(removed.owed().isEmpty(), "no \"your turn\", no \"no-show\": nothing is texted");
        assertTrue(removed.after().phoneCipher().isEmpty(), "the number is forgotten like any ended ticket's");
        assertTrue(removed.freesLiveSlot());
        assertEquals(Optional.of(NOW), removed.after().finishedAt());
        assertEquals(java.util.List.of(new QueueEvent.Removed(SITE, removed.after(), NOW)), removed.events(),
                "not Finished: no feedback invitation, no service time, no visit in the reports");
    }

    @Test
    void unreachableBySms_shouldOweNoSmsAfterwards_untilReachableAgain() {
        allowedOnlyFrom(EnumSet.of(TicketStatus.WAITING, TicketStatus.CALLED), lifecycle::unreachableBySms);

        Ticket unreachable = lifecycle.unreachableBySms(waiting()).after();

        assertTrue(unreachable.unreachableBySms());
        assertFalse(unreachable.canBeTexted());
        TicketChange call = lifecycle.call(SITE, unreachable, "2", NOW);
        assertTrue(call.owed().isEmpty(), "no \"your turn\" to a number Twilio will not text");
        assertTrue(lifecycle.noShow(SITE, call.after(), NOW).owed().isEmpty(), "no \"no-show\" either");
        assertTrue(lifecycle.comeBack(SITE, unreachable, 1, NOW).owed().isEmpty());
        assertThrows(QueueConflictException.class, () -> lifecycle.unreachableBySms(unreachable), "marked once");

        Ticket again = lifecycle.reachableBySmsAgain(unreachable).after();
        assertTrue(again.canBeTexted());
        assertEquals(1, lifecycle.call(SITE, again, "2", NOW).owed().size());
        assertThrows(QueueConflictException.class, () -> lifecycle.reachableBySmsAgain(again));
    }

    @Test
    void joining_shouldMarkTheTicketUnreachable_whenTheNumberOptedOut() {
        Ticket optedOut = lifecycle.joining(SITE, waiting(), 5, false);
        Ticket reachable = lifecycle.joining(SITE, waiting(), 5, true);

        assertTrue(optedOut.unreachableBySms());
        assertFalse(reachable.unreachableBySms());
        assertTrue(lifecycle.call(SITE, optedOut, "1", NOW).owed().isEmpty());
    }

    @Test
    void erase_shouldBeAllowedFromEveryState_andLeaveNothingOfThePhone() {
        allowedOnlyFrom(EnumSet.allOf(TicketStatus.class), t -> lifecycle.erase(SITE, t, NOW));

        Ticket live = lifecycle.erase(SITE, waiting(), NOW).after();
        Ticket served = lifecycle.erase(SITE, in(TicketStatus.SERVED), NOW).after();

        assertEquals(TicketStatus.LEFT, live.status());
        assertEquals(TicketStatus.SERVED, served.status(), "an ended ticket keeps its outcome");
        for (Ticket erased : java.util.List.of(live, served)) {
            assertTrue(erased.phoneHash().isEmpty() && erased.phoneCipher().isEmpty());
        }
    }

    @Test
    void comeBack_shouldBeAllowedOnce_andOnlyWhileWaiting() {
        allowedOnlyFrom(EnumSet.of(TicketStatus.WAITING), t -> lifecycle.comeBack(SITE, t, 1, NOW));

        Ticket told = lifecycle.comeBack(SITE, waiting(), 1, NOW).after();

        assertTrue(told.comeBackSent());
        assertThrows(QueueConflictException.class, () -> lifecycle.comeBack(SITE, told, 0, NOW), "told once");
    }

    @Test
    void walkIn_shouldOweNoSms_whateverHappens() {
        Ticket walkIn = Ticket.walkIn("demo", TODAY, 8, "A8", "M. K.", "so", Optional.empty(), true, NOW,
                TODAY.expiresAt(Duration.ofHours(48)));

        TicketChange call = lifecycle.call(SITE, walkIn, "1", NOW);

        assertTrue(call.owed().isEmpty());
        assertTrue(lifecycle.noShow(SITE, call.after(), NOW).owed().isEmpty());
    }

    @Test
    void changeLanguage_shouldFollowTheSitesStaffLanguages_forTheInterpreterNeed() {
        Ticket finnish = lifecycle.changeLanguage(SITE, waiting(), "fi", NOW).after();
        Ticket dari = lifecycle.changeLanguage(SITE, finnish, "fa", NOW).after();

        assertFalse(finnish.needsInterpreter(), "the demo site's staff speak Finnish");
        assertTrue(dari.needsInterpreter());
    }
}
