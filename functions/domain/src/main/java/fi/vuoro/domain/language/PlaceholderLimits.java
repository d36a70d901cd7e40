package fi.vuoro.domain.language;

import fi.vuoro.domain.queue.TicketCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The longest value each placeholder can take. Every message must still fit in
 * {@link SmsSegments#MAX_SEGMENTS} segments with these values, which the message length test checks
 * for every language; whatever fills a placeholder must therefore stay within these limits.
 */
public final class PlaceholderLimits {

    /** Site names are at most 24 characters of the GSM alphabet; {@code W} stands for any of them. */
    public static final int SITE_MAX_LENGTH = 24;
    public static final String LONGEST_SITE = "W".repeat(SITE_MAX_LENGTH);
    /** A ticket code: one letter and the day's number, at most {@link TicketCode#MAX_PER_DAY}. */
    public static final String LONGEST_CODE = "Z" + TicketCode.MAX_PER_DAY;
    /** How many wait ahead. */
    public static final String LONGEST_POSITION = "999";
    /** Wait estimates are whole minutes, capped before they reach four digits. */
    public static final String LONGEST_WAIT_MIN = "180";
    public static final String LONGEST_WAIT_MAX = "240";
    /** The next opening, always written {@code dd.MM. HH:mm} so it reads the same in every language. */
    public static final String LONGEST_OPENS = "31.12. 23:59";
    /**
     * A language's name as a message's language writes it ({@code dari/persia}), from the {@code name.*}
     * entries or a language's own name; loading refuses a longer one.
     */
    public static final int LANGUAGE_MAX_LENGTH = 18;
    public static final String LONGEST_LANGUAGE = "W".repeat(LANGUAGE_MAX_LENGTH);
    /** Times of day are written {@code HH:mm} in every language. */
    public static final String LONGEST_TIME = "23:59";
    /** Interpreting requests open at once are numbered from 1 to this, so an answer is a word and two digits. */
    public static final int MAX_OFFER = 99;
    public static final String LONGEST_OFFER = Integer.toString(MAX_OFFER);
    /** A desk label is at most five characters. */
    public static final int DESK_MAX_LENGTH = 5;
    public static final String LONGEST_DESK = "12345";
    /**
     * A feedback form's address: {@code https://}, the host (an API Gateway host takes up to 51 characters),
     * {@code /f/} and the form's token. It is written in characters of one GSM septet each (letters, digits and
     * {@code :/.-_}), so that it costs the same in every message and keeps a GSM-7 message in GSM-7.
     */
    public static final int LINK_MAX_LENGTH = 80;
    public static final String LONGEST_LINK =
            "https://a1b2c3d4e5.execute-api.ap-southeast-1.amazonaws.com/f/0123456789abcdefgh";

    /**
     * The topic menu's lines at their shortest guaranteed length: the menu cuts the topics' names (and, were that
     * not enough, leaves out the last topics) until it fits, but never cuts a name below
     * {@link #TOPIC_NAME_MIN_LENGTH} characters, so every message must fit with nine topics of that length.
     */
    public static final int TOPIC_NAME_MIN_LENGTH = 4;
    public static final int MAX_TOPICS = 9;
    public static final String LONGEST_TOPICS = topicLines(MAX_TOPICS, "W".repeat(TOPIC_NAME_MIN_LENGTH));

    private PlaceholderLimits() {
    }

    public static String longest(Placeholder placeholder) {
        return switch (placeholder) {
            case SITE -> LONGEST_SITE;
            case CODE -> LONGEST_CODE;
            case POSITION -> LONGEST_POSITION;
            case WAIT_MIN -> LONGEST_WAIT_MIN;
            case WAIT_MAX -> LONGEST_WAIT_MAX;
            case OPENS -> LONGEST_OPENS;
            case DESK -> LONGEST_DESK;
            case LANGUAGE -> LONGEST_LANGUAGE;
            case TIME, FROM, TO -> LONGEST_TIME;
            case OFFER -> LONGEST_OFFER;
            case LINK -> LONGEST_LINK;
            case TOPICS -> LONGEST_TOPICS;
        };
    }

    private static String topicLines(int count, String name) {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            lines.append(i == 1 ? "" : "\n").append(i).append(' ').append(name);
        }
        return lines.toString();
    }

    /** Render values for the longest possible text of a message. */
    public static Map<String, String> longestValues(MessageKey key) {
        Map<String, String> values = new LinkedHashMap<>();
        key.placeholders().forEach(placeholder -> values.put(placeholder.id(), longest(placeholder)));
        return values;
    }
}
