package fi.vuoro.domain.language;

import java.util.List;
import java.util.stream.Collectors;

/** The keyword tables of docs/keywords.md, written from the message files so the document cannot drift. */
final class KeywordTableMarkdown {

    static final String START = "<!-- keyword tables: generated from the message files, checked by KeywordsDocumentationTest -->";
    static final String END = "<!-- end of keyword tables -->";

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

    private static String title(Language language) {
        return "`" + language.code() + "` " + language.name();
    }

    private static String words(List<String> words) {
        return words.stream().map(word -> "`" + word + "`").collect(Collectors.joining(", "));
    }
}
