package fi.vuoro.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.site.Topic;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The seeded sites as the README describes them. */
class DemoSiteTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();

    @Test
    void demoSite_shouldHaveNoTopics_soJoinGivesATicketAtOnce() {
        assertEquals(List.of(), DemoSite.create().topics());
    }

    @Test
    void hervanta_shouldHaveFourTopics_namedInEveryLanguageOfTheMessageFiles() {
        List<Topic> topics = DemoSite.hervanta().topics();

        assertEquals("KELA K, LUPA L, HOUSING H, WORK W", topics.stream()
                .map(topic -> topic.word() + " " + topic.letter()).collect(Collectors.joining(", ")));
        for (Topic topic : topics) {
            for (Language language : CATALOGUE.languages()) {
                assertTrue(topic.names().containsKey(language.code()), topic.word() + " has no " + language.code()
                        + " name");
            }
        }
    }
}
