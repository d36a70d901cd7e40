package fi.vuoro.domain.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A language visitors can use, as declared by its message file.
 *
 * @param code        ISO 639-1 code, also the message file's name ({@code fi} for {@code fi.properties})
 * @param name        the language's own name for itself, shown in the language menu
 * @param order       position in the language menu
 * @param rightToLeft whether the script runs right to left (Arabic, Dari/Persian)
 * @param aliases     words a visitor may write after a keyword to name this language
 * @param keywords    the words of each command, the first of each list being the one messages show
 */
public record Language(String code, String name, int order, boolean rightToLeft, List<String> aliases,
                       Map<CommandWord, List<String>> keywords) {

    public Language {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        EnumMap<CommandWord, List<String>> copy = new EnumMap<>(CommandWord.class);
        keywords.forEach((command, words) -> copy.put(command, List.copyOf(words)));
        keywords = Collections.unmodifiableMap(copy);
    }

    /** All keywords of one command in this language; empty when the file lists none. */
    public List<String> keywords(CommandWord command) {
        return keywords.getOrDefault(command, List.of());
    }

    /** The keyword messages tell visitors to send for this command. */
    public String keyword(CommandWord command) {
        List<String> words = keywords(command);
        if (words.isEmpty()) {
            throw new IllegalStateException("Language " + code + " has no keyword for " + command);
        }
        return words.get(0);
    }

    /** Every word that names this language after a keyword: its aliases, its code and its own name. */
    public List<String> recognisedNames() {
        List<String> names = new ArrayList<>(aliases);
        names.add(code);
        names.add(name);
        return List.copyOf(names);
    }

    @Override
    public String toString() {
        return "Language[" + code + "]";
    }
}
