package fi.vuoro.domain.testing;

import fi.vuoro.domain.language.CommandWord;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Text as hostile as a phone or a browser can send: any UTF-16 unit (lone surrogates too), right-to-left runs,
 * emoji made of surrogate pairs and joiners, combining marks, zero-width and control characters, HTML, real
 * keywords in every language glued to any of these, from empty to several thousand characters.
 */
public final class HostileText {

    private static final List<String> ODD = List.of(
            "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u200E", "\u200F", "\u202E", "\u2066", "\u00AD",
            "\u0000", "\u0007", "\u001B", "\r\n", "\t", "\u0085", "\u2028", "\u3000", "\u00A0",
            "\uD83D\uDE00", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD83C\uDDEB\uD83C\uDDEE",
            "\u0301", "\u0308\u0308\u0308", "e\u0301", "\uFE0F", "\uD800", "\uDFFF", "\uDBFF\uDFFF",
            "مرحبا", "دور", "صف", "שלום", "ترکیه", "Очередь", "черга", "ÅÄÖ", "ß", "İ", "ı",
            "<script>alert(1)</script>", "\"'><svg onload=alert(1)>", "{code}", "%s%n", "${jndi:x}", "\\", "&amp;");

    private HostileText() {
    }

    /** Words the visitors' and interpreters' keyword tables know, in every language of the catalogue. */
    public static List<String> keywords(MessageCatalogue catalogue) {
        List<String> words = new ArrayList<>();
        for (Language language : catalogue.languages()) {
            for (CommandWord command : CommandWord.values()) {
                words.addAll(language.keywords(command));
            }
            words.addAll(language.recognisedNames());
        }
        words.addAll(Arrays.asList("1", "2", "8", "9", "0", "99", "100", "41", "-1", "YES 1", "IN 9-17"));
        return words;
    }

    /**
     * The same kinds of text drawn from a plain {@link java.util.Random}, for tests that run outside jqwik (its
     * generators work only inside its properties): keywords, odd characters and random UTF-16 units, glued.
     */
    public static String sample(MessageCatalogue catalogue, java.util.Random random, int maxLength) {
        List<String> words = keywords(catalogue);
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(25);
        for (int i = 0; i < pieces && text.length() < maxLength; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.append(words.get(random.nextInt(words.size())));
                case 1 -> text.append(ODD.get(random.nextInt(ODD.size())));
                case 2 -> random.ints(random.nextInt(12), 0, Character.MAX_VALUE + 1)
                        .forEach(unit -> text.append((char) unit));
                default -> text.append(' ');
            }
        }
        return text.length() > maxLength ? text.substring(0, maxLength) : text.toString();
    }

    /** A hostile text of 0 to about {@code maxLength} UTF-16 units, often starting with or holding a keyword. */
    public static Arbitrary<String> texts(MessageCatalogue catalogue, int maxLength) {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(keywords(catalogue))),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(ODD)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(12)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(" ", "  ", ".", ",", "!", "?", "-")));
        Arbitrary<String> built = piece.list().ofMaxSize(24).map(pieces -> String.join(" ", pieces));
        Arbitrary<String> huge = Arbitraries.strings().all().ofMinLength(maxLength / 2).ofMaxLength(maxLength);
        Arbitrary<String> repeated = Arbitraries.of(keywords(catalogue)).map(word -> (word + " ").repeat(
                Math.max(1, maxLength / (word.length() + 1))));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, built),
                net.jqwik.api.Tuple.of(2, huge),
                net.jqwik.api.Tuple.of(1, repeated),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
    }
}
