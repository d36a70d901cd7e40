package fi.vuoro.domain.language;

import java.util.Objects;

/**
 * How many SMS segments a text takes. A text that fits in one segment is sent as is; a longer one is
 * split, and each part then loses room to the header (UDH) that tells the phone how to join them.
 */
public final class SmsSegments {

    /** The character encodings an SMS can use. */
    public enum Encoding {
        /** 7-bit GSM 03.38 default alphabet with its extension table. */
        GSM_7,
        /** UTF-16, two bytes per code unit; needed for any character outside the GSM alphabet. */
        UCS_2
    }

    /** The most segments one reply may take: every message is checked against this with its longest values. */
    public static final int MAX_SEGMENTS = 2;

    /** 140 bytes of payload hold 160 septets. */
    public static final int GSM7_SINGLE_SEGMENT = 160;
    /** The 6-byte UDH leaves 134 bytes, which hold 153 septets. */
    public static final int GSM7_MULTIPART_SEGMENT = 153;
    /** 140 bytes hold 70 UTF-16 code units. */
    public static final int UCS2_SINGLE_SEGMENT = 70;
    /** 134 bytes after the UDH hold 67 UTF-16 code units. */
    public static final int UCS2_MULTIPART_SEGMENT = 67;

    private SmsSegments() {
    }

    /** GSM-7 when every character is in the basic or extension table, otherwise UCS-2. */
    public static Encoding encodingOf(String text) {
        Objects.requireNonNull(text, "text");
        for (int i = 0; i < text.length(); i++) {
            if (GsmAlphabet.septets(text.charAt(i)) == 0) {
                return Encoding.UCS_2;
            }
        }
        return Encoding.GSM_7;
    }

    /**
     * Segments the text takes. An extension character's two septets and a surrogate pair's two code
     * units are never split between segments, so a part may end a little short of its maximum.
     * An empty text still goes out as one segment.
     */
    public static int segments(String text) {
        if (encodingOf(text) == Encoding.GSM_7) {
            return pack(text, Encoding.GSM_7, GSM7_SINGLE_SEGMENT, GSM7_MULTIPART_SEGMENT);
        }
        return pack(text, Encoding.UCS_2, UCS2_SINGLE_SEGMENT, UCS2_MULTIPART_SEGMENT);
    }

    /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes in its encoding. */
    public static int units(String text) {
        Encoding encoding = encodingOf(text);
        int total = 0;
        for (int i = 0; i < text.length(); ) {
            int length = Character.charCount(text.codePointAt(i));
            total += cost(text, i, length, encoding);
            i += length;
        }
        return total;
    }

    private static int pack(String text, Encoding encoding, int singleSegment, int multipartSegment) {
        if (units(text) <= singleSegment) {
            return 1;
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int length = Character.charCount(text.codePointAt(i));
            int cost = cost(text, i, length, encoding);
            if (used + cost > multipartSegment) {
                segments++;
                used = 0;
            }
            used += cost;
            i += length;
        }
        return segments;
    }

    private static int cost(String text, int index, int length, Encoding encoding) {
        return encoding == Encoding.GSM_7 ? GsmAlphabet.septets(text.charAt(index)) : length;
    }
}
