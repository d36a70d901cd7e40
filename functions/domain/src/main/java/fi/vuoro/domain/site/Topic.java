package fi.vuoro.domain.site;

import fi.vuoro.domain.language.TextNormalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a visitor comes about at a site (Kela benefits, a residence permit ...): the word a visitor may text after
 * the join word ({@code JOIN KELA}), the letter of its ticket codes ({@code K12}) and its name per language code,
 * shown in the topic menu and to staff. A name falls back to the English one, which every topic has.
 */
public record Topic(String word, char letter, Map<String, String> names) {

    public static final int MAX_WORD_LENGTH = 20;
    public static final int MAX_NAME_LENGTH = 30;
    public static final String FALLBACK_NAME_LANGUAGE = "en";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{1," + MAX_WORD_LENGTH + "}");

    public Topic {
        if (!isValidWord(word)) {
            throw new IllegalArgumentException("A topic word is one word of 1-" + MAX_WORD_LENGTH
                    + " letters or digits, not only digits");
        }
        word = word.toUpperCase(Locale.ROOT);
        if (letter < 'A' || letter > 'Z') {
            throw new IllegalArgumentException("A topic's ticket letter is one of A-Z");
        }
        Objects.requireNonNull(names, "names");
        if (!names.containsKey(FALLBACK_NAME_LANGUAGE)) {
            throw new IllegalArgumentException("A topic has an English (en) name");
        }
        names.forEach((code, name) -> {
            if (!isValidName(name)) {
                throw new IllegalArgumentException("A topic name is 1-" + MAX_NAME_LENGTH + " characters");
            }
        });
        names = Map.copyOf(new TreeMap<>(names));
    }

    /** A word a topic can have; a word of digits only would be read as an answer to the topic menu. */
    public static boolean isValidWord(String word) {
        return word != null && WORD.matcher(word).matches() && !word.chars().allMatch(Character::isDigit);
    }

    /** A name a topic can have in one language. */
    public static boolean isValidName(String name) {
        return name != null && !name.isBlank() && name.length() <= MAX_NAME_LENGTH && name.strip().equals(name)
                && name.codePoints().noneMatch(Character::isISOControl);
    }

    /**
     * The topic a site stored before topics had letters and names: its word, the first free letter of the word
     * (then of A-Z) and the word as its English name.
     */
    public static Topic fromWord(String word, Set<Character> takenLetters) {
        String upper = word.toUpperCase(Locale.ROOT);
        char letter = 0;
        for (char c : (upper + "ABCDEFGHIJKLMNOPQRSTUVWXYZ").toCharArray()) {
            if (c >= 'A' && c <= 'Z' && !takenLetters.contains(c)) {
                letter = c;
                break;
            }
        }
        return new Topic(upper, letter == 0 ? 'A' : letter, Map.of(FALLBACK_NAME_LANGUAGE, upper));
    }

    /** The name in the language, or the English one when the topic has none in it. */
    public String name(String languageCode) {
        return names.getOrDefault(languageCode, names.get(FALLBACK_NAME_LANGUAGE));
    }

    /** Whether a visitor's word, in any form the command parser accepts (case, accents), names this topic. */
    public boolean isNamedBy(String visitorWord) {
        return TextNormalizer.normalize(word).equals(TextNormalizer.normalize(visitorWord));
    }
}
