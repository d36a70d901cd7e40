package fi.vuoro.domain.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketCodeTest {

    @Test
    void of_shouldBeTheLetterAndTheNumber() {
        assertEquals("A1", TicketCode.of('A', 1));
        assertEquals("A17", TicketCode.of('A', 17));
        assertEquals("A999", TicketCode.of('A', 999));
        assertEquals("A1000", TicketCode.of('A', 1000));
        assertEquals("Z9999", TicketCode.of('Z', TicketCode.MAX_PER_DAY));
    }

    /** Topics share the day's numbers but have letters of their own: no two numbers of a day share a code. */
    @Test
    void of_shouldGiveEveryNumberOfTheDayItsOwnCode_whateverLettersTheTopicsUse() {
        List<Character> topicLetters = List.of('K', 'L', 'H', 'W', 'A');
        Set<String> codes = new HashSet<>();
        for (int n = 1; n <= TicketCode.MAX_PER_DAY; n++) {
            String code = TicketCode.of(topicLetters.get(n % topicLetters.size()), n);
            assertTrue(code.matches("[A-Z][0-9]{1,4}"), code);
            assertTrue(codes.add(code), "duplicate " + code);
        }
        // The clash a letter moving on after 999 would make: K's 1000th number against L's first.
        assertTrue(!TicketCode.of('K', 1000).equals(TicketCode.of('L', 1)));
    }

    @Test
    void of_shouldRefuseNumbersOutsideTheDaysRange() {
        assertThrows(IllegalArgumentException.class, () -> TicketCode.of('A', 0));
        assertThrows(IllegalArgumentException.class, () -> TicketCode.of('A', TicketCode.MAX_PER_DAY + 1));
    }

    @Test
    void of_shouldRefuseLettersOutsideAToZ() {
        assertThrows(IllegalArgumentException.class, () -> TicketCode.of('a', 1));
        assertThrows(IllegalArgumentException.class, () -> TicketCode.of('Ä', 1));
    }
}
