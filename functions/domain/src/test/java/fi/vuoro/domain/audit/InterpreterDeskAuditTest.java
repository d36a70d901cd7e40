package fi.vuoro.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.vuoro.domain.interpreter.InterpreterWorld;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.staff.StaffMember;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What staff do about interpreters is audited with the ticket code; what matching does by itself is not. */
class InterpreterDeskAuditTest {

    private static final Instant NOON = Instant.parse("2026-11-24T10:00:00Z");
    private static final Site DEMO = new Site("demo", "Vuoro Demo", "+358500000001", OpeningHours.always(),
            Set.of("fi", "sv", "en"), Duration.ofMinutes(15), 2, 'A', Set.of());
    private static final StaffMember ANNA = new StaffMember("anna", Set.of("demo"));

    private final InterpreterWorld world = new InterpreterWorld(NOON, DEMO);

    @Test
    void cancellingAndAskingAgain_shouldBeAudited_butTheAskingOnJoiningNot() {
        world.add("Aziz", "+358500000201", "fa", Set.of("fa"), DEMO);
        world.queue.text("+358401200001", DEMO, "LANG FA");
        world.queue.text("+358401200001", DEMO, "JOIN");

        world.desk.cancel(ANNA, "demo", 1);
        world.desk.request(ANNA, "demo", 1);

        assertEquals(List.of("anna interpreter-cancelled A1 language fa", "anna interpreter-requested A1 language fa"),
                world.queue.auditTrail.all().stream().map(e -> e.who() + " " + e.action().code() + " "
                        + e.ticket().orElse("-") + " " + e.detail()).toList());
    }
}
