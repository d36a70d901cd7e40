package fi.vuoro.domain.site;

import java.util.Optional;

/**
 * Where a coordinator's site settings are written. A site's SMS number belongs to one site at a time: each write
 * checks, in the same atomic step, that the number is free or already the site's, so two sites never claim one.
 */
public interface SiteStore {

    /** What became of a write; on anything but {@code SAVED} nothing was written. */
    enum Outcome { SAVED, NUMBER_TAKEN, CHANGED_MEANWHILE }

    Optional<Site> findById(String siteId);

    /** The id of the site whose number this is, read from the store itself (no cache). */
    Optional<String> siteIdOfNumber(String e164Number);

    /** Adds a site that does not exist yet ({@code CHANGED_MEANWHILE} if it does by now). */
    Outcome create(Site site);

    /**
     * Replaces {@code current} by {@code updated}, moving the number's route if the number changed
     * ({@code CHANGED_MEANWHILE} if the stored site no longer has {@code current}'s number).
     */
    Outcome replace(Site current, Site updated);
}
