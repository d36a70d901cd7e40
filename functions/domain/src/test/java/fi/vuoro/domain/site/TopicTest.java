package fi.vuoro.domain.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicTest {

    private static final Map<String, String> NAMES = Map.of("en", "Kela benefits", "fi", "Kela-etuudet");

    @Test
    void topic_shouldUpperCaseItsWord_andNameItInEnglish_whereItHasNoNameInTheLanguage() {
        Topic kela = new Topic("kela", 'K', NAMES);

        assertEquals("KELA", kela.word());
        assertEquals("Kela-etuudet", kela.name("fi"));
        assertEquals("Kela benefits", kela.name("so"));
    }

    @Test
    void topic_shouldBeRefused_withABadWord_letterOrNames() {
        assertThrows(IllegalArgumentException.class, () -> new Topic("KELA ETUUS", 'K', NAMES));
        assertThrows(IllegalArgumentException.class, () -> new Topic("12", 'K', NAMES));
        assertThrows(IllegalArgumentException.class, () -> new Topic("W".repeat(21), 'K', NAMES));
        assertThrows(IllegalArgumentException.class, () -> new Topic("KELA", 'k', NAMES));
        assertThrows(IllegalArgumentException.class, () -> new Topic("KELA", 'K', Map.of("fi", "Kela")));
        assertThrows(IllegalArgumentException.class, () -> new Topic("KELA", 'K', Map.of("en", "K".repeat(31))));
    }

    @Test
    void site_shouldRefuseTwoTopicsWithOneLetterOrWord_andMoreThanNine() {
        Site site = new Site("s", "S", "+358500000009", OpeningHours.always(), Set.of("fi"), Duration.ofMinutes(15),
                1, 'A', Set.of());
        Topic kela = new Topic("KELA", 'K', NAMES);

        assertThrows(IllegalArgumentException.class,
                () -> site.withTopics(List.of(kela, new Topic("KOTI", 'K', Map.of("en", "Home")))));
        assertThrows(IllegalArgumentException.class,
                () -> site.withTopics(List.of(kela, new Topic("kelá", 'L', Map.of("en", "Kela again")))));
        List<Topic> ten = "ABCDEFGHIJ".chars().mapToObj(c -> new Topic("T" + (char) c, (char) c, Map.of("en", "T")))
                .toList();
        assertThrows(IllegalArgumentException.class, () -> site.withTopics(ten));
    }

    @Test
    void topicsOfWords_shouldGiveEachOldWordItsFirstFreeLetter_notTheSitesOwn_andItsWordAsEnglishName() {
        List<Topic> topics = Site.topicsOfWords(List.of("KELA", "KOTI", "TYO"), 'T');

        assertEquals(List.of('K', 'O', 'Y'), topics.stream().map(Topic::letter).toList(),
                "the second K and the site's own T taken");
        assertEquals("KOTI", topics.get(1).name("fi"));
    }

    @Test
    void site_shouldFindATopicByItsWord_andGiveTicketsItsLetter() {
        Site site = new Site("s", "S", "+358500000009", OpeningHours.always(), Set.of("fi"), Duration.ofMinutes(15),
                1, 'A', Set.of()).withTopics(List.of(new Topic("TYÖ", 'W', Map.of("en", "Work"))));

        assertEquals(Optional.of("TYÖ"), site.topicNamedIn("tyo please").map(Topic::word));
        assertEquals('W', site.ticketLetterFor(Optional.of("työ")));
        assertEquals('A', site.ticketLetterFor(Optional.empty()));
        assertTrue(site.topicNamedIn("").isEmpty());
    }
}
