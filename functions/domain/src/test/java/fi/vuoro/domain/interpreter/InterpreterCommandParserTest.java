package fi.vuoro.domain.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import fi.vuoro.domain.interpreter.InterpreterCommand.Available;
import fi.vuoro.domain.interpreter.InterpreterCommand.Away;
import fi.vuoro.domain.interpreter.InterpreterCommand.Erase;
import fi.vuoro.domain.interpreter.InterpreterCommand.Help;
import fi.vuoro.domain.interpreter.InterpreterCommand.Here;
import fi.vuoro.domain.interpreter.InterpreterCommand.No;
import fi.vuoro.domain.interpreter.InterpreterCommand.Unknown;
import fi.vuoro.domain.interpreter.InterpreterCommand.Yes;
import fi.vuoro.domain.language.Audience;
import fi.vuoro.domain.language.CommandWord;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import java.time.LocalTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class InterpreterCommandParserTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();
    private static final InterpreterCommandParser PARSER = new InterpreterCommandParser(CATALOGUE);

    static Stream<Arguments> everyInterpreterKeywordOfEveryLanguage() {
        return CATALOGUE.languages().stream().flatMap(language -> CommandWord.of(Audience.INTERPRETER).stream()
                .flatMap(command -> language.keywords(command).stream()
                        .map(word -> Arguments.of(language.code(), command, word))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyInterpreterKeywordOfEveryLanguage")
    void parse_shouldRecognizeEveryKeyword_whenTheInterpreterUsesThatLanguage(String code, CommandWord command, String word) {
        ParsedInterpreterCommand parsed = PARSER.parse(word, Optional.of(language(code)));

        assertInstanceOf(InterpreterCommandWords.commandType(command), parsed.command());
        assertEquals(Optional.of(language(code)), parsed.keywordLanguage());
    }

    @ParameterizedTest(name = "{0} is {1} in {2}")
    @CsvSource({
            "YES, YES, en", "Y, YES, en", "KYLLÄ, YES, fi", "joo, YES, fi", "JA, YES, sv", "نعم, YES, ar", "HAA, YES, so",
            "بله, YES, fa", "آره, YES, fa", "ДА, YES, ru", "ТАК, YES, uk",
            "NO, NO, en", "EI, NO, fi", "NEJ, NO, sv", "لا, NO, ar", "MAYA, NO, so", "نه, NO, fa", "خیر, NO, fa",
            "НЕТ, NO, ru", "НІ, NO, uk",
            "HERE, HERE, en", "ARRIVED, HERE, en", "PAIKALLA, HERE, fi", "TÄÄLLÄ, HERE, fi", "HÄR, HERE, sv",
            "وصلت, HERE, ar", "JOOGA, HERE, so", "رسیدم, HERE, fa", "ЗДЕСЬ, HERE, ru", "ТУТ, HERE, uk",
            "IN, AVAILABLE, en", "AVAILABLE, AVAILABLE, en", "VAPAA, AVAILABLE, fi", "LEDIG, AVAILABLE, sv",
            "متاح, AVAILABLE, ar", "DIYAAR, AVAILABLE, so", "آزاد, AVAILABLE, fa", "СВОБОДЕН, AVAILABLE, ru",
            "СВОБОДНА, AVAILABLE, ru", "ВІЛЬНИЙ, AVAILABLE, uk", "ВІЛЬНА, AVAILABLE, uk",
            "OUT, AWAY, en", "AWAY, AWAY, en", "POISSA, AWAY, fi", "BORTA, AWAY, sv", "مشغول, AWAY, ar",
            "MAQAN, AWAY, so", "ЗАНЯТ, AWAY, ru", "ЗАНЯТА, AWAY, ru", "ЗАЙНЯТИЙ, AWAY, uk",
            "HELP, HELP, en", "APUA, HELP, fi", "مساعدة, HELP, ar", "کمک, HELP, fa",
            "STOP, ERASE, en", "POISTA, ERASE, fi", "حذف, ERASE, ar", "УДАЛИТЬ, ERASE, ru",
    })
    void parse_shouldRecognizeTheWord_inItsLanguage_whenTheSenderIsNotKnown(String word, CommandWord command, String code) {
        ParsedInterpreterCommand parsed = PARSER.parse(word, Optional.empty());

        assertInstanceOf(InterpreterCommandWords.commandType(command), parsed.command());
        assertEquals(Optional.of(language(code)), parsed.keywordLanguage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "YES 41, 41", "'yes, 41!', 41", "YES41, 41", "Yes #41, 41", "'  yes   41  ', 41", "YES 7 thanks, 7",
            "kyllä 7, 7", "KYLLÄ7, 7", "'Joo, 12', 12", "ja 3, 3", "HAA 99, 99", "ДА 5, 5", "так 5, 5", "YES 07, 7",
            "نعم ٤١, 41", "نعم٤١, 41", "بله ۴۱, 41", "بله۴۱, 41", "ＹＥＳ４１, 41", "\u200Fنعم \u200F41, 41", "YES 4️⃣1️⃣, 41",
    })
    void parse_shouldReadTheRequestNumber_whenItFollowsYes(String text, int offer) {
        assertEquals(new Yes(OptionalInt.of(offer)), PARSER.parse(text, Optional.empty()).command());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"NO 41, 41", "'no,41', 41", "N 3, 3", "EI 7, 7", "ei7, 7", "NEJ 12, 12", "لا ٤١, 41", "نه ۷, 7",
            "خیر 7, 7", "НЕТ 8, 8", "Ні 8, 8", "MAYA 1, 1"})
    void parse_shouldReadTheRequestNumber_whenItFollowsNo(String text, int offer) {
        assertEquals(new No(OptionalInt.of(offer)), PARSER.parse(text, Optional.empty()).command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"YES", "yes!", "Yes please", "kyllä kiitos", "👍 YES", "نعم"})
    void parse_shouldReadYesWithoutANumber_whenNoNumberFollows(String text) {
        assertEquals(new Yes(OptionalInt.empty()), PARSER.parse(text, Optional.empty()).command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NO", "No thanks", "ei käy", "НЕТ, спасибо"})
    void parse_shouldReadNoWithoutANumber_whenNoNumberFollows(String text) {
        assertEquals(new No(OptionalInt.empty()), PARSER.parse(text, Optional.empty()).command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"YES 0", "YES 100", "YES 4100", "NO 00", "kyllä 123", "نعم ١٠٠"})
    void parse_shouldBeUnknown_whenTheRequestNumberIsOutOfRange(String text) {
        assertEquals(new Unknown(), PARSER.parse(text, Optional.empty()).command());
    }

    @Test
    void parse_shouldKeepTheKeywordsLanguage_whenWhatFollowsCannotBeRead() {
        ParsedInterpreterCommand parsed = PARSER.parse("VAPAA 16-12", Optional.empty());

        assertEquals(new Unknown(), parsed.command());
        assertEquals(Optional.of(language("fi")), parsed.keywordLanguage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'IN 12-16', 12:00, 16:00", "'IN 9:30-13', 09:30, 13:00", "'VAPAA 12–16', 12:00, 16:00",
            "'in 12 - 16', 12:00, 16:00", "'IN 09.30-13.45', 09:30, 13:45", "'IN: 12-16.', 12:00, 16:00",
            "'IN12-16', 12:00, 16:00", "'LEDIG 8—11', 08:00, 11:00", "'AVAILABLE 0-23:59', 00:00, 23:59",
            "'متاح ١٢-١٦', 12:00, 16:00", "'آزاد ۹:۳۰-۱۳', 09:30, 13:00", "'آزاد ۹٫۳۰-۱۳', 09:30, 13:00",
            "'СВОБОДНА 10-14 🙂', 10:00, 14:00", "'вільний 10:00 – 14:00', 10:00, 14:00", "'DIYAAR 12~16', 12:00, 16:00",
    })
    void parse_shouldReadTheHours_whenTheyFollowTheAvailableWord(String text, LocalTime from, LocalTime to) {
        assertEquals(new Available(Optional.of(new TimeWindow(from, to))), PARSER.parse(text, Optional.empty()).command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"IN", "in!", "VAPAA", "Ledig.", "متاح", "🙂 AVAILABLE 🙂"})
    void parse_shouldBeAvailableAllDay_whenNoHoursFollow(String text) {
        assertEquals(new Available(Optional.empty()), PARSER.parse(text, Optional.empty()).command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"IN 16-12", "IN 12-12", "IN 25-26", "IN 9:75-12", "IN 12", "IN 12-", "IN 12-16-18",
            "IN tomorrow", "VAPAA huomenna 12-16", "IN 12-16 tomorrow", "IN 5 12-16", "IN 112-16", "IN 12:5-16"})
    void parse_shouldBeUnknown_whenWhatFollowsTheAvailableWordIsNotHours(String text) {
        assertEquals(new Unknown(), PARSER.parse(text, Optional.empty()).command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HERE", "here!", "Here now", "PAIKALLA", "täällä", "Här", "وصلت", "JOOGA", "رسیدم",
            "здесь", "ТУТ", "ARRIVED 🙂"})
    void parse_shouldReadHere(String text) {
        assertEquals(new Here(), PARSER.parse(text, Optional.empty()).command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"OUT", "out today", "AWAY!", "POISSA", "borta", "مشغول", "مشغولة", "MAQAN", "занят", "ЗАЙНЯТА"})
    void parse_shouldReadAway(String text) {
        assertEquals(new Away(), PARSER.parse(text, Optional.empty()).command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "help?", "INFO", "APUA", "ohje", "HJÄLP", "CAAWIMO", "مساعدة", "كمك", "ПОМОЩЬ", "ДОПОМОГА"})
    void parse_shouldReadHelp(String text) {
        assertEquals(new Help(), PARSER.parse(text, Optional.empty()).command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", "CANCEL", "UNSUBSCRIBE", "QUIT", "END", "POISTA", "RADERA", "TIRTIR",
            "حذف", "پاک", "СТОП", "ВИДАЛИТИ"})
    void parse_shouldReadErase_whenTheVisitorsErasureWordsAreSent(String text) {
        assertEquals(new Erase(), PARSER.parse(text, Optional.empty()).command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "41", "٤١", "JOIN", "JONO", "STATUS", "LEAVE", "LANG AR", "طابور", "ok YES 41",
            "YESS", "INN", "OUTSIDE", "🙂", "?", "   "})
    void parse_shouldBeUnknown_whenNoInterpretersKeywordStartsTheText(String text) {
        assertEquals(new ParsedInterpreterCommand(new Unknown(), Optional.empty()), PARSER.parse(text, Optional.empty()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parse_shouldBeUnknown_whenTheTextIsNullOrEmpty(String text) {
        assertEquals(new ParsedInterpreterCommand(new Unknown(), Optional.empty()), PARSER.parse(text, Optional.empty()));
    }

    @Test
    void parse_shouldAnswerInTheInterpretersLanguage_whenTheWordIsEnglishOrShared() {
        assertEquals(Optional.of(language("so")), PARSER.parse("YES 41", Optional.of(language("so"))).keywordLanguage());
        assertEquals(Optional.of(language("en")), PARSER.parse("YES 41", Optional.empty()).keywordLanguage());
        assertEquals(Optional.of(language("fa")), PARSER.parse("مشغول", Optional.of(language("fa"))).keywordLanguage());
        assertEquals(Optional.of(language("ar")), PARSER.parse("مشغول", Optional.empty()).keywordLanguage());
        assertEquals(Optional.of(language("ar")), PARSER.parse("بلى 3", Optional.of(language("ar"))).keywordLanguage());
        assertEquals(Optional.of(language("fa")), PARSER.parse("بلی 3", Optional.of(language("fa"))).keywordLanguage());
    }

    @Test
    void parse_shouldUseTheKeywordsLanguage_whenTheInterpretersLanguageDoesNotHaveTheWord() {
        ParsedInterpreterCommand parsed = PARSER.parse("KYLLÄ 4", Optional.of(language("ar")));

        assertEquals(new Yes(OptionalInt.of(4)), parsed.command());
        assertEquals(Optional.of(language("fi")), parsed.keywordLanguage());
    }

    @Test
    void parse_shouldNotThrow_whenTheInterpretersLanguageIsNull() {
        assertEquals(new Here(), PARSER.parse("HERE", null).command());
    }

    @Test
    void parse_shouldNeverThrow_whenTheTextIsRandom() {
        Random random = new Random(11);
        String[] pieces = {"YES", "in", "IN 12-16", "نعم", "٤", "۱", "-", "–", ":", ".", "\u066B", "\u0640", "\u064E",
                "🙂", "\uD83D", "\uDE42", " ", "!", "3", "\u200C", "\u200F", "Ö", "ТАК", "\u0301", "\uFEFF", "\n", "99"};
        for (int round = 0; round < 1_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(2_000);
            while (text.length() < length) {
                text.append(random.nextBoolean() ? pieces[random.nextInt(pieces.length)] : (char) random.nextInt(0x10000));
            }
            assertNotNull(PARSER.parse(text.toString(), Optional.empty()).command());
        }
    }

    @Test
    void parse_shouldReadTheHours_whenTheTextIsLong() {
        String text = "IN" + " ".repeat(3_000) + "12-16";

        assertEquals(new Available(Optional.of(new TimeWindow(LocalTime.of(12, 0), LocalTime.of(16, 0)))),
                PARSER.parse(text, Optional.empty()).command());
    }

    private static Language language(String code) {
        return CATALOGUE.language(code).orElseThrow();
    }
}
