package fi.vuoro.domain.estimate;

import java.time.Duration;
import java.time.Instant;

/** Where real service times are recorded, so wait estimates follow the site's actual pace. */
public interface ServiceLog {

    void record(String siteId, Duration serviceTime, Instant servedAt);
}
