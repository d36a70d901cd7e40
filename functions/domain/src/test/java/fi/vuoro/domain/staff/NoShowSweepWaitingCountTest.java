package fi.vuoro.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.vuoro.domain.queue.QueueEvent;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.testing.QueueWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The count of waiting a store keeps can only go wrong one way: a join that stopped between drawing its number and
 * writing its ticket counted a ticket that never came. The no-show sweep, which reads the whole day anyway, puts it
 * right once no draw can still be on its way to its ticket.
 */
class NoShowSweepWaitingCountTest {

    private static final Site SITE = new Site("count", "Count", "+358500000077", OpeningHours.always(), Set.of("fi"),
            Duration.ofMinutes(15), 1, 'C', Set.of());

    private final QueueWorld world = new QueueWorld(Instant.parse("2026-11-24T10:00:00Z")).site(SITE).start();

    private int storedWaiting() {
        Instant now = world.clock.instant();
        return world.queue.day(SITE.id(), ServiceDay.of(now), now).tally().orElseThrow().waiting();
    }

    private NoShowSweep sweep() {
        return new NoShowSweep(world.directory, world.queue, world.staff, world.clock);
    }

    @Test
    void run_shouldCorrectTheCountOfWaiting_whenAJoinStoppedAfterItsDraw_onceNoDrawCanBeOnItsWay() {
        world.text("+358401000001", SITE, "JONO");
        world.text("+358401000002", SITE, "JONO");
        Instant now = world.clock.instant();
        world.queue.drawNumber(SITE.id(), ServiceDay.of(now), ServiceDay.of(now).expiresAt(SITE.retention()));
        assertEquals(3, storedWaiting(), "the stopped join is counted");

        sweep().run();
        assertEquals(3, storedWaiting(), "a draw this recent may still be writing its ticket");

        world.clock.advance(Duration.ofMinutes(2));
        sweep().run();
        assertEquals(2, storedWaiting());

        world.text("+358401000003", SITE, "JONO");
        QueueEvent.Joined joined = (QueueEvent.Joined) world.heard.get(world.heard.size() - 1);
        assertEquals(2, joined.ahead(), "the next visitor is told the true count");
        assertEquals(3, storedWaiting());
    }

    @Test
    void run_shouldLeaveARightCountAlone() {
        world.text("+358401000004", SITE, "JONO");
        world.clock.advance(Duration.ofMinutes(2));

        sweep().run();

        assertEquals(1, storedWaiting());
    }
}
