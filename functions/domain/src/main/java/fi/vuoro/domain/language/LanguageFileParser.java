package fi.vuoro.domain.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns one message file into a {@link LanguageDefinition}, checking everything that can be checked
 * within the file, and failing with the file and entry named.
 */
final class LanguageFileParser {

    static final String CODE = "language.code";
    static final String NAME = "language.name";
    static final String ORDER = "language.order";
    static final String DIRECTION = "language.direction";
    static final String ALIASES = "language.aliases";
    /** {@code name.ar=arabia}: how this language writes another language's name, e.g. in an interpreting request. */
    static final String NAME_PREFIX = "name.";

    private static final Set<String> METADATA = Set.of(CODE, NAME, ORDER, DIRECTION, ALIASES);
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");

    private final MessageFile file;

    private LanguageFileParser(MessageFile file) {
        this.file = file;
    }

    /** Whether the file declares a language at all; a file that does not is not one of ours. */
    static boolean declaresLanguage(MessageFile file) {
        return file.entries().containsKey(CODE);
    }

    static LanguageDefinition parse(MessageFile file) {
        return new LanguageFileParser(file).parse();
    }

    private LanguageDefinition parse() {
        rejectUnknownEntries();
        String code = required(CODE);
        if (!LANGUAGE_CODE.matcher(code).matches() || !code.equals(file.baseName())) {
            throw fail(CODE, "is '" + code + "' but must be the lower-case ISO code the file is named after ('"
                    + file.baseName() + "')");
        }
        Map<CommandWord, List<String>> keywords = new EnumMap<>(CommandWord.class);
        for (CommandWord command : CommandWord.values()) {
            keywords.put(command, keywords(command));
        }
        Language language = new Language(code, ownName(), order(), rightToLeft(), aliases(), keywords);
        Map<MessageKey, MessageTemplate> templates = new EnumMap<>(MessageKey.class);
        for (MessageKey key : MessageKey.values()) {
            templates.put(key, template(key, language));
        }
        Map<PageText, MessageTemplate> pageTexts = new EnumMap<>(PageText.class);
        for (PageText text : PageText.values()) {
            pageTexts.put(text, template(text.key(), text.placeholders()));
        }
        return new LanguageDefinition(file.path(), language, templates, pageTexts, languageNames());
    }

    private void rejectUnknownEntries() {
        Set<String> known = new HashSet<>(METADATA);
        for (CommandWord command : CommandWord.values()) {
            known.add(command.propertyKey());
        }
        for (MessageKey key : MessageKey.values()) {
            known.add(key.key());
        }
        for (PageText text : PageText.values()) {
            known.add(text.key());
        }
        List<String> unknown = new ArrayList<>(file.entries().stringPropertyNames());
        unknown.removeAll(known);
        unknown.removeIf(entry -> entry.startsWith(NAME_PREFIX));
        if (!unknown.isEmpty()) {
            Collections.sort(unknown);
            throw fail(unknown.get(0), "is not a known entry (a misspelt key?)");
        }
    }

    /** The language's own name, shown in the menu; it also names the language where another file does not. */
    private String ownName() {
        return requireNameLength(NAME, required(NAME));
    }

    /** Language code to this language's name for it, from the {@code name.*} entries. */
    private Map<String, String> languageNames() {
        Map<String, String> names = new TreeMap<>();
        for (String entry : file.entries().stringPropertyNames()) {
            if (!entry.startsWith(NAME_PREFIX)) {
                continue;
            }
            String code = entry.substring(NAME_PREFIX.length());
            if (!LANGUAGE_CODE.matcher(code).matches()) {
                throw fail(entry, "must be " + NAME_PREFIX + "<code>, with the lower-case ISO code of a language");
            }
            String name = required(entry);
            requireWords(entry, name);
            names.put(code, requireNameLength(entry, name));
        }
        return names;
    }

    /** A language's name fills {language} in messages, which are only checked to fit with names this long. */
    private String requireNameLength(String key, String name) {
        if (name.length() > PlaceholderLimits.LANGUAGE_MAX_LENGTH) {
            throw fail(key, "'" + name + "' is " + name.length() + " characters; a language's name fills {language} "
                    + "in messages and may be at most " + PlaceholderLimits.LANGUAGE_MAX_LENGTH);
        }
        return name;
    }

    private int order() {
        String value = required(ORDER);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw fail(ORDER, "must be a whole number, not '" + value + "'");
        }
    }

    private boolean rightToLeft() {
        String value = required(DIRECTION);
        return switch (value) {
            case "ltr" -> false;
            case "rtl" -> true;
            default -> throw fail(DIRECTION, "must be ltr or rtl, not '" + value + "'");
        };
    }

    private List<String> aliases() {
        List<String> aliases = list(ALIASES);
        for (String alias : aliases) {
            requireWords(ALIASES, alias);
        }
        return aliases;
    }

    private List<String> keywords(CommandWord command) {
        String key = command.propertyKey();
        List<String> words = list(key);
        for (String word : words) {
            String normalized = requireWords(key, word);
            if (command != CommandWord.ERASE && CarrierOptOutWords.contains(normalized)) {
                throw fail(key, "'" + word + "' is a carrier opt-out word: it stops all messages, so it may "
                        + "only be used in keyword.erase");
            }
        }
        return words;
    }

    /** An SMS: its text, and the words and values its reader must be given. */
    private MessageTemplate template(MessageKey key, Language language) {
        MessageTemplate template = template(key.key(), key.placeholders());
        for (Placeholder required : key.requiredOnce()) {
            int uses = template.uses(required.id());
            if (uses != 1) {
                throw fail(key.key(), "must use {" + required.id() + "} exactly once, not " + uses + " times");
            }
        }
        String words = " " + TextNormalizer.normalize(template.text()) + " ";
        for (CommandWord command : key.namedCommands()) {
            String shown = language.keyword(command);
            if (!words.contains(" " + TextNormalizer.normalize(shown) + " ")) {
                throw fail(key.key(), "must tell its reader to send " + shown + " (the first word of "
                        + command.propertyKey() + ")");
            }
        }
        return template;
    }

    /** Any text of the file: a template that uses only the placeholders its entry declares. */
    private MessageTemplate template(String key, List<Placeholder> allowed) {
        MessageTemplate template;
        try {
            template = MessageTemplate.parse(required(key));
        } catch (IllegalArgumentException e) {
            throw fail(key, e.getMessage());
        }
        for (String placeholder : template.placeholders()) {
            if (allowed.stream().noneMatch(p -> p.id().equals(placeholder))) {
                throw fail(key, "uses {" + placeholder + "}, which this text does not have; it may use "
                        + allowed.stream().map(p -> "{" + p.id() + "}").toList());
            }
        }
        return template;
    }

    /** Checks that a keyword or alias leaves words to match after normalizing, and not only digits. */
    private String requireWords(String key, String value) {
        String normalized = TextNormalizer.normalize(value);
        if (normalized.isEmpty() || normalized.chars().noneMatch(Character::isLetter)) {
            throw fail(key, "'" + value + "' has no letters to match");
        }
        return normalized;
    }

    private List<String> list(String key) {
        List<String> values = new ArrayList<>();
        for (String value : required(key).split(",", -1)) {
            String trimmed = value.strip();
            if (trimmed.isEmpty()) {
                throw fail(key, "has an empty item in its comma-separated list");
            }
            values.add(trimmed);
        }
        return values;
    }

    private String required(String key) {
        String value = file.entries().getProperty(key);
        if (value == null || value.isBlank()) {
            throw fail(key, "is missing or empty");
        }
        return value.strip();
    }

    private MessageCatalogueException fail(String key, String problem) {
        return new MessageCatalogueException(file.path() + ": " + key + " " + problem);
    }
}
