package fi.vuoro.domain.command;

import fi.vuoro.domain.language.CommandWord;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every keyword of every language, normalized once, so that a message is matched with a few map
 * look-ups. Keywords may be several words long; the longest one that starts the message wins.
 */
final class KeywordTable {

    /** A keyword phrase: its command and the languages that list it, in catalogue order. */
    private record Entry(CommandWord command, List<Language> languages) {
    }

    /**
     * A keyword found at the start of a message.
     *
     * @param command   the command it names
     * @param wordCount how many of the message's words it took
     * @param languages the languages that list it, in catalogue order
     * @param universal whether it is a fallback-language keyword, which every language accepts
     */
    record Match(CommandWord command, int wordCount, List<Language> languages, boolean universal) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final Set<String> universalPhrases = new HashSet<>();
    private int longestPhrase;

    KeywordTable(List<Language> languagesInOrder, Language fallback) {
        for (Language language : languagesInOrder) {
            for (CommandWord command : CommandWord.values()) {
                for (String keyword : language.keywords(command)) {
                    add(TextNormalizer.words(keyword), command, language);
                }
            }
        }
        for (CommandWord command : CommandWord.values()) {
            for (String keyword : fallback.keywords(command)) {
                universalPhrases.add(TextNormalizer.normalize(keyword));
            }
        }
    }

    private void add(List<String> words, CommandWord command, Language language) {
        if (words.isEmpty()) {
            return;
        }
        String phrase = String.join(" ", words);
        Entry entry = entries.computeIfAbsent(phrase, unused -> new Entry(command, new ArrayList<>()));
        if (entry.command() != command) {
            // The catalogue refuses such files; this guards against a table built from anything else.
            throw new IllegalArgumentException("Keyword '" + phrase + "' names both " + entry.command() + " and " + command);
        }
        if (!entry.languages().contains(language)) {
            entry.languages().add(language);
        }
        longestPhrase = Math.max(longestPhrase, words.size());
    }

    /** The longest keyword the words start with. */
    Optional<Match> match(List<String> words) {
        for (int count = Math.min(longestPhrase, words.size()); count > 0; count--) {
            String phrase = String.join(" ", words.subList(0, count));
            Entry entry = entries.get(phrase);
            if (entry != null) {
                return Optional.of(new Match(entry.command(), count, List.copyOf(entry.languages()),
                        universalPhrases.contains(phrase)));
            }
        }
        return Optional.empty();
    }
}
