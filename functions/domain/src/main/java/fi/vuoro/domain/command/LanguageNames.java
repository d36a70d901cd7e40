package fi.vuoro.domain.command;

import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.TextNormalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The words that name a language (AR, ARABIC, العربية ...), normalized once for look-up. */
final class LanguageNames {

    /**
     * A language name found in a message.
     *
     * @param language  the language named
     * @param wordCount how many words the name took
     */
    record Match(Language language, int wordCount) {
    }

    private final Map<String, Language> byName = new HashMap<>();
    private int longestName;

    LanguageNames(List<Language> languages) {
        for (Language language : languages) {
            for (String name : language.recognisedNames()) {
                List<String> words = TextNormalizer.words(name);
                if (!words.isEmpty()) {
                    byName.putIfAbsent(String.join(" ", words), language);
                    longestName = Math.max(longestName, words.size());
                }
            }
        }
    }

    /** The longest language name the words start with. */
    Optional<Match> atStart(List<String> words) {
        for (int count = Math.min(longestName, words.size()); count > 0; count--) {
            Language language = byName.get(String.join(" ", words.subList(0, count)));
            if (language != null) {
                return Optional.of(new Match(language, count));
            }
        }
        return Optional.empty();
    }

    /** The longest language name the words end with. */
    Optional<Match> atEnd(List<String> words) {
        for (int count = Math.min(longestName, words.size()); count > 0; count--) {
            Language language = byName.get(String.join(" ", words.subList(words.size() - count, words.size())));
            if (language != null) {
                return Optional.of(new Match(language, count));
            }
        }
        return Optional.empty();
    }
}
