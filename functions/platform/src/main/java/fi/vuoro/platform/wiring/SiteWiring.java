package fi.vuoro.platform.wiring;

import fi.vuoro.domain.audit.Audit;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.site.SiteAdmin;
import fi.vuoro.domain.site.SiteStore;
import fi.vuoro.platform.config.VuoroConfiguration;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * A coordinator's site settings: the service that checks them, writing through the DynamoDB site directory, and each
 * save into the site's audit trail.
 */
@Factory
public class SiteWiring {

    @Singleton
    SiteAdmin siteAdmin(SiteStore store, MessageCatalogue catalogue, Clock clock, VuoroConfiguration config,
                        Audit audit) {
        return new SiteAdmin(store, catalogue, clock, config.defaultSiteRetention(), audit);
    }
}
