package fi.vuoro.domain.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.Topic;
import fi.vuoro.domain.testing.QueueWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Joining a site with topics: a topic named at once, or chosen from the menu by a number or its word. */
class TopicJoinTest {

    private static final Instant NOON = Instant.parse("2026-11-24T10:00:00Z");
    private static final List<Topic> TOPICS = List.of(
            new Topic("KELA", 'K', Map.of("en", "Kela benefits", "fi", "Kela-etuudet", "ar", "مزايا كيلا")),
            new Topic("LUPA", 'L', Map.of("en", "Residence permit", "fi", "Oleskelulupa")),
            new Topic("TYÖ", 'W', Map.of("en", "Work and study")));
    private static final Site SITE = new Site("hervanta", "Hervanta", "+358500000002", OpeningHours.always(),
            Set.of("fi", "en"), Duration.ofMinutes(15), 2, 'A', Set.of()).withTopics(TOPICS);
    private static final Site ONE_TOPIC = new Site("kaleva", "Kaleva", "+358500000003", OpeningHours.always(),
            Set.of("fi", "en"), Duration.ofMinutes(15), 2, 'A', Set.of()).withTopics(TOPICS.subList(0, 1));
    private static final Site NO_TOPICS = new Site("demo", "Demo", "+358500000001", OpeningHours.always(),
            Set.of("fi", "en"), Duration.ofMinutes(15), 2, 'A', Set.of());

    private final QueueWorld world = new QueueWorld(NOON).site(SITE).site(ONE_TOPIC).site(NO_TOPICS).start();

    private Optional<Ticket> ticket(Site site, int number) {
        return world.queue.find(new TicketRef(site.id(), ServiceDay.of(world.clock.instant()), number),
                world.clock.instant());
    }

    @Test
    void join_shouldAskWhichTopic_inTheVisitorsLanguage_withoutIssuingATicket() {
        String menu = world.text("+358401200001", SITE, "JONO");

        assertEquals("Mitä asiasi koskee? Vastaa numerolla:\n1 Kela-etuudet\n2 Oleskelulupa\n3 Work and study", menu,
                "Finnish names, English where a topic has none in Finnish");
        assertEquals(Optional.empty(), ticket(SITE, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "٢", "۲", " 2. "})
    void menuAnswer_shouldJoinTheTopic_withItsLetter_whateverDigitsThePhoneTypes(String answer) {
        world.text("+358401200011", SITE, "JOIN");

        String joined = world.text("+358401200011", SITE, answer);

        assertTrue(joined.contains("L1"), joined);
        assertEquals(Optional.of("LUPA"), ticket(SITE, 1).orElseThrow().topic());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kela", "KELA", "Kelá"})
    void menuAnswer_shouldJoinTheTopic_whenTheVisitorTextsItsWord(String answer) {
        world.text("+358401200021", SITE, "JOIN");

        assertTrue(world.text("+358401200021", SITE, answer).contains("K1"));
    }

    @Test
    void join_shouldJoinTheNamedTopic_atOnce_inAnyFormTheParserAccepts() {
        assertTrue(world.text("+358401200031", SITE, "JOIN KELA").contains("K1"));
        assertTrue(world.text("+358401200032", SITE, "jono työ").contains("W2"));
        assertTrue(world.text("+358401200033", SITE, "JONO TYO AR").contains("W3"), "accents dropped, language kept");
        assertEquals("ar", ticket(SITE, 3).orElseThrow().language());
    }

    @Test
    void menu_shouldBeRepeated_forANumberNotOnIt_orTextThatIsNoCommand_whileCommandsStillWork() {
        String menu = world.text("+358401200041", SITE, "JOIN");

        assertEquals(menu, world.text("+358401200041", SITE, "7"));
        assertEquals(menu, world.text("+358401200041", SITE, "hello?"));
        assertTrue(world.text("+358401200041", SITE, "STATUS").contains("JOIN"), "not in the queue yet");
        assertTrue(world.text("+358401200041", SITE, "1").contains("K1"), "the menu still awaits its answer");
    }

    @Test
    void menuAnswered_shouldNoLongerCaptureDigits() {
        world.text("+358401200051", SITE, "JOIN");
        world.text("+358401200051", SITE, "1");

        String again = world.text("+358401200051", SITE, "2");

        assertTrue(again.contains("K1"), "a digit is a language choice and join again, which repeats the ticket");
    }

    @Test
    void menu_shouldAwaitItsAnswer_onlyOnItsServiceDay() {
        world.text("+358401200061", SITE, "JOIN");
        world.clock.advance(Duration.ofDays(1));

        String reply = world.text("+358401200061", SITE, "2");

        assertTrue(reply.startsWith("Vad gäller ärendet?"), "the next day 2 picks Swedish from the language menu, "
                + "then the topic is asked: " + reply);
    }

    @Test
    void aVisitorOfUnknownLanguage_shouldChooseTheLanguageFirst_thenTheTopic_eachByADigit() {
        String languageMenu = world.text("+358401200101", SITE, "hello");
        String topicMenu = world.text("+358401200101", SITE, "3");
        String joined = world.text("+358401200101", SITE, "3");

        assertTrue(languageMenu.startsWith("Vuoro:"), languageMenu);
        assertTrue(topicMenu.startsWith("Which topic?"), "3 chose English from the language menu: " + topicMenu);
        assertTrue(joined.contains("W1"), "then 3 chose the third topic: " + joined);
    }

    @Test
    void languageChange_shouldKeepTheMenuAwaitingItsAnswer() {
        world.text("+358401200071", SITE, "JOIN");
        world.text("+358401200071", SITE, "LANG AR");

        assertTrue(world.text("+358401200071", SITE, "1").contains("K1"));
        assertEquals("ar", ticket(SITE, 1).orElseThrow().language());
    }

    @Test
    void join_shouldTakeTheOnlyTopic_withoutAsking_andASiteWithoutTopicsIssuesItsOwnLetter() {
        assertTrue(world.text("+358401200081", ONE_TOPIC, "JOIN").contains("K1"));
        assertEquals(Optional.of("KELA"), ticket(ONE_TOPIC, 1).orElseThrow().topic());

        String plain = world.text("+358401200082", NO_TOPICS, "JOIN KELA");
        assertTrue(plain.contains("A1"), plain);
        assertFalse(ticket(NO_TOPICS, 1).orElseThrow().topic().isPresent());
    }

    @Test
    void ticketNumbers_shouldComeFromTheSitesOneDailyCounter_soCodesStayUnique() {
        world.text("+358401200091", SITE, "JOIN KELA");
        world.text("+358401200092", SITE, "JOIN LUPA");
        world.text("+358401200093", SITE, "JOIN KELA");

        assertEquals(List.of("K1", "L2", "K3"), List.of(ticket(SITE, 1).orElseThrow().code(),
                ticket(SITE, 2).orElseThrow().code(), ticket(SITE, 3).orElseThrow().code()));
        assertEquals("A4", world.staff.addWalkIn(QueueWorld.staffOf(SITE), SITE.id(), "M. K.", "fi",
                Optional.empty()).code(), "a walk-in without a topic gets the site's letter");
        assertEquals("L5", world.staff.addWalkIn(QueueWorld.staffOf(SITE), SITE.id(), "M. L.", "fi",
                Optional.of("lupa")).code());
    }
}
