package fi.vuoro.domain.queue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueueDayTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final ServiceDay TODAY = ServiceDay.of(NOW);

    @Test
    void settledUpTo_shouldBeTrue_whenEveryNumberTakenIsATicket() {
        assertTrue(day(NOW, 1, 2, 3).settledUpTo(3, NOW));
        assertTrue(day(NOW).settledUpTo(0, NOW), "nothing taken, nothing missing");
    }

    @Test
    void settledUpTo_shouldBeFalse_whileATicketWhoseNumberIsTakenIsNotWrittenYet() {
        assertFalse(day(NOW, 1, 2).settledUpTo(3, NOW), "the last join is between its number and its ticket");
        assertFalse(day(NOW, 1, 3).settledUpTo(3, NOW), "an earlier join is slower than a later one");
    }

    @Test
    void settledUpTo_shouldCountANumberAsGivenUp_onceALaterTicketHasWaitedLongerThanAnyJoinTakes() {
        Instant longAgo = NOW.minus(QueueDay.GIVEN_UP_AFTER).minus(Duration.ofSeconds(1));
        assertTrue(day(longAgo, 1, 3).settledUpTo(3, NOW), "number 2's join failed long ago");
        assertFalse(day(NOW.minus(Duration.ofMinutes(1)), 1, 3).settledUpTo(3, NOW), "number 2 may still come");
    }

    private static QueueDay day(Instant joinedAt, int... numbers) {
        List<Ticket> tickets = IntStream.of(numbers).mapToObj(number -> Ticket.walkIn("site", TODAY, number,
                TicketCode.of('A', number), "Aada", "fi", Optional.empty(), false, joinedAt,
                TODAY.expiresAt(Duration.ofHours(48)))).toList();
        return new QueueDay(tickets, List.of());
    }
}
