package fi.vuoro.platform.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteStore;
import fi.vuoro.domain.site.SiteStoreContract;
import fi.vuoro.domain.testing.ManualClock;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.TemplateTables;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sites on AWS's DynamoDB Local keep the same promises as in memory: a number moves with its site in one
 * transaction, and the transaction's conditions keep a number to one site.
 */
class DynamoSiteStoreIT extends SiteStoreContract {

    private static DynamoDbLocalServer server;
    private static DynamoSiteDirectory sites;

    @BeforeAll
    static void start() {
        server = DynamoDbLocalServer.start();
        // Its clock is set to a fixed day, which DynamoDB Local's clock leaves behind: it would delete items under it.
        TemplateTables.createAllWithoutTimeToLive(server.client(),
                CloudFormationTemplate.load(CloudFormationTemplate.locate()));
        sites = new DynamoSiteDirectory(server.client(), new TableName("VuoroTable"), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void create_shouldGiveANumberToOneSiteOnly_whenSitesClaimItAtOnce() throws Exception {
        String number = newNumber();
        List<Site> claimants = IntStream.range(0, 8).mapToObj(i -> site(newId(), number)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(claimants.size());
        try {
            List<Future<SiteStore.Outcome>> outcomes = new ArrayList<>();
            for (Site site : claimants) {
                outcomes.add(pool.submit(() -> sites.create(site)));
            }
            List<Site> saved = new ArrayList<>();
            for (int i = 0; i < claimants.size(); i++) {
                if (outcomes.get(i).get() == SiteStore.Outcome.SAVED) {
                    saved.add(claimants.get(i));
                }
            }

            assertEquals(1, saved.size(), "exactly one site has the number");
            assertEquals(Optional.of(saved.get(0).id()), sites.siteIdOfNumber(number));
            assertEquals(1, claimants.stream().filter(site -> sites.findById(site.id()).isPresent()).count(),
                    "the others wrote nothing");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Two instances of a function: one saves, the other had the site cached by its number. */
    @Test
    void aChange_shouldReachAnotherInstance_atOnceById_andByNumberWithinAMinute() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-24T10:00:00Z"));
        DynamoSiteDirectory saving = new DynamoSiteDirectory(server.client(), new TableName("VuoroTable"), clock);
        DynamoSiteDirectory other = new DynamoSiteDirectory(server.client(), new TableName("VuoroTable"), clock);
        Site site = site(newId(), newNumber());
        saving.create(site);
        assertEquals(1, other.findByNumber(site.smsNumber()).orElseThrow().desks());
        Site changed = new Site(site.id(), site.name(), site.smsNumber(), site.openingHours(), site.staffLanguages(),
                site.defaultServiceTime(), 4, site.ticketLetter(), site.topics(), site.comeBackWhenAhead(),
                site.noShowGrace(), site.interpreting());

        assertEquals(SiteStore.Outcome.SAVED, saving.replace(site, changed));

        assertEquals(4, saving.findByNumber(site.smsNumber()).orElseThrow().desks(), "the saving instance at once");
        assertEquals(4, other.findById(site.id()).orElseThrow().desks(), "by id: never cached");
        assertEquals(1, other.findByNumber(site.smsNumber()).orElseThrow().desks(), "by number: cached a while");
        clock.advance(DynamoSiteDirectory.CACHE_TIME);
        assertEquals(4, other.findByNumber(site.smsNumber()).orElseThrow().desks(), "within the minute");
    }

    @Override
    protected SiteStore store() {
        return sites;
    }
}
