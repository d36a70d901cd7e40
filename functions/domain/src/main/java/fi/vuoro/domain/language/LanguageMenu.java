package fi.vuoro.domain.language;

import java.util.List;

/**
 * The numbered list of languages sent to someone whose language is not known yet. It cannot be
 * written in one language, so it is only the product name and each language's own name.
 */
final class LanguageMenu {

    /** Recognisable in every script and already familiar from the site's posters. */
    static final String PREFIX = "Vuoro:";

    private LanguageMenu() {
    }

    /** {@code Vuoro:} then one line per language: {@code 1 Suomi}, {@code 2 Svenska}, ... */
    static String render(List<Language> languages) {
        StringBuilder menu = new StringBuilder(PREFIX);
        for (int i = 0; i < languages.size(); i++) {
            menu.append('\n').append(i + 1).append(' ').append(languages.get(i).name());
        }
        return menu.toString();
    }
}
