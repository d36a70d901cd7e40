package fi.vuoro.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Outside opening hours a visitor learns the next opening time and gets no ticket. */
class OpeningHoursIT extends RunningService {

    private static final String WEEKDAY_SITE = "+358500000002";

    @BeforeAll
    static void addAWeekdaySite() {
        runtime.context().getBean(DynamoSiteDirectory.class).save(new Site("hervanta", "Hervanta", WEEKDAY_SITE,
                OpeningHours.parse(Map.of("MON", "08:30-16:00", "TUE", "08:30-16:00", "WED", "08:30-11:30,12:30-16:00",
                        "THU", "08:30-18:00", "FRI", "08:30-14:00")),
                Set.of("fi", "en", "ar"), Duration.ofMinutes(20), 3, 'H', Set.of()));
    }

    @AfterEach
    void backToTuesdayNoon() {
        clock.set(TUESDAY_NOON);
    }

    @Test
    void join_onASaturday_shouldGiveMondaysOpeningTime_andNoTicket() {
        clock.set(Instant.parse("2026-11-28T10:00:00Z"));
        String phone = newPhone();
        Reply reply = deliver(inbound(phone, WEEKDAY_SITE, "JOIN"));
        assertEquals(200, reply.status());
        assertTrue(reply.text().contains("30.11. 08:30"), reply.text());
        assertTrue(itemsOfPhone(phone).stream().noneMatch(i -> i.get("SK").s().startsWith("TICKET#")));
    }

    @Test
    void join_duringLunchBreak_shouldGiveTheAfternoonOpening() {
        clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        Reply reply = deliver(inbound(newPhone(), WEEKDAY_SITE, "JONO"));
        assertTrue(reply.text().contains("25.11. 12:30"), reply.text());
    }

    @Test
    void join_whileOpen_shouldIssueATicketWithTheSitesLetter() {
        Reply reply = deliver(inbound(newPhone(), WEEKDAY_SITE, "JONO"));
        assertTrue(reply.ticketCode().startsWith("H"), reply.text());
    }
}
