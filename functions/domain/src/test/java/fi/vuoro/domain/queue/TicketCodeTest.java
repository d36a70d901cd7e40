package fi.vuoro.domain.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketCodeTest {

    @Test
    void of_shouldBeTheSitesLetterAndTheNumber() {
        assertEquals("A1", TicketCode.of('A', 1));
        assertEquals("A17", TicketCode.of('A', 17));
        assertEquals("A999", TicketCode.of('A', 999));
    }

    @Test
    void of_shouldMoveToTheNextLetter_after999_andStayUniqueAllDay() {
        assertEquals("B1", TicketCode.of('A', 1000));
        Set<String> codes = new HashSet<>();
        for (int n = 1; n <= 5000; n++) {
            String code = TicketCode.of('H', n);
            assertTrue(code.matches("[A-Z][0-9]{1,3}"), code);
            assertTrue(codes.add(code), "duplicate " + code);
        }
    }

    @Test
    void of_shouldRefuseNumbersBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> TicketCode.of('A', 0));
    }
}
