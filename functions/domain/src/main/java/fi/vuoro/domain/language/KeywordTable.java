package fi.vuoro.domain.language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The keywords of one audience's commands in every language, normalized once, so that a message is matched
 * with a few map look-ups. Keywords may be several words long; the longest one that starts the message wins.
 * Words of the other audience's commands are not in the table: they mean nothing in this conversation.
 */
public final class KeywordTable {

    /** A keyword phrase: its command and the languages that list it, in catalogue order. */
    private record Entry(CommandWord command, List<Language> languages) {
    }

    /**
     * A keyword found at the start of a message.
     *
     * @param command   the command it names
     * @param wordCount how many of the message's words it took
     * @param language  the language the keyword is taken to be written in
     */
    public record Match(CommandWord command, int wordCount, Language language) {

        public Match {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(language, "language");
        }
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final Set<String> universalPhrases = new HashSet<>();
    private final Language fallback;
    private int longestPhrase;

    /** The keywords of the audience's commands, in every language of the catalogue. */
    public KeywordTable(MessageCatalogue catalogue, Audience audience) {
        Objects.requireNonNull(catalogue, "catalogue");
        Set<CommandWord> commands = CommandWord.of(Objects.requireNonNull(audience, "audience"));
        this.fallback = catalogue.fallbackLanguage();
        for (Language language : catalogue.languages()) {
            for (CommandWord command : commands) {
                for (String keyword : language.keywords(command)) {
                    add(TextNormalizer.words(keyword), command, language);
                }
            }
        }
        for (CommandWord command : commands) {
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

    /**
     * The longest keyword the normalized words start with.
     *
     * @param known the sender's stored language, which decides when the keyword belongs to several languages
     */
    public Optional<Match> match(List<String> words, Optional<Language> known) {
        Optional<Language> sender = known == null ? Optional.empty() : known;
        for (int count = Math.min(longestPhrase, words.size()); count > 0; count--) {
            String phrase = String.join(" ", words.subList(0, count));
            Entry entry = entries.get(phrase);
            if (entry != null) {
                return Optional.of(new Match(entry.command(), count,
                        keywordLanguage(entry, universalPhrases.contains(phrase), sender)));
            }
        }
        return Optional.empty();
    }

    /**
     * The sender's own language when the keyword is theirs or is one of the English words every language
     * accepts; else English for an English word; otherwise the first language, in menu order, that has it.
     */
    private Language keywordLanguage(Entry entry, boolean universal, Optional<Language> known) {
        if (known.isPresent()) {
            String code = known.get().code();
            Optional<Language> own = entry.languages().stream().filter(l -> l.code().equals(code)).findFirst();
            if (own.isPresent()) {
                return own.get();
            }
            if (universal) {
                return known.get();
            }
        }
        return universal ? fallback : entry.languages().get(0);
    }
}
