package fi.vuoro.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fi.vuoro.domain.queue.QueueConflictException;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.InMemorySites;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteAdmin;
import fi.vuoro.domain.site.SiteSettings;
import fi.vuoro.domain.staff.NoShowSweep;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.testing.QueueWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every staff action that succeeds leaves one entry with who and the ticket code; a refused one leaves none. */
class StaffActionsAuditTest {

    private static final Instant NOON = Instant.parse("2026-11-24T10:00:00Z");
    /** One topic: every visitor joins it, so every ticket carries its letter K. */
    private static final Site SITE = new Site("demo", "Vuoro Demo", "+358500000001", OpeningHours.always(),
            Set.of("fi", "sv", "en"), Duration.ofMinutes(15), 2, 'A', Set.of("KELA"), 2, Duration.ofMinutes(10));
    private static final StaffMember ANNA = new StaffMember("anna", Set.of("demo"));
    private static final StaffMember COORDINATOR = new StaffMember("coordinator", Set.of(), Set.of("demo"));

    private final QueueWorld world = new QueueWorld(NOON).site(SITE).start();

    private List<String> audited() {
        return world.auditTrail.all().stream().map(e -> e.who() + " " + e.action().code() + " "
                + e.ticket().orElse("-") + " " + e.detail()).toList();
    }

    @Test
    void queueActions_shouldEachBeAudited_withWhoTheTicketAndTheDesk_inTheOrderDone() {
        world.text("+358401000001", SITE, "JONO");
        world.staff.setDesk(ANNA, "demo", "2", true);
        world.staff.addWalkIn(ANNA, "demo", "Leyla Karimi", "so", Optional.of("kela"));
        world.staff.callNext(ANNA, "demo", "2", Optional.empty(), Optional.empty());
        world.clock.advance(Duration.ofMinutes(1));
        world.staff.recall(ANNA, "demo", 1);
        world.staff.markServed(COORDINATOR, "demo", 1);
        world.staff.call(ANNA, "demo", 2, "2");
        world.staff.markNoShow(ANNA, "demo", 2);
        world.staff.requeue(ANNA, "demo", 2);
        world.staff.setDesk(ANNA, "demo", "2", false);

        assertEquals(List.of(
                "anna desk-opened - desk 2",
                "anna walk-in K2 language so, topic KELA",
                "anna call K1 desk 2, next in line",
                "anna recall K1 desk 2",
                "coordinator served K1 desk 2",
                "anna call K2 desk 2, by number",
                "anna no-show K2 desk 2",
                "anna requeue K2 was no-show",
                "anna desk-closed - desk 2"), audited());
        assertEquals(world.auditTrail.all(), world.audit.day(COORDINATOR, "demo", Optional.empty()).entries());
        assertFalse(world.auditTrail.all().stream().anyMatch(e -> e.detail().contains("Leyla")
                || e.detail().contains("358")), "no walk-in name, no phone number");
    }

    @Test
    void aRefusedAction_shouldLeaveNoEntry() {
        assertThrows(QueueConflictException.class,
                () -> world.staff.callNext(ANNA, "demo", "1", Optional.empty(), Optional.empty()));
        world.text("+358401000002", SITE, "JONO");
        world.staff.callNext(ANNA, "demo", "1", Optional.empty(), Optional.empty());
        world.staff.markServed(ANNA, "demo", 1);
        assertThrows(QueueConflictException.class, () -> world.staff.markNoShow(ANNA, "demo", 1));

        assertEquals(List.of("anna call K1 desk 1, next in line", "anna served K1 desk 1"), audited());
    }

    @Test
    void theNoShowSweep_isNoStaffAction_andLeavesNoEntry() {
        world.text("+358401000003", SITE, "JONO");
        world.staff.callNext(ANNA, "demo", "1", Optional.empty(), Optional.empty());
        world.clock.advance(Duration.ofMinutes(11));

        new NoShowSweep(world.directory, world.queue, world.staff, world.clock).run();

        Instant now = world.clock.instant();
        assertEquals(TicketStatus.NO_SHOW, world.queue.day("demo", ServiceDay.of(now), now).tickets().get(0).status());
        assertEquals(List.of("anna call K1 desk 1, next in line"), audited());
    }

    @Test
    void savingSettings_shouldBeAudited_asCreated_thenWithTheNamesOfTheChangedFields() {
        InMemorySites sites = new InMemorySites();
        SiteAdmin admin = new SiteAdmin(sites, QueueWorld.CATALOGUE, world.audit);
        Site changed = new Site("demo", "Vuoro Demo", "+358500000001", OpeningHours.parse(Map.of("MON", "09:00-12:00")),
                Set.of("fi", "sv", "en"), Duration.ofMinutes(15), 2, 'A', Set.of("KELA"), 2, Duration.ofMinutes(20));

        admin.save(COORDINATOR, "demo", SiteSettings.of(SITE));
        SiteSettings form = SiteSettings.of(changed);
        admin.save(COORDINATOR, "demo", new SiteSettings(form.name(), form.smsNumber(), form.timeZone(),
                form.openingHours(), form.staffLanguages(), form.desks(), form.ticketLetter(), form.topics(),
                form.defaultServiceMinutes(), form.comeBackWhenAhead(), form.noShowGraceMinutes(),
                form.interpreterWaveSize(), form.interpreterReplyMinutes(), form.interpreterReadyOnConfirmation(),
                form.exceptions(), form.retentionHours(), null));

        assertEquals(List.of("coordinator settings-change - created",
                "coordinator settings-change - openingHours, noShowGraceMinutes"), audited());
    }
}
