package fi.vuoro.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Tickets are issued safely under concurrency: no duplicates, no lost joins, no gaps. */
class ConcurrentJoinIT extends RunningService {

    private static final String BUSY_SITE = "+358500000003";

    @Test
    void hundredConcurrentJoins_shouldGetHundredDistinctConsecutiveCodes() throws Exception {
        runtime.context().getBean(DynamoSiteDirectory.class).save(new Site("busy", "Busy", BUSY_SITE,
                OpeningHours.always(), Set.of("fi"), Duration.ofMinutes(10), 4, 'C', Set.of()));
        List<Callable<Reply>> joins = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String phone = newPhone();
            joins.add(() -> deliver(inbound(phone, BUSY_SITE, "JONO")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Reply> replies = new ArrayList<>();
        try {
            for (Future<Reply> future : pool.invokeAll(joins)) {
                replies.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        replies.forEach(reply -> assertEquals(200, reply.status(), reply.body()));
        Set<String> codes = replies.stream().map(Reply::ticketCode).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = IntStream.rangeClosed(1, 100).mapToObj(n -> "C" + n)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, codes);
    }
}
