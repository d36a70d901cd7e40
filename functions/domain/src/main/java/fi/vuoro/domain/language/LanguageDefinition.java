package fi.vuoro.domain.language;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One language as its message file defines it: the language and its message texts.
 *
 * @param source    the file it came from, for error messages
 * @param language  the language with its keywords
 * @param templates a text for every {@link MessageKey}
 */
record LanguageDefinition(String source, Language language, Map<MessageKey, MessageTemplate> templates) {

    LanguageDefinition {
        templates = Collections.unmodifiableMap(new EnumMap<>(templates));
    }
}
