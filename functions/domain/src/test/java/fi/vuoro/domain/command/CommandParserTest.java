package fi.vuoro.domain.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.Audience;
import fi.vuoro.domain.language.CommandWord;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();
    private static final CommandParser PARSER = new CommandParser(CATALOGUE);

    @ParameterizedTest(name = "{0} is {1} in {2}")
    @CsvSource({
            "JOIN, JOIN, en", "QUEUE, JOIN, en", "JONO, JOIN, fi", "KÖ, JOIN, sv", "SAF, JOIN, so",
            "طابور, JOIN, ar", "دور, JOIN, ar", "نوبت, JOIN, fa", "صف, JOIN, fa",
            "ОЧЕРЕДЬ, JOIN, ru", "ЧЕРГА, JOIN, uk",
            "TILANNE, STATUS, fi", "POIS, LEAVE, fi", "LEAVE, LEAVE, en", "APUA, HELP, fi", "HELP, HELP, en",
            "LANG, LANGUAGE, en", "KIELI, LANGUAGE, fi", "STOP, ERASE, en", "POISTA, ERASE, fi",
    })
    void parse_shouldRecognizeRequiredKeyword_inItsLanguage(String word, CommandWord command, String code) {
        ParsedCommand parsed = PARSER.parse(word, Optional.empty());

        assertInstanceOf(CommandWords.commandType(command), parsed.command());
        assertEquals(Optional.of(language(code)), parsed.keywordLanguage());
    }

    static Stream<Arguments> everyKeywordOfEveryLanguage() {
        return CATALOGUE.languages().stream().flatMap(language -> CommandWord.of(Audience.VISITOR).stream()
                .flatMap(command -> language.keywords(command).stream()
                        .map(word -> Arguments.of(language.code(), command, word))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyKeywordOfEveryLanguage")
    void parse_shouldRecognizeEveryKeyword_whenTheVisitorUsesThatLanguage(String code, CommandWord command, String word) {
        ParsedCommand parsed = PARSER.parse(word, Optional.of(language(code)));

        assertInstanceOf(CommandWords.commandType(command), parsed.command());
        assertEquals(Optional.of(language(code)), parsed.keywordLanguage());
    }

    static Stream<Arguments> englishKeywordsInEveryLanguage() {
        Language english = CATALOGUE.fallbackLanguage();
        return CATALOGUE.languages().stream().flatMap(language -> CommandWord.of(Audience.VISITOR).stream()
                .flatMap(command -> english.keywords(command).stream()
                        .map(word -> Arguments.of(language.code(), command, word))));
    }

    @ParameterizedTest(name = "{2} in {0}")
    @MethodSource("englishKeywordsInEveryLanguage")
    void parse_shouldAcceptEnglishKeywords_andKeepTheVisitorsLanguage(String code, CommandWord command, String word) {
        ParsedCommand parsed = PARSER.parse(word, Optional.of(language(code)));

        assertInstanceOf(CommandWords.commandType(command), parsed.command());
        assertEquals(Optional.of(language(code)), parsed.keywordLanguage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"  jono!! ", "Jono.", "jono", "JONO 🙂", "¡¡JONO!!", "\u200Fjono\u200E", "ＪＯＮＯ"})
    void parse_shouldRecognizeJoinWord_whenCaseSpacingAndPunctuationDiffer(String body) {
        ParsedCommand parsed = PARSER.parse(body, Optional.empty());

        assertEquals(new Command.Join(Optional.empty(), Optional.empty()), parsed.command());
        assertEquals(Optional.of(language("fi")), parsed.keywordLanguage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"KÖ", "ko", "Kö", "kö!", "KO."})
    void parse_shouldRecognizeJoinWord_whenAccentsAndPunctuationDiffer(String body) {
        ParsedCommand parsed = PARSER.parse(body, Optional.empty());

        assertInstanceOf(Command.Join.class, parsed.command());
        assertEquals(Optional.of(language("sv")), parsed.keywordLanguage());
    }

    @Test
    void parse_shouldRecognizeJoinWord_whenEmojiFollows() {
        assertEquals(Optional.of(language("en")), PARSER.parse("JOIN 🙂", Optional.empty()).keywordLanguage());
        assertInstanceOf(Command.Join.class, PARSER.parse("JOIN 🙂", Optional.empty()).command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"طَابُور", "طابـــور", "  طابور؟", "«طابور»"})
    void parse_shouldRecognizeArabicWord_whenHarakatTatweelOrArabicPunctuationAreAdded(String body) {
        ParsedCommand parsed = PARSER.parse(body, Optional.empty());

        assertInstanceOf(Command.Join.class, parsed.command());
        assertEquals(Optional.of(language("ar")), parsed.keywordLanguage());
    }

    @Test
    void parse_shouldRecognizePersianWord_whenWrittenWithArabicYehAndKaf() {
        assertInstanceOf(Command.Status.class, PARSER.parse("وضعيت", Optional.empty()).command());
        assertEquals(Optional.of(language("fa")), PARSER.parse("كمك", Optional.empty()).keywordLanguage());
    }

    @Test
    void parse_shouldRecognizeMultiWordKeyword_whenSpacingOrHyphenDiffers() {
        for (String body : new String[] {"KA BAX", "ka   bax!", "Ka-Bax"}) {
            ParsedCommand parsed = PARSER.parse(body, Optional.empty());
            assertInstanceOf(Command.Leave.class, parsed.command(), body);
            assertEquals(Optional.of(language("so")), parsed.keywordLanguage(), body);
        }
    }

    @Test
    void parse_shouldPreferTheVisitorsLanguage_whenAKeywordBelongsToSeveralLanguages() {
        assertEquals(Optional.of(language("en")), PARSER.parse("STATUS", Optional.of(language("en"))).keywordLanguage());
        assertEquals(Optional.of(language("sv")), PARSER.parse("STATUS", Optional.of(language("sv"))).keywordLanguage());
        assertEquals(Optional.of(language("uk")), PARSER.parse("СТАТУС", Optional.of(language("uk"))).keywordLanguage());
        assertEquals(Optional.of(language("fa")), PARSER.parse("خروج", Optional.of(language("fa"))).keywordLanguage());
    }

    @Test
    void parse_shouldTakeTheFirstLanguageInMenuOrder_whenAKeywordIsSharedAndNoLanguageIsKnown() {
        assertEquals(Optional.of(language("en")), PARSER.parse("STATUS", Optional.empty()).keywordLanguage(),
                "an English word from someone unknown is answered in English");
        assertEquals(Optional.of(language("ru")), PARSER.parse("СТАТУС", Optional.empty()).keywordLanguage());
        assertEquals(Optional.of(language("ar")), PARSER.parse("خروج", Optional.empty()).keywordLanguage());
    }

    @Test
    void parse_shouldUseTheKeywordsLanguage_whenTheVisitorsLanguageDoesNotHaveTheWord() {
        ParsedCommand parsed = PARSER.parse("TILANNE", Optional.of(language("ar")));

        assertInstanceOf(Command.Status.class, parsed.command());
        assertEquals(Optional.of(language("fi")), parsed.keywordLanguage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "JOIN AR, ar", "join ar, ar", "JONO ARABIA, ar", "QUEUE ARABIC, ar", "JOIN العربية, ar",
            "طابور عربي, ar", "JONO SOMALI, so", "SAF AF SOOMAALI, so", "KÖ dari, fa", "نوبت دری, fa",
            "JOIN Українська, uk", "ОЧЕРЕДЬ по-русски, ru", "JOIN English, en",
    })
    void parse_shouldReadTheLanguage_whenNamedAfterTheJoinWord(String body, String code) {
        assertEquals(new Command.Join(Optional.of(language(code)), Optional.empty()),
                PARSER.parse(body, Optional.empty()).command());
    }

    @Test
    void parse_shouldReadTheTopic_whenWordsFollowTheJoinWord() {
        assertEquals(new Command.Join(Optional.empty(), Optional.of("kela")),
                PARSER.parse("JONO Kela", Optional.empty()).command());
        assertEquals(new Command.Join(Optional.empty(), Optional.of("tyo asia")),
                PARSER.parse("jono:  TYÖ-asia!", Optional.empty()).command());
    }

    @Test
    void parse_shouldReadLanguageAndTopic_whenBothFollowTheJoinWord() {
        Command expected = new Command.Join(Optional.of(language("ar")), Optional.of("kela"));

        assertEquals(expected, PARSER.parse("JOIN AR KELA", Optional.empty()).command());
        assertEquals(expected, PARSER.parse("JOIN kela arabic", Optional.empty()).command());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LANG AR, ar, en", "KIELI AR, ar, fi", "kieli arabia, ar, fi", "LANGUAGE somali, so, en",
            "SPRÅK finska, fi, sv", "ЯЗЫК українська, uk, ru", "زبان فارسی, fa, fa", "KIELI 4, ar, fi"})
    void parse_shouldReadTheNewLanguage_whenNamedAfterTheLanguageWord(String body, String code, String keywordCode) {
        ParsedCommand parsed = PARSER.parse(body, Optional.empty());

        assertEquals(new Command.ChangeLanguage(Optional.of(language(code))), parsed.command());
        assertEquals(Optional.of(language(keywordCode)), parsed.keywordLanguage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"LANG", "LANG KLINGON", "KIELI 42", "lang ?"})
    void parse_shouldChangeToNoLanguage_whenNoKnownLanguageFollowsTheLanguageWord(String body) {
        assertEquals(new Command.ChangeLanguage(Optional.empty()), PARSER.parse(body, Optional.empty()).command());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"3, 3", "' 4. ', 4", "#1, 1", "٤, 4", "۶, 6", "3️⃣, 3", "99, 99", "08, 8"})
    void parse_shouldReadAMenuChoice_whenTheWholeTextIsANumber(String body, int number) {
        ParsedCommand parsed = PARSER.parse(body, Optional.empty());

        assertEquals(new Command.MenuChoice(number), parsed.command());
        assertEquals(Optional.empty(), parsed.keywordLanguage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "100", "3 4", "1.5", "-"})
    void parse_shouldNotReadAMenuChoice_whenTheNumberIsOutOfRangeOrNotAlone(String body) {
        assertInstanceOf(Command.Unknown.class, PARSER.parse(body, Optional.empty()).command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "Hei, mitä kuuluu?", "   ", "🙂🙂", "?", "hei JONO", "JOINT", "JONOT",
            "مرحبا", "Привет", "Z999"})
    void parse_shouldBeUnknown_whenNoKeywordStartsTheText(String body) {
        ParsedCommand parsed = PARSER.parse(body, Optional.empty());

        assertEquals(new Command.Unknown(), parsed.command());
        assertEquals(Optional.empty(), parsed.keywordLanguage());
    }

    static Stream<Arguments> everyInterpreterKeywordOfEveryLanguage() {
        return CATALOGUE.languages().stream().flatMap(language -> Stream.of(CommandWord.values())
                .filter(command -> !command.isFor(Audience.VISITOR))
                .flatMap(command -> language.keywords(command).stream()
                        .map(word -> Arguments.of(language.code(), command, word))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyInterpreterKeywordOfEveryLanguage")
    void parse_shouldBeUnknown_whenAVisitorSendsAnInterpretersWord(String code, CommandWord command, String word) {
        assertEquals(new ParsedCommand(new Command.Unknown(), Optional.empty()),
                PARSER.parse(word + " 7", Optional.of(language(code))));
        assertEquals(new ParsedCommand(new Command.Unknown(), Optional.empty()), PARSER.parse(word, Optional.empty()));
    }

    @Test
    void parse_shouldKeepAnInterpretersWordInTheTopic_whenItFollowsTheJoinWord() {
        assertEquals(new Command.Join(Optional.empty(), Optional.of("yes")),
                PARSER.parse("JOIN yes", Optional.empty()).command());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parse_shouldBeUnknown_whenTheTextIsNullOrEmpty(String body) {
        assertEquals(new Command.Unknown(), PARSER.parse(body, Optional.empty()).command());
    }

    @Test
    void parse_shouldNotThrow_whenTheVisitorsLanguageIsNull() {
        assertInstanceOf(Command.Join.class, PARSER.parse("JOIN", null).command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CANCEL", "cancel", "Cancel please", "UNSUBSCRIBE", "END", "QUIT", "STOPALL"})
    void parse_shouldNeverTreatCarrierOptOutWordsAsLeave(String body) {
        Command command = PARSER.parse(body, Optional.empty()).command();

        assertNotEquals(new Command.Leave(), command);
        assertEquals(new Command.Erase(), command);
    }

    @Test
    void parse_shouldReadAJoin_whenTheTextIs2000CharactersLong() {
        String body = "JONO " + "kela ".repeat(399);
        assertEquals(2_000, body.length());

        Command command = PARSER.parse(body, Optional.empty()).command();

        assertInstanceOf(Command.Join.class, command);
        assertTrue(((Command.Join) command).topic().orElseThrow().startsWith("kela kela"));
    }

    @Test
    void parse_shouldReadTheKeyword_whenScriptsAndEmojiAreMixed() {
        assertInstanceOf(Command.Status.class, PARSER.parse("СТАТУС 🙏 please حالة", Optional.empty()).command());
        assertEquals(new Command.Join(Optional.of(language("ar")), Optional.of("ok")),
                PARSER.parse("👋 JOIN عربي ok", Optional.empty()).command());
    }

    @Test
    void parse_shouldNeverThrow_whenTheTextIsRandom() {
        Random random = new Random(7);
        String[] pieces = {"JOIN", "jono", "ک", "ي", "\u0640", "\u064E", "🙂", "\uD83D", "\uDE42", " ", "!", "3",
                "٣", "\u200C", "Ö", "ЧЕРГА", "\u0301", "\uFEFF", "\n", "ka", "bax"};
        for (int round = 0; round < 1_000; round++) {
            StringBuilder body = new StringBuilder();
            int length = random.nextInt(2_000);
            while (body.length() < length) {
                body.append(random.nextBoolean() ? pieces[random.nextInt(pieces.length)] : (char) random.nextInt(0x10000));
            }
            ParsedCommand parsed = PARSER.parse(body.toString(), Optional.empty());
            assertTrue(parsed.command() != null);
        }
    }

    private static Language language(String code) {
        return CATALOGUE.language(code).orElseThrow();
    }
}
