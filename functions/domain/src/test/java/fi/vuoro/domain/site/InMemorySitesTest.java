package fi.vuoro.domain.site;

/** The in-memory sites the domain's tests use keep the store's promises. */
class InMemorySitesTest extends SiteStoreContract {

    private final InMemorySites sites = new InMemorySites();

    @Override
    protected SiteStore store() {
        return sites;
    }
}
