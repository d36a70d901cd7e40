package fi.vuoro.domain.language;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One language as its message file defines it: the language, its SMS and page texts and its names of languages.
 *
 * @param source        the file it came from, for error messages
 * @param language      the language with its keywords
 * @param templates     a text for every {@link MessageKey}
 * @param pageTexts     a text for every {@link PageText}
 * @param languageNames language code to the name this language gives it; may lack some languages
 */
record LanguageDefinition(String source, Language language, Map<MessageKey, MessageTemplate> templates,
                          Map<PageText, MessageTemplate> pageTexts, Map<String, String> languageNames) {

    LanguageDefinition {
        templates = Collections.unmodifiableMap(new EnumMap<>(templates));
        pageTexts = Collections.unmodifiableMap(new EnumMap<>(pageTexts));
        languageNames = Map.copyOf(languageNames);
    }
}
