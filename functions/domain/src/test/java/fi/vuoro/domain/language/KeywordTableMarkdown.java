package fi.vuoro.domain.language;

import java.util.List;
import java.util.stream.Collectors;

/** The keyword tables of docs/keywords.md, written from the message files so the document cannot drift. */
final class KeywordTableMarkdown {

    static final String START = "<!-- keyword tables: generated from the message files, checked by KeywordsDocumentationTest -->";
    static final String END = "<!-- end of keyword tables -->";
    static final String INTERPRETERS_START =
            "<!-- interpreter tables: generated from the message files, checked by KeywordsDocumentationTest -->";
    static final String INTERPRETERS_END = "<!-- end of interpreter tables -->";

    private KeywordTableMarkdown() {
    }

    static String render(MessageCatalogue catalogue) {
        StringBuilder md = new StringBuilder(START).append("\n\n");
        md.append("| # | Language | JOIN | STATUS | LEAVE | HELP | LANGUAGE | ERASE |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        List<Language> languages = catalogue.languages();
        for (int i = 0; i < languages.size(); i++) {
            Language language = languages.get(i);
            md.append("| ").append(i + 1).append(" | ").append(title(language));
            for (CommandWord command : CommandWord.of(Audience.VISITOR)) {
                md.append(" | ").append(words(language.keywords(command)));
            }
            md.append(" |\n");
        }
        md.append("\n| Language | Direction | Names accepted after JOIN or LANG (besides the code and the name) |\n");
        md.append("|---|---|---|\n");
        for (Language language : languages) {
            md.append("| ").append(title(language)).append(" | ").append(language.rightToLeft() ? "rtl" : "ltr")
                    .append(" | ").append(words(language.aliases())).append(" |\n");
        }
        return md.append('\n').append(END).toString();
    }

    /**
     * The interpreters' own words (their help and erasure words are the visitors'), then how each language
     * names each language in interpreting requests.
     */
    static String renderInterpreters(MessageCatalogue catalogue) {
        List<CommandWord> commands = CommandWord.of(Audience.INTERPRETER).stream()
                .filter(command -> !command.isFor(Audience.VISITOR))
                .toList();
        StringBuilder md = new StringBuilder(INTERPRETERS_START).append("\n\n| # | Language");
        commands.forEach(command -> md.append(" | ").append(command.name()));
        md.append(" |\n|---|---").append("|---".repeat(commands.size())).append("|\n");
        List<Language> languages = catalogue.languages();
        for (int i = 0; i < languages.size(); i++) {
            Language language = languages.get(i);
            md.append("| ").append(i + 1).append(" | ").append(title(language));
            for (CommandWord command : commands) {
                md.append(" | ").append(words(language.keywords(command)));
            }
            md.append(" |\n");
        }
        md.append("\n| Written in");
        languages.forEach(named -> md.append(" | `").append(named.code()).append('`'));
        md.append(" |\n|---").append("|---".repeat(languages.size())).append("|\n");
        for (Language in : languages) {
            md.append("| ").append(title(in));
            languages.forEach(named -> md.append(" | ").append(catalogue.languageName(in, named.code())));
            md.append(" |\n");
        }
        return md.append('\n').append(INTERPRETERS_END).toString();
    }

    private static String title(Language language) {
        return "`" + language.code() + "` " + language.name();
    }

    private static String words(List<String> words) {
        return words.stream().map(word -> "`" + word + "`").collect(Collectors.joining(", "));
    }
}
