package fi.vuoro.domain.site;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Sites in memory, keeping the same promises as the DynamoDB store (see {@link SiteStoreContract}). */
public final class InMemorySites implements SiteStore {

    private final Map<String, Site> byId = new HashMap<>();
    private final Map<String, String> siteIdByNumber = new HashMap<>();

    @Override
    public synchronized Optional<Site> findById(String siteId) {
        return Optional.ofNullable(byId.get(siteId));
    }

    @Override
    public synchronized Optional<String> siteIdOfNumber(String e164Number) {
        return Optional.ofNullable(siteIdByNumber.get(e164Number));
    }

    @Override
    public synchronized Outcome create(Site site) {
        if (byId.containsKey(site.id())) {
            return Outcome.CHANGED_MEANWHILE;
        }
        return write(site);
    }

    @Override
    public synchronized Outcome replace(Site current, Site updated) {
        Site stored = byId.get(current.id());
        if (stored == null || !stored.smsNumber().equals(current.smsNumber())
                || stored.version() != current.version()) {
            return Outcome.CHANGED_MEANWHILE;
        }
        Outcome outcome = write(updated);
        if (outcome == Outcome.SAVED && !current.smsNumber().equals(updated.smsNumber())) {
            siteIdByNumber.remove(current.smsNumber());
        }
        return outcome;
    }

    private Outcome write(Site site) {
        String owner = siteIdByNumber.get(site.smsNumber());
        if (owner != null && !owner.equals(site.id())) {
            return Outcome.NUMBER_TAKEN;
        }
        byId.put(site.id(), site);
        siteIdByNumber.put(site.smsNumber(), site.id());
        return Outcome.SAVED;
    }
}
