package fi.vuoro.domain.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.Audience;
import fi.vuoro.domain.language.CommandWord;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.language.PlaceholderLimits;
import java.time.LocalTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An interpreter who sends back the word a message tells them to send must get what the message promised. */
class InterpreterMessagesNameParsableKeywordsTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();
    private static final InterpreterCommandParser PARSER = new InterpreterCommandParser(CATALOGUE);

    static Stream<Arguments> everyLanguageAndInterpretersMessage() {
        return CATALOGUE.languages().stream().flatMap(language -> Stream.of(MessageKey.values())
                .filter(key -> key.audience() == Audience.INTERPRETER)
                .map(key -> Arguments.of(language.code(), key)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyLanguageAndInterpretersMessage")
    void wordsNamedInAMessage_shouldParseAsTheirCommand_inThatLanguage(String code, MessageKey key) {
        Language language = CATALOGUE.language(code).orElseThrow();
        String text = CATALOGUE.render(language, key, PlaceholderLimits.longestValues(key));

        for (CommandWord command : key.namedCommands()) {
            String word = language.keyword(command);
            assertTrue(text.contains(word), () -> code + " " + key.key() + " should name " + word + ": " + text);

            ParsedInterpreterCommand fromInterpreter = PARSER.parse(word, Optional.of(language));
            assertInstanceOf(InterpreterCommandWords.commandType(command), fromInterpreter.command(), code + " " + word);
            assertEquals(Optional.of(language), fromInterpreter.keywordLanguage(), code + " " + word);

            ParsedInterpreterCommand fromNewcomer = PARSER.parse(word, Optional.empty());
            assertInstanceOf(InterpreterCommandWords.commandType(command), fromNewcomer.command(), code + " " + word);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyLanguage")
    void shownWords_shouldParse_whenFollowedByARequestNumberOrHours(String code) {
        Language language = CATALOGUE.language(code).orElseThrow();

        assertEquals(new InterpreterCommand.Yes(OptionalInt.of(41)),
                PARSER.parse(language.keyword(CommandWord.YES) + " 41", Optional.of(language)).command());
        assertEquals(new InterpreterCommand.No(OptionalInt.of(41)),
                PARSER.parse(language.keyword(CommandWord.NO) + " 41", Optional.of(language)).command());
        assertEquals(new InterpreterCommand.Available(Optional.of(new TimeWindow(LocalTime.of(12, 0), LocalTime.of(16, 0)))),
                PARSER.parse(language.keyword(CommandWord.AVAILABLE) + " 12-16", Optional.of(language)).command());
    }

    static Stream<String> everyLanguage() {
        return CATALOGUE.languages().stream().map(Language::code);
    }
}
