package fi.vuoro.platform.dynamodb;

import fi.vuoro.domain.estimate.ServiceHistory;
import fi.vuoro.domain.estimate.ServiceHistorySource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each site's service history for a short while: it feeds a wait estimate given as a range of
 * minutes, so half a minute of staleness changes nothing a visitor reads, and it saves two Queries on
 * every join and status reply.
 */
public final class CachedServiceHistory implements ServiceHistorySource {

    public static final Duration DEFAULT_TIME = Duration.ofSeconds(30);

    private final ServiceHistorySource source;
    private final Clock clock;
    private final Duration keepFor;
    private final Map<String, Cached> bySite = new ConcurrentHashMap<>();

    public CachedServiceHistory(ServiceHistorySource source, Clock clock, Duration keepFor) {
        this.source = source;
        this.clock = clock;
        this.keepFor = keepFor;
    }

    @Override
    public ServiceHistory recent(String siteId) {
        Instant now = clock.instant();
        Cached cached = bySite.get(siteId);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.history();
        }
        ServiceHistory fresh = source.recent(siteId);
        bySite.put(siteId, new Cached(fresh, now.plus(keepFor)));
        return fresh;
    }

    private record Cached(ServiceHistory history, Instant until) {
    }
}
