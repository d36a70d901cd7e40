package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.language.Audience;
import fi.vuoro.domain.language.KeywordTable;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.PlaceholderLimits;
import fi.vuoro.domain.language.TextNormalizer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Reads an interpreter's SMS with the interpreters' keywords of every language, and the help and erasure
 * words visitors use too. It is as forgiving as the visitors' parser about case, accents, Arabic-script
 * spelling, spacing, punctuation and emoji, and reads the numbers of answers in any script, touching the
 * keyword or not ({@code YES41}, {@code نعم ٤١}). It never throws on what an interpreter sends.
 *
 * <p>Words after {@code YES 41}, {@code HERE}, {@code OUT} and the like are ignored, as a visitor's are after
 * a keyword. Availability is read strictly: {@code IN}, or {@code IN} and hours, and nothing else. Whatever
 * else follows may change which hours, or which day, are meant ({@code IN tomorrow}), and a wrong guess sends
 * requests to someone who cannot come; such a text is unknown, and its reply shows the words that work.
 */
public final class InterpreterCommandParser {

    private final KeywordTable keywords;

    public InterpreterCommandParser(MessageCatalogue catalogue) {
        this.keywords = new KeywordTable(Objects.requireNonNull(catalogue, "catalogue"), Audience.INTERPRETER);
    }

    /**
     * @param text  the SMS text; may be null or empty
     * @param known the interpreter's stored language, used when a keyword belongs to several languages
     */
    public ParsedInterpreterCommand parse(String text, Optional<Language> known) {
        String prepared = InterpreterText.prepare(text);
        List<String> words = TextNormalizer.words(prepared);
        Optional<KeywordTable.Match> found = keywords.match(words, known);
        if (found.isEmpty()) {
            return ParsedInterpreterCommand.withoutKeyword();
        }
        KeywordTable.Match match = found.get();
        List<String> rest = words.subList(match.wordCount(), words.size());
        InterpreterCommand command = switch (match.command()) {
            case YES -> answer(rest, InterpreterCommand.Yes::new);
            case NO -> answer(rest, InterpreterCommand.No::new);
            case HERE -> new InterpreterCommand.Here();
            case AVAILABLE -> available(prepared, match.wordCount(), rest);
            case AWAY -> new InterpreterCommand.Away();
            case HELP -> new InterpreterCommand.Help();
            case ERASE -> new InterpreterCommand.Erase();
            case JOIN, STATUS, LEAVE, LANGUAGE -> throw new IllegalStateException(
                    "The interpreters' keyword table holds " + match.command() + ", a visitor's command");
        };
        return new ParsedInterpreterCommand(command, Optional.of(match.language()));
    }

    /** {@code YES}, {@code YES 41}, {@code YES please}: a number right after the keyword is the request's. */
    private static InterpreterCommand answer(List<String> rest, Function<OptionalInt, InterpreterCommand> answer) {
        if (rest.isEmpty() || !isNumber(rest.get(0))) {
            return answer.apply(OptionalInt.empty());
        }
        OptionalInt offer = offerNumber(rest.get(0));
        return offer.isPresent() ? answer.apply(offer) : new InterpreterCommand.Unknown();
    }

    /** {@code IN} alone, or with hours that end the text and follow the keyword directly. */
    private static InterpreterCommand available(String prepared, int keywordWords, List<String> rest) {
        if (rest.isEmpty()) {
            return new InterpreterCommand.Available(Optional.empty());
        }
        Optional<TimeWindowReader.Found> found = TimeWindowReader.atEnd(prepared);
        if (found.isEmpty() || found.get().window().isEmpty()
                || TextNormalizer.words(prepared.substring(0, found.get().start())).size() != keywordWords) {
            return new InterpreterCommand.Unknown();
        }
        return new InterpreterCommand.Available(found.get().window());
    }

    private static boolean isNumber(String word) {
        return !word.isEmpty() && word.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The request number, 1 to {@link PlaceholderLimits#MAX_OFFER}; leading zeros are fine ({@code 07}). */
    private static OptionalInt offerNumber(String digits) {
        String significant = digits.replaceFirst("^0+", "");
        if (significant.isEmpty() || significant.length() > String.valueOf(PlaceholderLimits.MAX_OFFER).length()) {
            return OptionalInt.empty();
        }
        int number = Integer.parseInt(significant);
        return number <= PlaceholderLimits.MAX_OFFER ? OptionalInt.of(number) : OptionalInt.empty();
    }
}
