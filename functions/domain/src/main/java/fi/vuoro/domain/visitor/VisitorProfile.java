package fi.vuoro.domain.visitor;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What Vuoro remembers about a visitor beyond their tickets: the language they chose and, while they are to answer
 * it, the topic menu a site sent them today.
 */
public record VisitorProfile(String phoneHash, String language, Optional<TopicMenuSent> topicMenu) {

    /** A topic menu sent by the site on the service day; a digit or a topic word from the visitor answers it. */
    public record TopicMenuSent(String siteId, LocalDate day) {
        public TopicMenuSent {
            Objects.requireNonNull(siteId, "siteId");
            Objects.requireNonNull(day, "day");
        }
    }

    public VisitorProfile {
        Objects.requireNonNull(topicMenu, "topicMenu");
    }

    /** A visitor who is asked nothing. */
    public VisitorProfile(String phoneHash, String language) {
        this(phoneHash, language, Optional.empty());
    }

    /** Whether the site's topic menu sent today awaits the visitor's answer. */
    public boolean awaitsTopic(String siteId, LocalDate today) {
        return topicMenu.filter(menu -> menu.siteId().equals(siteId) && menu.day().equals(today)).isPresent();
    }
}
