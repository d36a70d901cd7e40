package fi.vuoro.domain.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every site store promises: a number belongs to one site at a time, a number moves with its site in one step,
 * and a refused write leaves everything as it was. Run on memory and on DynamoDB Local.
 */
public abstract class SiteStoreContract {

    private static final AtomicInteger NEXT = new AtomicInteger(7_000_000);

    protected abstract SiteStore store();

    protected static String newNumber() {
        return "+35850" + NEXT.incrementAndGet();
    }

    protected static String newId() {
        return "site-" + NEXT.incrementAndGet();
    }

    protected static Site site(String id, String number) {
        return new Site(id, "Site " + id.substring(id.length() - 4), number, OpeningHours.always(), Set.of("fi"),
                Duration.ofMinutes(15), 1, 'A', Set.of());
    }

    /** The site is stored as it was given (compared by its settings: opening hours have no equality of their own). */
    private void assertStored(Site expected, String siteId) {
        Optional<Site> stored = store().findById(siteId);
        assertEquals(Optional.of(expected.id()), stored.map(Site::id));
        assertEquals(Optional.of(SiteSettings.of(expected)), stored.map(SiteSettings::of));
    }

    @Test
    void create_shouldMakeTheSiteFoundByIdAndItsNumber() {
        Site site = site(newId(), newNumber());

        assertEquals(SiteStore.Outcome.SAVED, store().create(site));

        assertStored(site, site.id());
        assertEquals(Optional.of(site.id()), store().siteIdOfNumber(site.smsNumber()));
    }

    @Test
    void create_shouldWriteNothing_whenTheNumberIsAnotherSites() {
        Site first = site(newId(), newNumber());
        store().create(first);
        Site second = site(newId(), first.smsNumber());

        assertEquals(SiteStore.Outcome.NUMBER_TAKEN, store().create(second));

        assertEquals(Optional.empty(), store().findById(second.id()));
        assertEquals(Optional.of(first.id()), store().siteIdOfNumber(first.smsNumber()));
    }

    @Test
    void create_shouldRefuse_whenTheSiteExistsByNow() {
        Site site = site(newId(), newNumber());
        store().create(site);

        assertEquals(SiteStore.Outcome.CHANGED_MEANWHILE, store().create(site(site.id(), newNumber())));

        assertStored(site, site.id());
    }

    @Test
    void replace_shouldMoveTheNumber_andFreeTheOldOne() {
        Site site = site(newId(), newNumber());
        store().create(site);
        Site moved = site(site.id(), newNumber());

        assertEquals(SiteStore.Outcome.SAVED, store().replace(site, moved));

        assertStored(moved, site.id());
        assertEquals(Optional.of(site.id()), store().siteIdOfNumber(moved.smsNumber()));
        assertEquals(Optional.empty(), store().siteIdOfNumber(site.smsNumber()));
        assertEquals(SiteStore.Outcome.SAVED, store().create(site(newId(), site.smsNumber())),
                "the old number is free for another site");
    }

    @Test
    void replace_shouldWriteNothing_whenTheNewNumberIsAnotherSites() {
        Site other = site(newId(), newNumber());
        Site site = site(newId(), newNumber());
        store().create(other);
        store().create(site);

        assertEquals(SiteStore.Outcome.NUMBER_TAKEN, store().replace(site, site(site.id(), other.smsNumber())));

        assertStored(site, site.id());
        assertEquals(Optional.of(site.id()), store().siteIdOfNumber(site.smsNumber()));
        assertEquals(Optional.of(other.id()), store().siteIdOfNumber(other.smsNumber()));
    }

    /** The site as saved once more: the same settings, its save count one up. */
    private static Site savedAgain(Site site) {
        return new Site(site.id(), site.name(), site.smsNumber(), site.openingHours(), site.staffLanguages(),
                site.defaultServiceTime(), site.desks(), site.ticketLetter(), site.topics(), site.comeBackWhenAhead(),
                site.noShowGrace(), site.interpreting(), site.exceptions(), site.retention(), site.version() + 1);
    }

    @Test
    void replace_shouldRefuse_whenTheSiteWasSavedSinceItWasRead() {
        Site read = site(newId(), newNumber());
        store().create(read);
        Site savedMeanwhile = savedAgain(read);
        assertEquals(SiteStore.Outcome.SAVED, store().replace(read, savedMeanwhile));

        assertEquals(SiteStore.Outcome.CHANGED_MEANWHILE, store().replace(read, savedAgain(read)));

        assertEquals(Optional.of(1L), store().findById(read.id()).map(Site::version));
        assertEquals(SiteStore.Outcome.SAVED, store().replace(savedMeanwhile, savedAgain(savedMeanwhile)));
        assertEquals(Optional.of(2L), store().findById(read.id()).map(Site::version));
    }

    @Test
    void create_shouldKeepTheSitesExceptionsAndRetention() {
        Site plain = site(newId(), newNumber());
        Site site = new Site(plain.id(), plain.name(), plain.smsNumber(), plain.openingHours(), plain.staffLanguages(),
                plain.defaultServiceTime(), plain.desks(), plain.ticketLetter(), plain.topics(),
                plain.comeBackWhenAhead(), plain.noShowGrace(), plain.interpreting(), List.of(
                        new OpeningException(LocalDate.parse("2026-12-24"), List.of(), Map.of("en", "Closed for Christmas",
                                "fi", "Suljettu jouluna")),
                        new OpeningException(LocalDate.parse("2026-12-31"), List.of(new OpeningHours.Period(
                                LocalTime.of(9, 0), LocalTime.of(12, 0))), Map.of())),
                Duration.ofHours(6), 3);

        store().create(site);

        assertStored(site, site.id());
        Site stored = store().findById(site.id()).orElseThrow();
        assertEquals(Duration.ofHours(6), stored.retention());
        assertEquals(3, stored.version());
        assertEquals(Optional.of("Suljettu jouluna"), stored.calendar().exceptionOn(LocalDate.parse("2026-12-24"))
                .flatMap(e -> e.noteIn("fi")));
    }

    @Test
    void replace_shouldRefuse_whenTheSitesNumberChangedSinceItWasRead() {
        Site read = site(newId(), newNumber());
        store().create(read);
        Site changedMeanwhile = site(read.id(), newNumber());
        store().replace(read, changedMeanwhile);

        assertEquals(SiteStore.Outcome.CHANGED_MEANWHILE, store().replace(read, site(read.id(), newNumber())));

        assertStored(changedMeanwhile, read.id());
        assertTrue(store().siteIdOfNumber(read.smsNumber()).isEmpty(), "the first number stays free");
    }
}
