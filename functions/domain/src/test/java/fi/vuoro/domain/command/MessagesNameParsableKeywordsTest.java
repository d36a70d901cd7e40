package fi.vuoro.domain.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.Audience;
import fi.vuoro.domain.language.CommandWord;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.language.PlaceholderLimits;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A visitor who sends back the word a message tells them to send must get what the message promised. */
class MessagesNameParsableKeywordsTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();
    private static final CommandParser PARSER = new CommandParser(CATALOGUE);

    static Stream<Arguments> everyLanguageAndMessage() {
        return CATALOGUE.languages().stream()
                .flatMap(language -> Stream.of(MessageKey.values())
                        .filter(key -> key.audience() == Audience.VISITOR)
                        .map(key -> Arguments.of(language.code(), key)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyLanguageAndMessage")
    void wordsNamedInAMessage_shouldParseAsTheirCommand_inThatLanguage(String code, MessageKey key) {
        Language language = CATALOGUE.language(code).orElseThrow();
        String text = CATALOGUE.render(language, key, PlaceholderLimits.longestValues(key));

        for (CommandWord command : key.namedCommands()) {
            String word = language.keyword(command);
            assertTrue(text.contains(word), () -> code + " " + key.key() + " should name " + word + ": " + text);

            ParsedCommand fromVisitor = PARSER.parse(word, Optional.of(language));
            assertInstanceOf(CommandWords.commandType(command), fromVisitor.command(), code + " " + word);
            assertEquals(Optional.of(language), fromVisitor.keywordLanguage(), code + " " + word);

            ParsedCommand fromNewcomer = PARSER.parse(word, Optional.empty());
            assertInstanceOf(CommandWords.commandType(command), fromNewcomer.command(), code + " " + word);
        }
    }
}
