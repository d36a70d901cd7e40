package fi.vuoro.domain.sms;

import fi.vuoro.domain.estimate.WaitRange;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.language.SmsSegments;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.site.Site;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/** Renders the visitor's replies from the message catalogue. */
final class SmsTexts {

    /** Numeric, so it reads the same in every language: 24.11. 08:30 */
    private static final DateTimeFormatter OPENING = DateTimeFormatter.ofPattern("dd.MM. HH:mm");
    /** Fewer characters of a note than this say nothing: the reply goes without it. */
    static final int MIN_NOTE_SHOWN = 12;
    /** In the GSM alphabet, so a cut note does not turn a GSM-7 reply into UCS-2. */
    private static final String CUT = "...";

    private final MessageCatalogue catalogue;
    private final TopicMenu topicMenu;

    SmsTexts(MessageCatalogue catalogue) {
        this.catalogue = catalogue;
        this.topicMenu = new TopicMenu(catalogue);
    }

    String joined(Language language, Site site, Ticket ticket, int ahead, WaitRange wait) {
        if (ahead == 0) {
            return render(language, MessageKey.JOINED_NEXT, Map.of("site", site.name(), "code", ticket.code()));
        }
        return render(language, MessageKey.JOINED, Map.of(
                "site", site.name(),
                "code", ticket.code(),
                "position", Integer.toString(ahead),
                "waitMin", Integer.toString(wait.minMinutes()),
                "waitMax", Integer.toString(wait.maxMinutes())));
    }

    String waiting(Language language, Ticket ticket, int ahead, WaitRange wait) {
        if (ahead == 0) {
            return render(language, MessageKey.STATUS_NEXT, Map.of("code", ticket.code()));
        }
        return render(language, MessageKey.STATUS_WAITING, Map.of(
                "code", ticket.code(),
                "position", Integer.toString(ahead),
                "waitMin", Integer.toString(wait.minMinutes()),
                "waitMax", Integer.toString(wait.maxMinutes())));
    }

    String called(Language language, Ticket ticket) {
        return render(language, MessageKey.STATUS_CALLED,
                Map.of("code", ticket.code(), "desk", ticket.desk().orElse("-")));
    }

    String closed(Language language, Site site, ZonedDateTime opens, Optional<String> note) {
        return withNote(render(language, MessageKey.CLOSED,
                Map.of("site", site.name(), "opens", OPENING.format(opens))), note);
    }

    String dayFull(Language language, Site site) {
        return render(language, MessageKey.DAY_FULL, Map.of("site", site.name()));
    }

    String closedWithoutHours(Language language, Site site, Optional<String> note) {
        return withNote(render(language, MessageKey.CLOSED_NO_HOURS, Map.of("site", site.name())), note);
    }

    /**
     * The closed reply with the day's note after it, in the same SMS. The reply comes first and whole; a note that
     * would take the SMS past {@link SmsSegments#MAX_SEGMENTS} segments (a note outside the GSM alphabet halves the
     * room) is cut at a word where it can be and ends in "...", and one with too little room left is not sent.
     */
    static String withNote(String reply, Optional<String> note) {
        if (note.isEmpty()) {
            return reply;
        }
        String whole = reply + " " + note.get();
        if (SmsSegments.segments(whole) <= SmsSegments.MAX_SEGMENTS) {
            return whole;
        }
        int[] codePoints = note.get().codePoints().toArray();
        for (int length = codePoints.length - 1; length >= MIN_NOTE_SHOWN; length--) {
            String cut = new String(codePoints, 0, cutAtWord(codePoints, length)).strip() + CUT;
            String text = reply + " " + cut;
            if (cut.length() > CUT.length() && SmsSegments.segments(text) <= SmsSegments.MAX_SEGMENTS) {
                return text;
            }
        }
        return reply;
    }

    /** The length to keep: up to the last space within {@code length}, unless that would leave too little. */
    private static int cutAtWord(int[] codePoints, int length) {
        for (int i = length; i > MIN_NOTE_SHOWN; i--) {
            if (Character.isWhitespace(codePoints[i])) {
                return i;
            }
        }
        return length;
    }

    String left(Language language, Ticket ticket) {
        return render(language, MessageKey.LEFT, Map.of("code", ticket.code()));
    }

    String help(Language language, Site site) {
        return render(language, MessageKey.HELP, Map.of("site", site.name()));
    }

    String plain(Language language, MessageKey key) {
        return render(language, key, Map.of());
    }

    String topicMenu(Language language, Site site) {
        return topicMenu.render(language, site.topics());
    }

    String languageMenu() {
        return catalogue.languageMenu();
    }

    private String render(Language language, MessageKey key, Map<String, String> values) {
        return catalogue.render(language, key, values);
    }
}
