package fi.vuoro.staff;

import fi.vuoro.domain.queue.QueueDay;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.staff.QueueVersion;
import fi.vuoro.platform.snapstart.DynamoDbPriming;
import fi.vuoro.platform.snapstart.SnapshotPriming;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The staff API's SnapStart priming: the reads of a queue poll (the day's version, the site, its day) for a site id no
 * site has, and the poll's JSON view with its ETag, answered once in full and once unchanged (304). It signs in nobody, reads
 * only keys that cannot exist and writes nothing.
 */
@Singleton
public class StaffApiPriming extends SnapshotPriming<HttpResponse<?>> {

    static final String PRIMING_SITE = "priming";

    private final SiteDirectory sites;
    private final QueueStore queue;
    private final ETags etags;
    private final Clock clock;

    StaffApiPriming(SiteDirectory sites, QueueStore queue, ETags etags, Clock clock, DynamoDbPriming dynamo) {
        super(dynamo);
        this.sites = sites;
        this.queue = queue;
        this.etags = etags;
        this.clock = clock;
    }

    @Override
    protected List<HttpResponse<?>> rehearse() {
        Instant now = clock.instant();
        ServiceDay today = ServiceDay.of(now);
        QueueVersion version = new QueueVersion(PRIMING_SITE, today, queue.dayVersion(PRIMING_SITE, today));
        String etag = etags.of("lobby", version);
        etags.unchanged(etag, version, null);
        sites.findById(PRIMING_SITE);
        QueueDay day = queue.day(PRIMING_SITE, today, now);
        HttpResponse<?> full = etags.ok(new StaffViews.LobbyView("Priming", List.of()), etag,
                day.settledUpTo(version.version().lastNumber(), now));
        HttpResponse<?> unchanged = etags.notModified(etag);
        return List.of(full, unchanged);
    }
}
