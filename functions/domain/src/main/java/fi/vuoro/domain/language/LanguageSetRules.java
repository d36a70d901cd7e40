package fi.vuoro.domain.language;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks what no single file can: that the languages together are unambiguous. A visitor's word must
 * lead to one command and one language, whatever language they write in.
 */
final class LanguageSetRules {

    private LanguageSetRules() {
    }

    static void check(List<LanguageDefinition> definitions, String fallbackCode) {
        if (definitions.isEmpty()) {
            throw new MessageCatalogueException("No message files found under " + MessageFileLocator.DIRECTORY
                    + "/ on the class path");
        }
        if (definitions.stream().noneMatch(definition -> definition.language().code().equals(fallbackCode))) {
            throw new MessageCatalogueException(MessageFileLocator.DIRECTORY + "/" + fallbackCode
                    + ".properties is missing: it is the fallback language");
        }
        checkMenuOrder(definitions);
        checkKeywordsMeanOneCommand(definitions);
        checkAliasesNameOneLanguage(definitions);
        checkNamedLanguagesExist(definitions);
    }

    private static void checkMenuOrder(List<LanguageDefinition> definitions) {
        Map<Integer, String> sources = new HashMap<>();
        for (LanguageDefinition definition : definitions) {
            String earlier = sources.putIfAbsent(definition.language().order(), definition.source());
            if (earlier != null) {
                throw new MessageCatalogueException(definition.source() + ": " + LanguageFileParser.ORDER + " "
                        + definition.language().order() + " is already used by " + earlier);
            }
        }
    }

    /** The same word may serve one command in several languages (STATUS), never two commands. */
    private static void checkKeywordsMeanOneCommand(List<LanguageDefinition> definitions) {
        Map<String, Use> uses = new HashMap<>();
        for (LanguageDefinition definition : definitions) {
            for (CommandWord command : CommandWord.values()) {
                for (String word : definition.language().keywords(command)) {
                    Use use = new Use(command.propertyKey(), definition.source(), word);
                    Use earlier = uses.putIfAbsent(TextNormalizer.normalize(word), use);
                    if (earlier != null && !earlier.key().equals(use.key())) {
                        throw new MessageCatalogueException(use.source() + ": " + use.key() + " '" + word
                                + "' is also " + earlier.key() + " '" + earlier.word() + "' in " + earlier.source());
                    }
                }
            }
        }
    }

    private static void checkAliasesNameOneLanguage(List<LanguageDefinition> definitions) {
        Map<String, Use> uses = new HashMap<>();
        for (LanguageDefinition definition : definitions) {
            for (String name : definition.language().recognisedNames()) {
                Use use = new Use(definition.language().code(), definition.source(), name);
                Use earlier = uses.putIfAbsent(TextNormalizer.normalize(name), use);
                if (earlier != null && !earlier.key().equals(use.key())) {
                    throw new MessageCatalogueException(use.source() + ": " + LanguageFileParser.ALIASES + " '" + name
                            + "' already names another language in " + earlier.source());
                }
            }
        }
    }

    /** A name for a language no file defines is a misspelt code, or one left behind when a language was removed. */
    private static void checkNamedLanguagesExist(List<LanguageDefinition> definitions) {
        Set<String> codes = new HashSet<>();
        definitions.forEach(definition -> codes.add(definition.language().code()));
        for (LanguageDefinition definition : definitions) {
            for (String code : new TreeSet<>(definition.languageNames().keySet())) {
                if (!codes.contains(code)) {
                    throw new MessageCatalogueException(definition.source() + ": " + LanguageFileParser.NAME_PREFIX + code
                            + " names a language that has no message file (" + MessageFileLocator.DIRECTORY + "/" + code
                            + ".properties)");
                }
            }
        }
    }

    /** Where a word was declared: under which key (or language), in which file. */
    private record Use(String key, String source, String word) {
    }
}
