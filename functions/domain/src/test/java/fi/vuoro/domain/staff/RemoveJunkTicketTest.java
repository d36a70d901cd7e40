package fi.vuoro.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.audit.AuditAction;
import fi.vuoro.domain.feedback.VisitTraits;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.queue.QueueConflictException;
import fi.vuoro.domain.queue.QueueEvent;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketPremises;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.report.DayTally;
import fi.vuoro.domain.report.FeedbackComment;
import fi.vuoro.domain.report.ReportStore;
import fi.vuoro.domain.report.VisitCount;
import fi.vuoro.domain.report.VisitReports;
import fi.vuoro.domain.feedback.ServiceWeek;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.testing.QueueWorld;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Staff take a junk ticket off the queue: it ends as REMOVED, texts nobody, and is no visit. */
class RemoveJunkTicketTest {

    private static final Instant NOON = Instant.parse("2026-11-24T10:00:00Z");
    private static final Site SITE = new Site("demo", "Vuoro Demo", "+358500000001", OpeningHours.always(),
            Set.of("fi", "sv", "en"), Duration.ofMinutes(15), 2, 'A', Set.of());
    private static final Site OTHER = new Site("other", "Muu", "+358500000002", OpeningHours.always(),
            Set.of("fi"), Duration.ofMinutes(15), 2, 'B', Set.of());

    private final QueueWorld world = new QueueWorld(NOON).site(SITE).site(OTHER);
    private final StaffMember staff = QueueWorld.staffOf(SITE);
    private final List<VisitCount> counted = new ArrayList<>();

    private void start() {
        world.listeners.add(new VisitReports(new ReportStore() {
            @Override
            public void countVisit(String siteId, LocalDate day, VisitTraits traits, VisitCount count) {
                counted.add(count);
            }

            @Override
            public List<DayTally> days(String siteId, LocalDate from, LocalDate to) {
                return List.of();
            }

            @Override
            public List<fi.vuoro.domain.report.WeekTally> weeks(String siteId, ServiceWeek from, ServiceWeek to) {
                return List.of();
            }

            @Override
            public List<FeedbackComment> comments(String siteId, ServiceWeek from, ServiceWeek to) {
                return List.of();
            }
        }, (ticket, now) -> false));
        world.start();
    }

    @Test
    void remove_shouldEndTheTicketAsRemoved_textingNobody_andMoveEveryoneBehindItUp() {
        start();
        world.text("+358401000001", SITE, "JONO");
        world.text("+358401000002", SITE, "JONO");
        world.text("+358401000003", SITE, "JONO");
        int owedBefore = world.queue.owed().size();

        Ticket removed = world.staff.remove(staff, SITE.id(), 1);

        assertEquals(TicketStatus.REMOVED, removed.status());
        assertEquals(owedBefore, world.queue.owed().size(), "no SMS is owed for a removed ticket");
        assertTrue(world.owedTo("+358401000001").isEmpty());
        assertEquals(List.of(1, 2), List.of(
                world.queue.countWaitingAhead(world.queue.liveSlot("hash:+358401000003", SITE.id()).orElseThrow(), NOON),
                world.queue.day(SITE.id(), ServiceDay.of(NOON), NOON).waiting().size()),
                "the third visitor has one ahead now, and the day counts two waiting");
        assertTrue(world.heard.stream().anyMatch(QueueEvent.Removed.class::isInstance));
    }

    @Test
    void remove_shouldCountNoVisit_whileServedAndLeftAreCounted() {
        start();
        world.text("+358401000011", SITE, "JONO");
        world.text("+358401000012", SITE, "JONO");
        world.text("+358401000013", SITE, "JONO");

        world.staff.remove(staff, SITE.id(), 1);
        world.text("+358401000012", SITE, "POIS");

        assertEquals(List.of(TicketStatus.LEFT), counted.stream().map(VisitCount::outcome).toList());
    }

    @Test
    void remove_shouldLeaveAStatusReplyThatSaysNotInTheQueue_andTheNumberMayJoinAgain() {
        start();
        world.text("+358401000021", SITE, "JOIN");
        world.staff.remove(staff, SITE.id(), 1);

        String status = world.text("+358401000021", SITE, "STATUS");

        assertEquals(QueueWorld.CATALOGUE.render(QueueWorld.CATALOGUE.language("en").orElseThrow(),
                MessageKey.NOT_IN_QUEUE, Map.of()), status);
        assertTrue(world.text("+358401000021", SITE, "JOIN").contains("A2"), "free to join again, like anyone");
    }

    @Test
    void remove_shouldBreakThePremiseOfAnSmsStillOwed_soTheOutboxDropsIt() {
        start();
        world.text("+358401000031", SITE, "JONO");
        world.staff.callNext(staff, SITE.id(), "2", Optional.empty(), Optional.empty());
        OutboundSms yourTurn = world.queue.owed().values().stream()
                .filter(sms -> sms.id().contains(".called-")).findFirst().orElseThrow();

        world.staff.remove(staff, SITE.id(), 1);

        Optional<String> broken = new TicketPremises(world.queue).broken(yourTurn.premise().orElseThrow(), NOON);
        assertEquals(Optional.of("the ticket is REMOVED now, not CALLED"), broken);
    }

    @Test
    void remove_shouldBeAudited_withWhoAndWhatTheTicketWas() {
        start();
        world.text("+358401000041", SITE, "JONO");

        world.staff.remove(staff, SITE.id(), 1);

        assertTrue(world.auditTrail.all().stream().anyMatch(entry -> entry.action() == AuditAction.REMOVE
                && entry.who().equals("staff") && entry.detail().contains("was waiting")), world.auditTrail.all()
                .toString());
    }

    @Test
    void remove_shouldBeRefused_forAnEndedTicket_anUnknownNumber_andAnotherSitesStaff() {
        start();
        world.text("+358401000051", SITE, "JONO");
        world.staff.remove(staff, SITE.id(), 1);

        assertThrows(QueueConflictException.class, () -> world.staff.remove(staff, SITE.id(), 1));
        StaffRequestException unknown = assertThrows(StaffRequestException.class,
                () -> world.staff.remove(staff, SITE.id(), 99));
        assertTrue(unknown.getMessage().contains("99"));
        assertThrows(SiteAccessDeniedException.class,
                () -> world.staff.remove(QueueWorld.staffOf(OTHER), SITE.id(), 1));
    }
}
