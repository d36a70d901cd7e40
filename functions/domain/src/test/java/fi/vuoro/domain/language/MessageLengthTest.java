package fi.vuoro.domain.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reply must fit in {@link SmsSegments#MAX_SEGMENTS} segments with every placeholder at its
 * longest, in every language: a longer message costs visitors' prepaid credit and may arrive in pieces.
 */
class MessageLengthTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();

    static Stream<Arguments> everyLanguageAndMessage() {
        return CATALOGUE.languages().stream()
                .flatMap(language -> Stream.of(MessageKey.values()).map(key -> Arguments.of(language.code(), key)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyLanguageAndMessage")
    void message_shouldFitInTwoSegments_whenEveryPlaceholderIsAtItsLongest(String code, MessageKey key) {
        String text = CATALOGUE.render(CATALOGUE.language(code).orElseThrow(), key, PlaceholderLimits.longestValues(key));

        int segments = SmsSegments.segments(text);
        assertTrue(segments <= SmsSegments.MAX_SEGMENTS, () -> code + " " + key.key() + " takes " + segments
                + " segments (" + SmsSegments.units(text) + " " + SmsSegments.encodingOf(text) + " units): " + text);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyLanguageAndMessage")
    void message_shouldStayInGsm7_whenTheLanguageIsWrittenInTheGsmAlphabet(String code, MessageKey key) {
        Language language = CATALOGUE.language(code).orElseThrow();
        if (SmsSegments.encodingOf(language.name()) != SmsSegments.Encoding.GSM_7) {
            return; // Arabic, Cyrillic ... are UCS-2 anyway
        }
        String text = CATALOGUE.render(language, key, PlaceholderLimits.longestValues(key));

        assertEquals(SmsSegments.Encoding.GSM_7, SmsSegments.encodingOf(text),
                () -> code + " " + key.key() + " has a character outside the GSM alphabet (a typographic dash or quote?): " + text);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyLanguageAndMessage")
    void message_shouldUseWesternDigits(String code, MessageKey key) {
        String text = CATALOGUE.render(CATALOGUE.language(code).orElseThrow(), key, PlaceholderLimits.longestValues(key));

        assertTrue(text.codePoints().filter(Character::isDigit).allMatch(c -> c >= '0' && c <= '9'), text);
    }

    static Stream<Arguments> everyLanguageMessageAndLanguageName() {
        return CATALOGUE.languages().stream().flatMap(language -> Stream.of(MessageKey.values())
                .filter(key -> key.allows(Placeholder.LANGUAGE))
                .flatMap(key -> CATALOGUE.languages().stream()
                        .map(named -> Arguments.of(language.code(), key, named.code()))));
    }

    /** The longest stand-in is in the GSM alphabet; a real name may not be, nor be written in the message's script. */
    @ParameterizedTest(name = "{0} {1} naming {2}")
    @MethodSource("everyLanguageMessageAndLanguageName")
    void message_shouldFitInTwoSegments_whenItNamesAnyLanguage(String code, MessageKey key, String namedCode) {
        Language language = CATALOGUE.language(code).orElseThrow();
        Map<String, String> values = PlaceholderLimits.longestValues(key);
        values.put(Placeholder.LANGUAGE.id(), CATALOGUE.languageName(language, namedCode));
        String text = CATALOGUE.render(language, key, values);

        assertTrue(SmsSegments.segments(text) <= SmsSegments.MAX_SEGMENTS, () -> code + " " + key.key() + " takes "
                + SmsSegments.segments(text) + " segments (" + SmsSegments.units(text) + " units): " + text);
        if (SmsSegments.encodingOf(language.name()) == SmsSegments.Encoding.GSM_7) {
            assertEquals(SmsSegments.Encoding.GSM_7, SmsSegments.encodingOf(text),
                    () -> code + " names " + namedCode + " outside the GSM alphabet: " + text);
        }
    }

    @Test
    void languageMenu_shouldFitInTwoSegments() {
        String menu = CATALOGUE.languageMenu();

        assertTrue(SmsSegments.segments(menu) <= SmsSegments.MAX_SEGMENTS,
                () -> "The language menu takes " + SmsSegments.segments(menu) + " segments: " + menu);
    }

    @Test
    void placeholderLimits_shouldBeAsLongAsTheirDocumentedMaximum() {
        assertEquals(PlaceholderLimits.SITE_MAX_LENGTH, PlaceholderLimits.LONGEST_SITE.length());
        assertEquals(PlaceholderLimits.DESK_MAX_LENGTH, PlaceholderLimits.LONGEST_DESK.length());
        assertEquals(PlaceholderLimits.LANGUAGE_MAX_LENGTH, PlaceholderLimits.LONGEST_LANGUAGE.length());
        assertEquals(String.valueOf(PlaceholderLimits.MAX_OFFER), PlaceholderLimits.LONGEST_OFFER);
        assertEquals(SmsSegments.Encoding.GSM_7, SmsSegments.encodingOf(PlaceholderLimits.LONGEST_SITE));
        assertEquals(PlaceholderLimits.LINK_MAX_LENGTH, PlaceholderLimits.LONGEST_LINK.length());
    }

    /** A link costs as many units as it has characters, in GSM-7 and in UCS-2 alike. */
    @Test
    void longestLink_shouldTakeOneSeptetACharacter() {
        assertEquals(PlaceholderLimits.LINK_MAX_LENGTH, SmsSegments.units(PlaceholderLimits.LONGEST_LINK));
        assertEquals(SmsSegments.Encoding.GSM_7, SmsSegments.encodingOf(PlaceholderLimits.LONGEST_LINK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyLanguage")
    void feedbackInvitation_shouldCarryTheLinkWhole_whenItIsAtItsLongest(String code) {
        Language language = CATALOGUE.language(code).orElseThrow();
        String text = CATALOGUE.render(language, MessageKey.FEEDBACK_INVITE,
                PlaceholderLimits.longestValues(MessageKey.FEEDBACK_INVITE));

        assertEquals(1, text.split(Pattern.quote(PlaceholderLimits.LONGEST_LINK), -1).length - 1, text);
        assertTrue(SmsSegments.segments(text) <= SmsSegments.MAX_SEGMENTS, () -> code + " takes "
                + SmsSegments.segments(text) + " segments (" + SmsSegments.units(text) + " units): " + text);
    }

    static Stream<String> everyLanguage() {
        return CATALOGUE.languages().stream().map(Language::code);
    }
}
