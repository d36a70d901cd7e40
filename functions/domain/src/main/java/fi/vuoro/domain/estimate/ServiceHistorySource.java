package fi.vuoro.domain.estimate;

/** Where a site's recent service times come from. */
public interface ServiceHistorySource {

    ServiceHistory recent(String siteId);
}
