package fi.vuoro.domain.sms;

import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.language.Placeholder;
import fi.vuoro.domain.language.PlaceholderLimits;
import fi.vuoro.domain.language.SmsSegments;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.site.Topic;
import fi.vuoro.domain.visitor.VisitorProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The numbered list of a site's topics sent to a visitor who joins without naming one: {@code 1 Kela benefits},
 * {@code 2 Residence permit} ..., each name in the visitor's language (else English). It must fit in two segments
 * however long the names are: the names are cut, all to the same length, until it fits, and only were they at
 * their shortest still too long would the last topics be left out (their words still join them).
 */
public final class TopicMenu {

    private final MessageCatalogue catalogue;

    public TopicMenu(MessageCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * Whether the visitor is to answer the topic menu the site sent them today (and the site still has topics to
     * choose from). It comes before a feedback digit (the menu is the later question) and before the language menu
     * (the menu is only sent once the language is known).
     */
    public static boolean awaited(Optional<VisitorProfile> profile, SmsTurn turn) {
        return turn.site().topics().size() > 1 && profile.filter(p ->
                p.awaitsTopic(turn.site().id(), ServiceDay.of(turn.now()).date())).isPresent();
    }

    public String render(Language language, List<Topic> topics) {
        for (int count = topics.size(); count > 1; count--) {
            for (int cut = Topic.MAX_NAME_LENGTH; cut >= PlaceholderLimits.TOPIC_NAME_MIN_LENGTH; cut--) {
                String menu = menu(language, topics.subList(0, count), cut);
                if (SmsSegments.segments(menu) <= SmsSegments.MAX_SEGMENTS) {
                    return menu;
                }
            }
        }
        return menu(language, topics.subList(0, Math.min(1, topics.size())), PlaceholderLimits.TOPIC_NAME_MIN_LENGTH);
    }

    private String menu(Language language, List<Topic> topics, int cut) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < topics.size(); i++) {
            String name = topics.get(i).name(language.code());
            if (name.codePointCount(0, name.length()) > cut) {
                name = name.substring(0, name.offsetByCodePoints(0, cut)).strip();
            }
            lines.append(i == 0 ? "" : "\n").append(i + 1).append(' ').append(name);
        }
        return catalogue.render(language, MessageKey.TOPIC_MENU, Map.of(Placeholder.TOPICS.id(), lines.toString()));
    }
}
