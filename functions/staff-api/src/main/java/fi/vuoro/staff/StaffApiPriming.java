package fi.vuoro.staff;

import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.platform.snapstart.DynamoDbPriming;
import fi.vuoro.platform.snapstart.SnapshotPriming;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The staff API's SnapStart priming: the reads of a queue poll (the site, its day) for a site id no site has, and
 * the poll's JSON view with its ETag, answered once in full and once unchanged (304). It signs in nobody, reads
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
        sites.findById(PRIMING_SITE);
        queue.day(PRIMING_SITE, ServiceDay.of(now), now);
        HttpResponse<?> full = etags.respond(new StaffViews.LobbyView("Priming", List.of()), null);
        HttpResponse<?> unchanged = etags.respond(new StaffViews.LobbyView("Priming", List.of()),
                full.getHeaders().get("ETag"));
        return List.of(full, unchanged);
    }
}
