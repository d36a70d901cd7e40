package fi.vuoro.feedback;

/**
 * The faces of the five-point scale as inline SVG, drawn with presentation attributes only (the page's
 * Content-Security-Policy allows no inline style), hidden from screen readers: the label beside each says it in words.
 */
final class Smileys {

    /** From a deep frown (1) to a broad smile (5). */
    private static final String[] MOUTHS = {
            "M12 29Q20 20 28 29",
            "M12 28Q20 24 28 28",
            "M12 26H28",
            "M12 24Q20 29 28 24",
            "M11 23Q20 33 29 23"
    };
    /** Soft red to soft green behind a dark outline; the outline and the mouth carry the meaning, not the colour. */
    private static final String[] FACES = {"#f6b3b3", "#f9d1ad", "#f7e7a6", "#d3eab0", "#ace0b4"};

    private Smileys() {
    }

    static String face(int point) {
        int i = point - 1;
        return "<svg class=\"face\" viewBox=\"0 0 40 40\" width=\"36\" height=\"36\" aria-hidden=\"true\""
                + " focusable=\"false\"><circle cx=\"20\" cy=\"20\" r=\"18\" fill=\"" + FACES[i]
                + "\" stroke=\"#1a1a1a\" stroke-width=\"2\"/><circle cx=\"14\" cy=\"16\" r=\"2.2\" fill=\"#1a1a1a\"/>"
                + "<circle cx=\"26\" cy=\"16\" r=\"2.2\" fill=\"#1a1a1a\"/><path d=\"" + MOUTHS[i]
                + "\" fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"2.4\" stroke-linecap=\"round\"/></svg>";
    }
}
