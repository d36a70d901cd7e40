package fi.vuoro.domain.command;

import fi.vuoro.domain.language.Audience;
import fi.vuoro.domain.language.KeywordTable;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.TextNormalizer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a visitor's SMS. The keyword must start the message; case, accents, Arabic-script spelling
 * variants, spacing, punctuation and emoji around the words do not matter. The parser never throws
 * on what a visitor sends: anything it does not recognise is {@link Command.Unknown}. Only visitors' keywords
 * count: an interpreter's word (YES, HERE ...) from a visitor is as unknown as any other word.
 */
public final class CommandParser {

    private static final int MAX_MENU_NUMBER = 99;

    private final MessageCatalogue catalogue;
    private final KeywordTable keywords;
    private final LanguageNames languageNames;

    public CommandParser(MessageCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.keywords = new KeywordTable(catalogue, Audience.VISITOR);
        this.languageNames = new LanguageNames(catalogue.languages());
    }

    /**
     * @param body      the SMS text; may be null or empty
     * @param preferred the visitor's stored language, used when a keyword belongs to several languages
     */
    public ParsedCommand parse(String body, Optional<Language> preferred) {
        List<String> words = TextNormalizer.words(body);
        if (words.isEmpty()) {
            return ParsedCommand.withoutKeyword(new Command.Unknown());
        }
        OptionalInt menuNumber = menuNumber(words);
        if (menuNumber.isPresent()) {
            return ParsedCommand.withoutKeyword(new Command.MenuChoice(menuNumber.getAsInt()));
        }
        Optional<KeywordTable.Match> found = keywords.match(words, preferred);
        if (found.isEmpty()) {
            return ParsedCommand.withoutKeyword(new Command.Unknown());
        }
        KeywordTable.Match match = found.get();
        List<String> rest = words.subList(match.wordCount(), words.size());
        Command command = switch (match.command()) {
            case JOIN -> join(rest);
            case STATUS -> new Command.Status();
            case LEAVE -> new Command.Leave();
            case HELP -> new Command.Help();
            case LANGUAGE -> new Command.ChangeLanguage(namedLanguage(rest));
            case ERASE -> new Command.Erase();
            case YES, NO, HERE, AVAILABLE, AWAY -> throw new IllegalStateException(
                    "The visitors' keyword table holds " + match.command() + ", an interpreter's command");
        };
        return new ParsedCommand(command, Optional.of(match.language()));
    }

    /** A language name may come right after the keyword or at the end; whatever else is left is the topic. */
    private Command join(List<String> rest) {
        Optional<Language> language = Optional.empty();
        List<String> topic = rest;
        Optional<LanguageNames.Match> leading = languageNames.atStart(rest);
        if (leading.isPresent()) {
            language = Optional.of(leading.get().language());
            topic = rest.subList(leading.get().wordCount(), rest.size());
        } else {
            Optional<LanguageNames.Match> trailing = languageNames.atEnd(rest);
            if (trailing.isPresent()) {
                language = Optional.of(trailing.get().language());
                topic = rest.subList(0, rest.size() - trailing.get().wordCount());
            }
        }
        return new Command.Join(language, topic.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", topic)));
    }

    /** {@code LANG AR}, {@code KIELI ARABIA} or a number from the language menu: {@code LANG 4}. */
    private Optional<Language> namedLanguage(List<String> rest) {
        Optional<LanguageNames.Match> named = languageNames.atStart(rest);
        if (named.isPresent()) {
            return Optional.of(named.get().language());
        }
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        OptionalInt number = menuNumber(rest.subList(0, 1));
        return number.isPresent() ? catalogue.menuChoice(number.getAsInt()) : Optional.empty();
    }

    /** The number when the words are just one number from 1 to 99. */
    private static OptionalInt menuNumber(List<String> words) {
        if (words.size() != 1) {
            return OptionalInt.empty();
        }
        String word = words.get(0);
        if (word.isEmpty() || word.length() > 2 || !word.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        int number = Integer.parseInt(word);
        return number >= 1 && number <= MAX_MENU_NUMBER ? OptionalInt.of(number) : OptionalInt.empty();
    }
}
