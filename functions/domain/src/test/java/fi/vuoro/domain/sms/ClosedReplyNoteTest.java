package fi.vuoro.domain.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.language.PlaceholderLimits;
import fi.vuoro.domain.language.SmsSegments;
import fi.vuoro.domain.site.OpeningException;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The day's note goes after the closed reply in the same SMS, which still takes at most two segments: the reply is
 * never cut, a note that does not fit is cut at a word and ends in "...", and one with no room is left out.
 */
class ClosedReplyNoteTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();
    /** Notes at their longest: in the GSM alphabet, with one character outside it, and in Arabic script. */
    private static final String GSM_NOTE = "Closed for the staff training day, sorry. Kela questions: call 020 692 211 or see kela.fi/asiointi o";
    private static final String UCS2_NOTE = "Suljettu koulutuksen vuoksi – Kelan asiat: soita 020 692 211 tai katso kela.fi, kiitos ja anteeksi!";
    private static final String ARABIC_NOTE = "مغلق اليوم بسبب تدريب الموظفين. لأسئلة كيلا اتصل على الرقم 020692211 أو زر الموقع الإلكتروني. شكرا";

    static Stream<Arguments> everyLanguageAndNote() {
        return CATALOGUE.languages().stream().flatMap(language -> Stream.of(MessageKey.CLOSED, MessageKey.CLOSED_NO_HOURS)
                .flatMap(key -> Stream.of(GSM_NOTE, UCS2_NOTE, ARABIC_NOTE)
                        .map(note -> Arguments.of(language.code(), key, note))));
    }

    @Test
    void notes_shouldBeAtTheLongestANoteMayBe() {
        for (String note : new String[] {GSM_NOTE, UCS2_NOTE, ARABIC_NOTE}) {
            assertTrue(note.codePointCount(0, note.length()) <= OpeningException.MAX_NOTE_LENGTH, note);
            assertTrue(note.codePointCount(0, note.length()) >= OpeningException.MAX_NOTE_LENGTH - 2, note);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyLanguageAndNote")
    void closedReply_shouldFitInTwoSegments_withTheReplyWhole_whateverTheNote(String code, MessageKey key, String note) {
        Language language = CATALOGUE.language(code).orElseThrow();
        String reply = CATALOGUE.render(language, key, PlaceholderLimits.longestValues(key));

        String text = SmsTexts.withNote(reply, Optional.of(note));

        assertTrue(SmsSegments.segments(text) <= SmsSegments.MAX_SEGMENTS, () -> code + " takes "
                + SmsSegments.segments(text) + " segments: " + text);
        assertTrue(text.startsWith(reply), text);
        String added = text.substring(reply.length());
        assertTrue(added.isEmpty() || note.startsWith(added.strip().replaceAll("\\.\\.\\.$", "")), added);
    }

    @Test
    void closedReply_shouldCarryAShortNoteWhole() {
        String reply = "Vuoro Demo is closed now. We open again 25.11. 09:00. You did not get a number.";

        assertEquals(reply + " Closed today for staff training.",
                SmsTexts.withNote(reply, Optional.of("Closed today for staff training.")));
        assertEquals(reply, SmsTexts.withNote(reply, Optional.empty()));
    }

    @Test
    void closedReply_shouldCutALongNoteAtAWord_endingInDots() {
        String reply = "W".repeat(230);

        String text = SmsTexts.withNote(reply, Optional.of(GSM_NOTE));

        assertEquals(reply + " Closed for the staff training day, sorry. Kela questions: call 020 692...", text);
        assertEquals(2, SmsSegments.segments(text));
    }

    @Test
    void closedReply_shouldLeaveTheNoteOut_whenTooLittleOfItWouldFit() {
        String reply = "W".repeat(300);

        assertEquals(reply, SmsTexts.withNote(reply, Optional.of(GSM_NOTE)));
    }
}
