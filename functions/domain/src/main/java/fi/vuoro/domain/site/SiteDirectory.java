package fi.vuoro.domain.site;

import java.util.Optional;

/** Where sites are kept. */
public interface SiteDirectory {

    /** The site whose SMS number is {@code e164Number}, the {@code To} of an inbound message. */
    Optional<Site> findByNumber(String e164Number);

    Optional<Site> findById(String siteId);

    /** Every site, for scheduled work (never on a request path). */
    java.util.List<Site> all();
}
