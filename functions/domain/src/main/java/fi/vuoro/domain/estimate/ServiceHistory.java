package fi.vuoro.domain.estimate;

import java.time.Duration;
import java.util.List;

/** What a site's recent days tell about its pace: real service durations and the desks now open. */
public record ServiceHistory(List<Duration> recentServiceTimes, int activeDesks) {

    public static final ServiceHistory NONE = new ServiceHistory(List.of(), 0);

    public ServiceHistory {
        recentServiceTimes = List.copyOf(recentServiceTimes);
    }
}
