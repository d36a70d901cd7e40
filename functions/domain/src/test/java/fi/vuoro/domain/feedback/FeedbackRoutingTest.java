package fi.vuoro.domain.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Which messages are a digit answer: one digit, in the digits visitors' phones type. */
class FeedbackRoutingTest {

    @Test
    void aSingleDigit_inWesternArabicIndicOrPersianDigits_isRead() {
        assertEquals(OptionalInt.of(4), FeedbackRouting.singleDigit("4"));
        assertEquals(OptionalInt.of(4), FeedbackRouting.singleDigit(" 4. "));
        assertEquals(OptionalInt.of(4), FeedbackRouting.singleDigit("٤"), "Arabic-Indic four");
        assertEquals(OptionalInt.of(4), FeedbackRouting.singleDigit("۴"), "Persian four");
        assertEquals(OptionalInt.of(5), FeedbackRouting.singleDigit("５"), "a full-width five");
    }

    @Test
    void anythingElse_isNoDigitAnswer() {
        for (String body : new String[] {"", " ", "45", "4 stars", "JONO", "x", "-1", null}) {
            assertEquals(OptionalInt.empty(), FeedbackRouting.singleDigit(body), "'" + body + "'");
        }
    }
}
