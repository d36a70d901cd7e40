package fi.vuoro.domain.language;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every language, every message to visitors and interpreters and the texts of visitors' pages, read from the
 * {@code messages/*.properties} files on the class path. A language is added by adding its file;
 * nothing here names a language except the fallback. Loading checks every file and fails at start-up
 * rather than at someone's message.
 */
public final class MessageCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(MessageCatalogue.class);

    /** Replies go in English when nothing tells the visitor's language. */
    public static final String FALLBACK_LANGUAGE_CODE = "en";

    private final List<Language> languages;
    private final Map<String, LanguageDefinition> byCode;
    private final Language fallback;
    private final String languageMenu;

    private MessageCatalogue(List<LanguageDefinition> definitions) {
        Map<String, LanguageDefinition> codes = new LinkedHashMap<>();
        definitions.stream()
                .sorted(Comparator.comparingInt(definition -> definition.language().order()))
                .forEach(definition -> codes.put(definition.language().code(), definition));
        this.byCode = codes;
        this.languages = codes.values().stream().map(LanguageDefinition::language).toList();
        this.fallback = codes.get(FALLBACK_LANGUAGE_CODE).language();
        this.languageMenu = LanguageMenu.render(languages);
    }

    /** Loads from the thread's context class loader, or from this module's when that finds nothing. */
    public static MessageCatalogue loadDefault() {
        ClassLoader own = MessageCatalogue.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != own
                && context.getResource(MessageFileLocator.DIRECTORY + "/" + FALLBACK_LANGUAGE_CODE + ".properties") != null) {
            return load(context);
        }
        return load(own);
    }

    /** Loads every message file the class loader can see; throws {@link MessageCatalogueException} on any fault. */
    public static MessageCatalogue load(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        List<LanguageDefinition> definitions = MessageFileLocator.locate(loader, FALLBACK_LANGUAGE_CODE + ".properties")
                .stream()
                .map(path -> MessageFileReader.read(loader, path))
                .filter(MessageCatalogue::isLanguageFile)
                .map(LanguageFileParser::parse)
                .toList();
        LanguageSetRules.check(definitions, FALLBACK_LANGUAGE_CODE);
        MessageCatalogue catalogue = new MessageCatalogue(definitions);
        LOG.info("Message catalogue loaded with languages {}",
                catalogue.languages.stream().map(Language::code).toList());
        return catalogue;
    }

    private static boolean isLanguageFile(MessageFile file) {
        if (LanguageFileParser.declaresLanguage(file)) {
            return true;
        }
        LOG.warn("Ignoring {}: it declares no {}", file.path(), LanguageFileParser.CODE);
        return false;
    }

    /** The languages in menu order. */
    public List<Language> languages() {
        return languages;
    }

    /** The language with this code ({@code fi}, {@code AR} ...), if there is one. */
    public Optional<Language> language(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byCode.get(code.strip().toLowerCase(Locale.ROOT)))
                .map(LanguageDefinition::language);
    }

    public Language fallbackLanguage() {
        return fallback;
    }

    /**
     * The message in the language with its placeholders filled in. Fails when a value is given for a
     * placeholder the message does not have, or a placeholder the text uses has no value: a reply that
     * reaches a visitor with {@code {code}} in it is worse than an error caught in testing.
     */
    public String render(Language language, MessageKey key, Map<String, String> values) {
        Objects.requireNonNull(key, "key");
        LanguageDefinition definition = definition(language);
        return fill(definition, key.key(), key::allows, definition.templates().get(key), values);
    }

    /** A message without placeholders. */
    public String render(Language language, MessageKey key) {
        return render(language, key, Map.of());
    }

    /**
     * A text of a page in the language, as plain text with its placeholders filled in: the page escapes it.
     * Fails, as {@link #render(Language, MessageKey, Map)} does, on a value the text has no placeholder for and
     * on a placeholder the text uses without a value.
     */
    public String page(Language language, PageText text, Map<String, String> values) {
        Objects.requireNonNull(text, "text");
        LanguageDefinition definition = definition(language);
        return fill(definition, text.key(), text::allows, definition.pageTexts().get(text), values);
    }

    /** A page text without placeholders. */
    public String page(Language language, PageText text) {
        return page(language, text, Map.of());
    }

    private static String fill(LanguageDefinition definition, String key, Predicate<String> allows,
                               MessageTemplate template, Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        for (String placeholder : values.keySet()) {
            if (!allows.test(placeholder)) {
                throw new IllegalArgumentException("Text " + key + " has no placeholder {" + placeholder + "}");
            }
        }
        if (template == null) {
            throw new IllegalStateException(definition.source() + ": " + key + " is missing");
        }
        try {
            return template.render(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(definition.source() + ": " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * The name of a language as written in another: {@code languageName(finnish, "fa")} is how a Finnish message
     * names Dari/Persian, for example when an interpreting request says which language is needed. A file that
     * does not name the language gives way to that language's own name, so adding a language stays adding one
     * file; whoever gets a request for a language speaks it, so its own name is always understood.
     *
     * @param in   the language of the message the name goes into
     * @param code the code of the language to name ({@code fa}, {@code AR} ...)
     * @throws IllegalArgumentException when either language has no message file
     */
    public String languageName(Language in, String code) {
        LanguageDefinition definition = definition(in);
        Language named = language(code).orElseThrow(
                () -> new IllegalArgumentException("No message file for language " + code));
        String name = definition.languageNames().get(named.code());
        return name != null ? name : named.name();
    }

    /** One SMS listing every language by number, for visitors whose language is not known yet. */
    public String languageMenu() {
        return languageMenu;
    }

    /** The language at this number of {@link #languageMenu()}, counting from 1. */
    public Optional<Language> menuChoice(int number) {
        if (number < 1 || number > languages.size()) {
            return Optional.empty();
        }
        return Optional.of(languages.get(number - 1));
    }

    private LanguageDefinition definition(Language language) {
        Objects.requireNonNull(language, "language");
        LanguageDefinition definition = byCode.get(language.code());
        if (definition == null) {
            throw new IllegalArgumentException("No message file for language " + language.code());
        }
        return definition;
    }
}
