package fi.vuoro.domain.language;

/** The GSM 03.38 default alphabet, which lets an SMS use 7 bits per character. */
final class GsmAlphabet {

    /** The basic table, without ESC (0x1B), which only introduces the extension table. */
    static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /** The extension table: each of these is sent as ESC plus one septet, so it costs two. */
    static final String EXTENSION = "\f^{}\\[~]|€";

    private GsmAlphabet() {
    }

    static boolean isBasic(char c) {
        return BASIC.indexOf(c) >= 0;
    }

    static boolean isExtension(char c) {
        return EXTENSION.indexOf(c) >= 0;
    }

    /** Septets the character takes, or 0 when GSM-7 cannot carry it. */
    static int septets(char c) {
        if (isBasic(c)) {
            return 1;
        }
        return isExtension(c) ? 2 : 0;
    }
}
