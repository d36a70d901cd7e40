package fi.vuoro.domain.staff;

import fi.vuoro.domain.queue.QueueDay;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.Topic;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A site's queue as read at one moment. */
public record LiveQueue(Site site, QueueDay day, Instant readAt) {

    /** How many wait for each of the site's topics, in the site's order (a topic nobody waits for counts 0). */
    public Map<Topic, Integer> waitingByTopic() {
        Map<Topic, Integer> waiting = new LinkedHashMap<>();
        for (Topic topic : site.topics()) {
            waiting.put(topic, (int) day.tickets().stream()
                    .filter(t -> t.status() == TicketStatus.WAITING && t.topic().filter(topic.word()::equals).isPresent())
                    .count());
        }
        return waiting;
    }
}
