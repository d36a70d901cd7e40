package fi.vuoro.jobs;

import java.util.List;
import java.util.Map;

/** What invoked a job, for its log line: read from the event's shape, never from its content. */
final class JobEvents {

    private JobEvents() {
    }

    static String source(Map<String, Object> event) {
        if (event == null) {
            return "a direct call";
        }
        if (event.get("Records") instanceof List<?> records) {
            return "a stream batch of " + records.size();
        }
        if ("aws.events".equals(event.get("source")) || "Scheduled Event".equals(event.get("detail-type"))) {
            return "the schedule";
        }
        return "a direct call";
    }
}
