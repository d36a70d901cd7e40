package fi.vuoro.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.vuoro.domain.audit.Audit;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.queue.QueueDay;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.queue.QueueEvents;
import fi.vuoro.domain.queue.TicketChange;
import fi.vuoro.domain.queue.TicketLifecycle;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoShowSweepTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final ServiceDay TODAY = ServiceDay.of(NOW);
    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();

    private static Site site(String id, char letter) {
        return new Site(id, "Site " + id, "+35850000009" + (letter - 'A'), OpeningHours.always(), Set.of("fi"),
                Duration.ofMinutes(15), 1, letter, Set.of());
    }

    private static final TicketLifecycle LIFECYCLE = new TicketLifecycle(new QueueSms(CATALOGUE));

    private static Ticket calledLongAgo(Site site, int number) {
        Ticket waiting = Ticket.joinedBySms(site.id(), TODAY, number, TicketCode.of('A', number), "fi", Optional.empty(),
                false, "hash-" + number, "v1:cipher-" + number, NOW.minusSeconds(3600), TODAY.expiresAt(Duration.ZERO));
        return LIFECYCLE.call(site, waiting, "1", NOW.minus(Duration.ofMinutes(30))).after();
    }

    @Test
    void run_shouldSweepEveryOtherSiteAndTicket_whenOneSiteOrTicketCannotBeWritten() {
        Site unreadable = site("unreadable", 'A');
        Site busy = site("busy", 'B');
        Map<String, List<Ticket>> days = Map.of(busy.id(), List.of(calledLongAgo(busy, 1),
                calledLongAgo(busy, 2), calledLongAgo(busy, 3)));
        List<Integer> marked = new ArrayList<>();
        QueueStore queue = (QueueStore) Proxy.newProxyInstance(QueueStore.class.getClassLoader(),
                new Class<?>[] {QueueStore.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "day" -> {
                        if (args[0].equals(unreadable.id())) {
                            throw new IllegalStateException("throttled");
                        }
                        yield new QueueDay(days.get((String) args[0]), List.of());
                    }
                    case "apply" -> {
                        Ticket ticket = ((TicketChange) args[0]).before();
                        if (ticket.number() == 2) {
                            throw new IllegalStateException("Transaction cancelled [None, ConditionalCheckFailed]");
                        }
                        marked.add(ticket.number());
                        yield true;
                    }
                    default -> throw new AssertionError("not expected: " + method.getName());
                });
        SiteDirectory sites = new SiteDirectory() {
            @Override
            public Optional<Site> findByNumber(String e164Number) {
                return Optional.empty();
            }

            @Override
            public Optional<Site> findById(String siteId) {
                return Optional.empty();
            }

            @Override
            public List<Site> all() {
                return List.of(unreadable, busy);
            }
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        StaffQueueService staff = new StaffQueueService(sites, queue, LIFECYCLE, QueueEvents.none(),
                new StaffInput(CATALOGUE), new CallOrder(List.of()), clock, Audit.none());

        NoShowSweep.Result result = new NoShowSweep(sites, queue, staff, clock).run();

        assertEquals(new NoShowSweep.Result(2, 2), result);
        assertEquals(List.of(1, 3), marked, "the ticket after the one that failed is still swept");
    }
}
