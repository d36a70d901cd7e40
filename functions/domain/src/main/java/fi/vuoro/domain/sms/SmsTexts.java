package fi.vuoro.domain.sms;

import fi.vuoro.domain.estimate.WaitRange;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.site.Site;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Renders the visitor's replies from the message catalogue. */
final class SmsTexts {

    /** Numeric, so it reads the same in every language: 24.11. 08:30 */
    private static final DateTimeFormatter OPENING = DateTimeFormatter.ofPattern("dd.MM. HH:mm");

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

    String closed(Language language, Site site, ZonedDateTime opens) {
        return render(language, MessageKey.CLOSED, Map.of("site", site.name(), "opens", OPENING.format(opens)));
    }

    String closedWithoutHours(Language language, Site site) {
        return render(language, MessageKey.CLOSED_NO_HOURS, Map.of("site", site.name()));
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
