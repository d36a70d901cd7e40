package fi.vuoro.platform.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.vuoro.domain.estimate.ServiceHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedServiceHistoryTest {

    @Test
    void recent_shouldAskTheStoreOncePerSite_untilTheCacheTimeHasPassed() {
        AtomicInteger reads = new AtomicInteger();
        Instant start = Instant.parse("2026-11-24T10:00:00Z");
        Clock[] clock = {Clock.fixed(start, ZoneOffset.UTC)};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0].instant();
            }
        };
        CachedServiceHistory cached = new CachedServiceHistory(siteId -> {
            reads.incrementAndGet();
            return new ServiceHistory(List.of(Duration.ofMinutes(reads.get())), 1);
        }, moving, Duration.ofSeconds(30));

        ServiceHistory first = cached.recent("demo");
        assertEquals(first, cached.recent("demo"));
        cached.recent("hervanta");
        assertEquals(2, reads.get(), "one read per site");

        clock[0] = Clock.fixed(start.plusSeconds(31), ZoneOffset.UTC);
        cached.recent("demo");
        assertEquals(3, reads.get(), "read again once the cache time has passed");
    }
}
