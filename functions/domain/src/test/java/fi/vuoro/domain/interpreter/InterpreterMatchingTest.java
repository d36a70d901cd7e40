package fi.vuoro.domain.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.vuoro.domain.interpreter.InterpreterRequest.Status;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.site.OpeningHours;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who is asked next, and in which order: the matching rules alone. */
class InterpreterMatchingTest {

    private static final Instant NOON = Instant.parse("2026-11-24T10:00:00Z");
    private static final TicketRef TICKET = new TicketRef("demo", ServiceDay.of(NOON), 4);

    private static InterpreterRequest dariRequest(List<Offer> offers) {
        return new InterpreterRequest(TICKET, "A4", "fa", Status.OFFERING, 0, offers, Optional.empty(),
                Optional.empty(), false, Optional.empty(), NOON.plusSeconds(1800), NOON, NOON,
                NOON.plus(Duration.ofDays(2)), 0);
    }

    private static Interpreter interpreter(String id, Set<String> languages, Set<String> sites, OpeningHours hours,
                                           Optional<Instant> lastOffered, boolean active) {
        return new Interpreter(id, id, "h-" + id, "c-" + id, "fi", languages, sites, hours, Optional.empty(), active,
                lastOffered, Optional.empty(), 0);
    }

    @Test
    void nextWave_shouldAskOnlyThoseWhoInterpretTheLanguage_serveTheSite_areActive_andAvailableThen() {
        OpeningHours mornings = OpeningHours.parse(Map.of("TUE", "08:00-11:00"));
        List<Interpreter> all = List.of(
                interpreter("dari", Set.of("fa"), Set.of("demo"), OpeningHours.always(), Optional.empty(), true),
                interpreter("arabic", Set.of("ar"), Set.of("demo"), OpeningHours.always(), Optional.empty(), true),
                interpreter("elsewhere", Set.of("fa"), Set.of("hervanta"), OpeningHours.always(), Optional.empty(), true),
                interpreter("retired", Set.of("fa"), Set.of("demo"), OpeningHours.always(), Optional.empty(), false),
                interpreter("mornings", Set.of("fa"), Set.of("demo"), mornings, Optional.empty(), true));

        List<Interpreter> wave = InterpreterMatching.nextWave(dariRequest(List.of()), all, 5);

        assertEquals(List.of("dari"), wave.stream().map(Interpreter::id).toList(),
                "12:30 in Helsinki, expected call at 13:00: the morning interpreter is not available then");
    }

    @Test
    void nextWave_shouldAskTheLeastRecentlyAskedFirst_andNeverSomeoneAskedForThisRequestBefore() {
        List<Interpreter> all = List.of(
                interpreter("asked-yesterday", Set.of("fa"), Set.of("demo"), OpeningHours.always(),
                        Optional.of(NOON.minus(Duration.ofDays(1))), true),
                interpreter("asked-an-hour-ago", Set.of("fa"), Set.of("demo"), OpeningHours.always(),
                        Optional.of(NOON.minusSeconds(3600)), true),
                interpreter("never-asked", Set.of("fa"), Set.of("demo"), OpeningHours.always(), Optional.empty(), true),
                interpreter("asked-for-this-one", Set.of("fa"), Set.of("demo"), OpeningHours.always(),
                        Optional.empty(), true));
        Offer earlier = new Offer("asked-for-this-one", "x", 1, 1, Offer.State.EXPIRED, NOON);

        List<Interpreter> wave = InterpreterMatching.nextWave(dariRequest(List.of(earlier)), all, 2);

        assertEquals(List.of("never-asked", "asked-yesterday"), wave.stream().map(Interpreter::id).toList());
    }

    @Test
    void availability_shouldFollowWhatTheInterpreterSaidToday_overTheirWeeklyHours() {
        Interpreter weekly = interpreter("w", Set.of("fa"), Set.of("demo"), OpeningHours.always(), Optional.empty(),
                true);
        Interpreter away = weekly.withToday(new AvailabilityToday(ServiceDay.of(NOON).date(), false, Optional.empty()));
        Interpreter afternoon = weekly.withToday(new AvailabilityToday(ServiceDay.of(NOON).date(), true,
                Optional.of(new TimeWindow(java.time.LocalTime.of(13, 0), java.time.LocalTime.of(16, 0)))));

        assertEquals(false, away.availableAt(NOON));
        assertEquals(false, afternoon.availableAt(NOON), "12:00 in Helsinki");
        assertEquals(true, afternoon.availableAt(NOON.plusSeconds(3600 + 60)));
        assertEquals(true, away.availableAt(NOON.plus(Duration.ofDays(1))), "tomorrow the weekly hours count");
    }
}
