package fi.vuoro.domain.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The texts of visitors' pages come from the same files as the SMS, in every language, checked the same way. */
class PageTextTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();
    private static final String SITE = "Kototori Hervanta";

    static Stream<String> everyLanguage() {
        return CATALOGUE.languages().stream().map(Language::code);
    }

    @Test
    void pageTexts_shouldBeWrittenInEveryFile() {
        for (Map.Entry<String, String> file : MessageFileFixture.realFiles().entrySet()) {
            for (PageText text : PageText.values()) {
                assertTrue(Pattern.compile("(?m)^" + Pattern.quote(text.key()) + "=\\S").matcher(file.getValue()).find(),
                        file.getKey() + " should have " + text.key());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyLanguage")
    void page_shouldRenderEveryText_whenGivenItsPlaceholders(String code) {
        Language language = CATALOGUE.language(code).orElseThrow();
        for (PageText text : PageText.values()) {
            String rendered = CATALOGUE.page(language, text, values(text));

            assertFalse(rendered.isBlank(), code + " " + text.key());
            assertFalse(rendered.contains("{") || rendered.contains("}"), code + " " + text.key() + ": " + rendered);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyLanguage")
    void page_shouldNameTheSite_inTheTitleAndTheAdvisorConsent(String code) {
        Language language = CATALOGUE.language(code).orElseThrow();
        for (PageText text : List.of(PageText.FEEDBACK_TITLE, PageText.FEEDBACK_VOLUNTEER_CONSENT)) {
            String rendered = CATALOGUE.page(language, text, Map.of("site", SITE));

            assertTrue(rendered.contains(SITE), code + " " + text.key() + ": " + rendered);
        }
    }

    @Test
    void page_shouldFillInTheSite() {
        assertEquals("How was your visit to Kototori Hervanta?",
                CATALOGUE.page(language("en"), PageText.FEEDBACK_TITLE, Map.of("site", SITE)));
    }

    @Test
    void page_shouldGiveTheText_whenItHasNoPlaceholders() {
        assertEquals("Lähetä", CATALOGUE.page(language("fi"), PageText.FEEDBACK_SEND));
        assertEquals("Svara på minst en fråga.", CATALOGUE.page(language("sv"), PageText.FEEDBACK_MISSING));
    }

    @Test
    void page_shouldFail_whenAValueIsGivenForAPlaceholderTheTextDoesNotHave() {
        assertThrows(IllegalArgumentException.class,
                () -> CATALOGUE.page(language("en"), PageText.FEEDBACK_SEND, Map.of("site", SITE)));
    }

    @Test
    void page_shouldFail_whenAPlaceholderTheTextUsesHasNoValue() {
        assertThrows(IllegalArgumentException.class, () -> CATALOGUE.page(language("ar"), PageText.FEEDBACK_TITLE));
    }

    @Test
    void page_shouldFail_whenTheLanguageHasNoMessageFile() {
        Language unknown = new Language("xx", "Xx", 99, false, List.of("XX"), Map.of());

        assertThrows(IllegalArgumentException.class, () -> CATALOGUE.page(unknown, PageText.FEEDBACK_SEND));
    }

    @Test
    void feedbackScale_shouldGiveEachPointsLabel_fromNotAtAllToCompletely() {
        assertEquals(PageText.FEEDBACK_SCALE_1, PageText.feedbackScale(1));
        assertEquals(PageText.FEEDBACK_SCALE_5, PageText.feedbackScale(PageText.SCALE_POINTS));
        assertEquals("Not at all", CATALOGUE.page(language("en"), PageText.feedbackScale(1)));
        assertEquals("Completely", CATALOGUE.page(language("en"), PageText.feedbackScale(5)));
        assertThrows(IllegalArgumentException.class, () -> PageText.feedbackScale(0));
        assertThrows(IllegalArgumentException.class, () -> PageText.feedbackScale(PageText.SCALE_POINTS + 1));
    }

    /** A page text and an SMS can never be the same entry: one is length-checked, the other is not. */
    @Test
    void keys_shouldKeepPageTextsApartFromTheSms() {
        for (PageText text : PageText.values()) {
            assertTrue(text.key().startsWith("page."), text.key());
        }
        for (MessageKey key : MessageKey.values()) {
            assertFalse(key.key().startsWith("page."), key.key());
        }
    }

    private static Map<String, String> values(PageText text) {
        Map<String, String> values = new LinkedHashMap<>();
        text.placeholders().forEach(placeholder -> values.put(placeholder.id(), PlaceholderLimits.longest(placeholder)));
        return values;
    }

    private static Language language(String code) {
        return CATALOGUE.language(code).orElseThrow();
    }
}
