package fi.vuoro.domain.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An ended visit's interpreter use is read once, however many of the event's listeners ask. */
class InterpreterUseTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final ServiceDay DAY = new ServiceDay(LocalDate.of(2026, 12, 2));

    @Test
    void rememberingLast_readsEachTicketOnce_whileItIsTheOneAskedAbout() {
        List<TicketRef> reads = new ArrayList<>();
        InterpreterUse remembering = InterpreterUse.rememberingLast((ticket, now) -> {
            reads.add(ticket);
            return ticket.number() == 7;
        });
        TicketRef seven = new TicketRef("demo", DAY, 7);
        TicketRef eight = new TicketRef("demo", DAY, 8);

        assertTrue(remembering.wasUsed(seven, NOW));
        assertTrue(remembering.wasUsed(seven, NOW));
        assertEquals(false, remembering.wasUsed(eight, NOW));
        assertEquals(false, remembering.wasUsed(eight, NOW));
        assertTrue(remembering.wasUsed(seven, NOW));

        assertEquals(List.of(seven, eight, seven), reads);
    }
}
