package fi.vuoro.domain.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageCatalogueTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();

    @Test
    void languages_shouldListTheRequiredLanguages_inMenuOrder() {
        assertEquals(List.of("fi", "sv", "en", "ar", "so", "fa", "ru", "uk"),
                CATALOGUE.languages().stream().map(Language::code).toList());
    }

    @Test
    void load_shouldTurnEveryMessageFileIntoALanguage() {
        assertEquals(MessageFileFixture.realFiles().size(), CATALOGUE.languages().size());
    }

    @Test
    void languages_shouldHaveTheirOwnNamesAndDirection() {
        assertEquals("Suomi", language("fi").name());
        assertEquals("العربية", language("ar").name());
        assertTrue(language("ar").rightToLeft());
        assertTrue(language("fa").rightToLeft());
        assertFalse(language("ru").rightToLeft());
    }

    @Test
    void languages_shouldEachHaveKeywordsForEveryCommand_andTheirCodeAsAnAlias() {
        for (Language language : CATALOGUE.languages()) {
            for (CommandWord command : CommandWord.values()) {
                assertFalse(language.keywords(command).isEmpty(), language.code() + " " + command);
            }
            assertTrue(language.aliases().stream().anyMatch(alias -> alias.equalsIgnoreCase(language.code())),
                    language.code());
        }
    }

    @Test
    void fallbackLanguage_shouldBeEnglish() {
        assertEquals("en", CATALOGUE.fallbackLanguage().code());
    }

    @Test
    void language_shouldFindTheLanguage_whenCodeIsInAnyCase() {
        assertEquals(Optional.of(language("ar")), CATALOGUE.language("AR"));
        assertEquals(Optional.empty(), CATALOGUE.language("xx"));
        assertEquals(Optional.empty(), CATALOGUE.language(null));
    }

    @Test
    void render_shouldFillInEveryPlaceholder() {
        String text = CATALOGUE.render(language("en"), MessageKey.STATUS_CALLED, Map.of("code", "A12", "desk", "3"));

        assertEquals("Number A12: it is your turn now! Please go to desk 3.", text);
    }

    @Test
    void render_shouldLeaveNoBraces_whenEveryMessageIsFilledWithItsValues() {
        for (Language language : CATALOGUE.languages()) {
            for (MessageKey key : MessageKey.values()) {
                String text = CATALOGUE.render(language, key, PlaceholderLimits.longestValues(key));
                assertFalse(text.contains("{") || text.contains("}"), language.code() + " " + key + ": " + text);
            }
        }
    }

    @Test
    void render_shouldFail_whenAValueIsGivenForAPlaceholderTheMessageDoesNotHave() {
        assertThrows(IllegalArgumentException.class,
                () -> CATALOGUE.render(language("fi"), MessageKey.LEFT, Map.of("code", "A1", "desk", "2")));
    }

    @Test
    void render_shouldFail_whenAPlaceholderTheTextUsesHasNoValue() {
        assertThrows(IllegalArgumentException.class,
                () -> CATALOGUE.render(language("fi"), MessageKey.LEFT, Map.of()));
    }

    @Test
    void render_shouldFail_whenTheLanguageHasNoMessageFile() {
        Language unknown = new Language("xx", "Xx", 99, false, List.of("XX"), Map.of());

        assertThrows(IllegalArgumentException.class, () -> CATALOGUE.render(unknown, MessageKey.UNKNOWN));
    }

    @Test
    void languageMenu_shouldNumberEveryLanguageByItsOwnName() {
        String menu = CATALOGUE.languageMenu();

        assertTrue(menu.startsWith("Vuoro:"), menu);
        List<Language> languages = CATALOGUE.languages();
        for (int i = 0; i < languages.size(); i++) {
            assertTrue(menu.contains((i + 1) + " " + languages.get(i).name()), menu);
        }
    }

    @Test
    void menuChoice_shouldGiveTheLanguageAtThatNumber() {
        assertEquals(Optional.of(language("fi")), CATALOGUE.menuChoice(1));
        assertEquals(Optional.of(language("ar")), CATALOGUE.menuChoice(4));
        assertEquals(Optional.empty(), CATALOGUE.menuChoice(0));
        assertEquals(Optional.empty(), CATALOGUE.menuChoice(CATALOGUE.languages().size() + 1));
    }

    @Test
    void languageName_shouldBeTheNameTheMessagesLanguageGivesIt() {
        assertEquals("dari/persia", CATALOGUE.languageName(language("fi"), "fa"));
        assertEquals("Arabic", CATALOGUE.languageName(language("en"), "ar"));
        assertEquals("الصومالية", CATALOGUE.languageName(language("ar"), "so"));
        assertEquals("українська", CATALOGUE.languageName(language("uk"), "uk"));
    }

    @Test
    void languageName_shouldFindTheNamedLanguage_whenItsCodeIsInAnyCase() {
        assertEquals("arabiska", CATALOGUE.languageName(language("sv"), " AR "));
    }

    @Test
    void languageName_shouldBeWrittenInEveryFile_forEveryLanguage() {
        Map<String, String> files = MessageFileFixture.realFiles();
        for (Language in : CATALOGUE.languages()) {
            String content = files.get(in.code() + ".properties");
            for (Language named : CATALOGUE.languages()) {
                assertTrue(Pattern.compile("(?m)^name\\." + named.code() + "=\\S").matcher(content).find(),
                        in.code() + ".properties should name " + named.code());
            }
        }
    }

    @Test
    void languageName_shouldBeTheLanguagesOwnName_whenTheMessagesFileDoesNotNameIt(@TempDir Path temp) throws IOException {
        Map<String, String> files = new TreeMap<>(MessageFileFixture.realFiles());
        files.put("fi.properties", MessageFileFixture.withoutEntry(files.get("fi.properties"), "name.so"));

        MessageCatalogue catalogue = MessageFileFixture.loadFrom(temp, files);

        assertEquals("Soomaali", catalogue.languageName(catalogue.language("fi").orElseThrow(), "so"));
        assertEquals("arabia", catalogue.languageName(catalogue.language("fi").orElseThrow(), "ar"));
    }

    @Test
    void languageName_shouldFail_whenNoMessageFileHasTheCode() {
        assertThrows(IllegalArgumentException.class, () -> CATALOGUE.languageName(language("fi"), "xx"));
        assertThrows(IllegalArgumentException.class, () -> CATALOGUE.languageName(language("fi"), null));
    }

    @Test
    void languageName_shouldFail_whenTheMessagesLanguageHasNoMessageFile() {
        Language unknown = new Language("xx", "Xx", 99, false, List.of("XX"), Map.of());

        assertThrows(IllegalArgumentException.class, () -> CATALOGUE.languageName(unknown, "fi"));
    }

    private static Language language(String code) {
        return CATALOGUE.language(code).orElseThrow();
    }
}
