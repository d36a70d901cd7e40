package fi.vuoro.domain.interpreter;

import java.text.Normalizer;

/**
 * Prepares an interpreter's text for reading. Answers carry numbers, which phones and people write in many
 * ways: {@code YES41}, {@code نعم ٤١}, {@code بله ۴۱}, {@code ＹＥＳ４１}. Compatibility forms are unfolded,
 * every digit becomes a Western digit, invisible direction marks and joiners go, and a space is put between
 * letters and digits that touch, so the keyword and its number become separate words. What separates the
 * numbers ({@code 9:30-13}) is kept, as it tells the hours apart.
 */
final class InterpreterText {

    /** A carrier delivers at most 1,600 characters; anything past this cannot change what is asked. */
    static final int MAX_INPUT_CHARS = 4_000;

    private enum Kind { LETTER, DIGIT, OTHER }

    private InterpreterText() {
    }

    /** The prepared text; empty for null. */
    static String prepare(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String bounded = text.length() > MAX_INPUT_CHARS ? text.substring(0, MAX_INPUT_CHARS) : text;
        String unfolded = Normalizer.normalize(bounded, Normalizer.Form.NFKC);
        StringBuilder prepared = new StringBuilder(unfolded.length() + 8);
        Kind previous = Kind.OTHER;
        for (int i = 0; i < unfolded.length(); ) {
            int codePoint = unfolded.codePointAt(i);
            i += Character.charCount(codePoint);
            int type = Character.getType(codePoint);
            if (type == Character.FORMAT) {
                continue;
            }
            if (Character.isDigit(codePoint)) {
                if (previous == Kind.LETTER) {
                    prepared.append(' ');
                }
                prepared.append((char) ('0' + Character.digit(codePoint, 10)));
                previous = Kind.DIGIT;
            } else if (Character.isLetter(codePoint)) {
                if (previous == Kind.DIGIT) {
                    prepared.append(' ');
                }
                prepared.appendCodePoint(codePoint);
                previous = Kind.LETTER;
            } else {
                prepared.appendCodePoint(codePoint);
                if (!isMark(type)) {
                    previous = Kind.OTHER; // a mark belongs to the letter or digit before it
                }
            }
        }
        return prepared.toString();
    }

    private static boolean isMark(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
