package fi.vuoro.domain.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.interpreter.InterpreterRequest.Status;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.site.InterpreterPolicy;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every interpreter asked says YES at the same moment: exactly one gets it, every other is told it is taken. */
class FirstYesWinsTest {

    private static final Instant NOON = Instant.parse("2026-11-24T10:00:00Z");
    private static final int ROUNDS = 200;
    private static final int ASKED = 5;
    private static final Site SITE = new Site("race", "Race Site", "+358500000031", OpeningHours.always(),
            Set.of("fi"), Duration.ofMinutes(15), 2, 'R', Set.of())
            .withInterpreting(new InterpreterPolicy(ASKED, Duration.ofMinutes(2), false));

    @Test
    void simultaneousYeses_shouldHaveExactlyOneWinner_andTellEveryOtherItIsTaken_everyRound() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(ASKED);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                InterpreterWorld world = new InterpreterWorld(NOON, SITE);
                List<Interpreter> interpreters = new ArrayList<>();
                for (int i = 0; i < ASKED; i++) {
                    interpreters.add(world.add("Interpreter " + i, "+35850000030" + i, "fi", Set.of("so"), SITE));
                }
                world.queue.text("+358401300001", SITE, "JOIN SO");
                TicketRef ticket = new TicketRef("race", ServiceDay.of(NOON), 1);
                InterpreterRequest asked = world.interpreters.find(ticket, NOON).orElseThrow();
                assertEquals(ASKED, asked.openOffers().size());

                CountDownLatch go = new CountDownLatch(1);
                List<Future<InterpreterService.Answer>> answers = new ArrayList<>();
                for (Offer offer : asked.openOffers()) {
                    Interpreter who = world.get(offer.interpreterId());
                    Callable<InterpreterService.Answer> yes = () -> {
                        go.await();
                        return world.service.yes(who, OptionalInt.of(offer.code()), NOON.plusSeconds(10));
                    };
                    answers.add(threads.submit(yes));
                }
                go.countDown();

                int confirmed = 0;
                int taken = 0;
                for (Future<InterpreterService.Answer> answer : answers) {
                    InterpreterService.Answer got = answer.get();
                    confirmed += got instanceof InterpreterService.Answer.Confirmed ? 1 : 0;
                    taken += got instanceof InterpreterService.Answer.Taken ? 1 : 0;
                }
                InterpreterRequest after = world.interpreters.find(ticket, NOON).orElseThrow();
                assertEquals(1, confirmed, "round " + round + ": exactly one winner");
                assertEquals(ASKED - 1, taken, "round " + round + ": every other is told it is taken");
                assertEquals(Status.CONFIRMED, after.status());
                assertTrue(after.confirmedBy().isPresent());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
