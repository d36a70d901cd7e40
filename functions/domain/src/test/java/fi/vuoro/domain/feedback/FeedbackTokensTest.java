package fi.vuoro.domain.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Link tokens: short, URL-safe, unguessable, and worthless once altered or sealed with another key. */
class FeedbackTokensTest {

    private final FeedbackTokens tokens = new FeedbackTokens(() -> "sixteen byte key".getBytes(StandardCharsets.UTF_8));

    @Test
    void aToken_is18UrlSafeCharacters_andOpensToItsLanguageAndLastDay() {
        String token = tokens.issue("ar", LocalDate.of(2026, 12, 9));

        assertEquals(FeedbackTokens.LENGTH, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]{18}"), token);
        FeedbackTokens.Opened opened = tokens.open(token).orElseThrow();
        assertEquals("ar", opened.language());
        assertEquals(LocalDate.of(2026, 12, 9), opened.lastDay());
        assertEquals(FeedbackTokens.hash(token), opened.tokenHash());
        assertFalse(opened.expired(Instant.parse("2026-12-09T23:59:59Z")));
        assertTrue(opened.expired(Instant.parse("2026-12-10T00:00:00Z")));
    }

    @Test
    void everyAlteredCharacter_makesTheTokenInvalid() {
        String token = tokens.issue("fi", LocalDate.of(2026, 12, 9));
        for (int i = 0; i < token.length(); i++) {
            char replacement = token.charAt(i) == 'x' ? 'y' : 'x';
            String altered = token.substring(0, i) + replacement + token.substring(i + 1);
            assertTrue(tokens.open(altered).isEmpty(), "altered at " + i + ": " + altered);
        }
    }

    @Test
    void aTokenSealedWithAnotherKey_isInvalid() {
        FeedbackTokens other = new FeedbackTokens(() -> "another 16B key!".getBytes(StandardCharsets.UTF_8));
        assertTrue(tokens.open(other.issue("fi", LocalDate.of(2026, 12, 9))).isEmpty());
    }

    @Test
    void tenThousandTokens_areAllDifferent_andTheirHashesDoNotShowThem() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = tokens.issue("fi", LocalDate.of(2026, 12, 9));
            assertTrue(seen.add(token), "repeated: " + token);
            assertNotEquals(token, FeedbackTokens.hash(token));
        }
    }
}
