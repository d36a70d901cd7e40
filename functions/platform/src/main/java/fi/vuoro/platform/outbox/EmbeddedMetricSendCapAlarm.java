package fi.vuoro.platform.outbox;

import fi.vuoro.domain.outbox.SendCapAlarm;
import fi.vuoro.platform.logging.EmbeddedMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A site that reached its hourly SMS cap, as the metrics {@code SiteSmsCapReached} (1 per drain that met the cap)
 * and {@code OutboundSmsHeld} (the messages it held) in namespace {@code Vuoro}, by {@code Service} and by
 * {@code Service} and {@code SiteId}. The alarm {@code SiteSmsCapAlarm} in template.yaml watches the first.
 */
public final class EmbeddedMetricSendCapAlarm implements SendCapAlarm {

    public static final String CAP_REACHED = "SiteSmsCapReached";
    public static final String HELD = "OutboundSmsHeld";

    private final EmbeddedMetrics metrics;
    private final Clock clock;

    public EmbeddedMetricSendCapAlarm(EmbeddedMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void reached(String siteId, int perHour, Instant reopensAt, int held) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(CAP_REACHED, 1);
        counts.put(HELD, held);
        metrics.count(clock.instant(), Map.of("SiteId", siteId), counts,
                Map.of("capPerHour", Integer.toString(perHour), "reopensAt", reopensAt.toString()));
    }
}
