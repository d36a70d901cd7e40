package fi.vuoro.domain.language;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns what a visitor typed, and the keywords in the message files, into comparable words: the same
 * word must match however the phone or the visitor wrote it.
 *
 * <ul>
 *   <li>Compatibility forms are unfolded (full-width letters, ligatures, Arabic presentation forms).</li>
 *   <li>Letters are lower-cased; accents and other marks on Latin, Greek, Cyrillic, Hebrew and Arabic
 *       letters are dropped ({@code KÖ} = {@code ko}), which also removes Arabic harakat. Marks of
 *       other scripts carry meaning (Devanagari vowel signs) and are kept.</li>
 *   <li>Arabic-script spellings that phones and keyboards mix are unified: yeh (ي ی ى), kaf (ك ک),
 *       alef forms (أ إ آ ٱ), heh forms (ة ۀ ھ); tatweel is dropped.</li>
 *   <li>Digits of any script become Western digits, so {@code ٣} chooses menu item 3.</li>
 *   <li>Invisible formatting (joiners, direction marks) is dropped without splitting a word.</li>
 *   <li>Anything else (spaces, punctuation, emoji, symbols) only separates words.</li>
 * </ul>
 */
public final class TextNormalizer {

    /** A carrier delivers at most 1,600 characters; anything past this cannot change what is asked. */
    static final int MAX_INPUT_CHARS = 4_000;

    private static final Set<UnicodeScript> SCRIPTS_WITHOUT_MEANINGFUL_MARKS = Set.of(
            UnicodeScript.LATIN, UnicodeScript.GREEK, UnicodeScript.CYRILLIC, UnicodeScript.HEBREW,
            UnicodeScript.ARABIC);

    private static final int TATWEEL = 0x0640;

    private TextNormalizer() {
    }

    /** The normalized words of the text, in order; empty for null, blank or wordless text. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        String bounded = text.length() > MAX_INPUT_CHARS ? text.substring(0, MAX_INPUT_CHARS) : text;
        String decomposed = Normalizer.normalize(bounded, Normalizer.Form.NFKD);
        StringBuilder word = new StringBuilder();
        UnicodeScript wordScript = null;
        boolean needsComposing = false;
        for (int i = 0; i < decomposed.length(); ) {
            int codePoint = decomposed.codePointAt(i);
            i += Character.charCount(codePoint);
            int type = Character.getType(codePoint);
            if (type == Character.FORMAT || codePoint == TATWEEL) {
                continue;
            }
            if (isMark(type)) {
                if (keepsMarks(wordScript)) {
                    word.appendCodePoint(codePoint);
                    needsComposing = true;
                }
            } else if (Character.isDigit(codePoint)) {
                word.append((char) ('0' + Character.digit(codePoint, 10)));
                wordScript = null; // a mark on a digit is decoration, as in the keycap emoji 3️⃣
            } else if (Character.isLetter(codePoint)) {
                int lower = Character.toLowerCase(codePoint);
                wordScript = UnicodeScript.of(lower);
                appendLetter(word, lower);
                needsComposing |= wordScript == UnicodeScript.HANGUL; // syllables came apart into jamo
            } else {
                addWord(words, word, needsComposing);
                wordScript = null;
                needsComposing = false;
            }
        }
        addWord(words, word, needsComposing);
        return words;
    }

    /** The normalized words joined by single spaces. */
    public static String normalize(String text) {
        return String.join(" ", words(text));
    }

    /** Marks are kept only after a letter of a script whose marks change the word. */
    private static boolean keepsMarks(UnicodeScript wordScript) {
        return wordScript != null && !SCRIPTS_WITHOUT_MEANINGFUL_MARKS.contains(wordScript);
    }

    private static boolean isMark(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static void appendLetter(StringBuilder word, int letter) {
        switch (letter) {
            case 'ß' -> word.append("ss");
            case 0x06CC, 0x0649 -> word.append('\u064A'); // Persian yeh, alef maksura -> Arabic yeh
            case 0x06A9 -> word.append('\u0643'); // Persian keheh -> Arabic kaf
            case 0x0671 -> word.append('\u0627'); // alef wasla -> alef (other alef forms lose their mark)
            case 0x0629, 0x06C1, 0x06BE, 0x06D5 -> word.append('\u0647'); // teh marbuta, heh forms -> heh
            default -> word.appendCodePoint(letter);
        }
    }

    /** Only a word that kept marks or holds Hangul needs recomposing; others are already final. */
    private static void addWord(List<String> words, StringBuilder word, boolean needsComposing) {
        if (word.length() > 0) {
            words.add(needsComposing ? Normalizer.normalize(word, Normalizer.Form.NFC) : word.toString());
            word.setLength(0);
        }
    }
}
