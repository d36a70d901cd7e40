package fi.vuoro.domain.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.vuoro.domain.language.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void gsmAlphabet_shouldHoldTheWholeBasicTable_exceptEscape() {
        assertEquals(127, GsmAlphabet.BASIC.length());
        assertEquals(127, GsmAlphabet.BASIC.chars().distinct().count());
    }

    @Test
    void encodingOf_shouldBeGsm7_whenFinnishAndSwedishLettersOnly() {
        assertEquals(Encoding.GSM_7, SmsSegments.encodingOf("Äiti, Öljy, Åbo: jono 20-40 min. {~}€"));
    }

    @Test
    void encodingOf_shouldBeUcs2_whenAnyCharacterIsOutsideTheGsmAlphabet() {
        assertEquals(Encoding.UCS_2, SmsSegments.encodingOf("Odotus 20–40 min")); // en dash
        assertEquals(Encoding.UCS_2, SmsSegments.encodingOf("طابور"));
        assertEquals(Encoding.UCS_2, SmsSegments.encodingOf("Hi 🙂"));
    }

    @Test
    void segments_shouldFitOneSegment_whenGsm7TextIs160Characters() {
        assertEquals(1, SmsSegments.segments("a".repeat(160)));
        assertEquals(2, SmsSegments.segments("a".repeat(161)));
        assertEquals(2, SmsSegments.segments("a".repeat(306)));
        assertEquals(3, SmsSegments.segments("a".repeat(307)));
    }

    @Test
    void segments_shouldCountExtensionCharactersTwice_whenGsm7() {
        assertEquals(160, SmsSegments.units("€".repeat(80)));
        assertEquals(1, SmsSegments.segments("€".repeat(80)));
        assertEquals(2, SmsSegments.segments("a" + "€".repeat(80)));
    }

    @Test
    void segments_shouldNotSplitAnExtensionCharacter_whenItFallsOnASegmentBoundary() {
        // 152 septets, then € would need septets 153-154: it moves whole to the second part.
        String text = "a".repeat(152) + "€" + "a".repeat(152);
        assertEquals(306, SmsSegments.units(text));
        assertEquals(3, SmsSegments.segments(text));
    }

    @Test
    void segments_shouldUse70And67CodeUnits_whenUcs2() {
        assertEquals(1, SmsSegments.segments("ب".repeat(70)));
        assertEquals(2, SmsSegments.segments("ب".repeat(71)));
        assertEquals(2, SmsSegments.segments("ب".repeat(134)));
        assertEquals(3, SmsSegments.segments("ب".repeat(135)));
    }

    @Test
    void segments_shouldCountAnEmojiAsTwoCodeUnits_whenUcs2() {
        assertEquals(70, SmsSegments.units("🙂".repeat(35)));
        assertEquals(1, SmsSegments.segments("🙂".repeat(35)));
        assertEquals(2, SmsSegments.segments("🙂".repeat(36)));
    }

    @Test
    void segments_shouldBeOne_whenTextIsEmpty() {
        assertEquals(1, SmsSegments.segments(""));
    }
}
