package fi.vuoro.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.site.Topic;
import fi.vuoro.testkit.CloudFormationTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The seeded site and the documented example site as the README describes them. */
class DemoSiteTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();

    /** The README's example settings of Hervanta, the local coordinator's second site. */
    static Path hervantaExample() {
        return CloudFormationTemplate.locate().getParent().resolve("docs/examples/hervanta-settings.json");
    }

    @Test
    void demoSite_shouldHaveNoTopics_soJoinGivesATicketAtOnce() {
        assertEquals(List.of(), DemoSite.create().topics());
    }

    @Test
    void theHervantaExample_shouldHoldTheDemoTopics_namedInEveryLanguageOfTheMessageFiles() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> documented = new ArrayList<>();
        for (JsonNode topic : json.readTree(hervantaExample().toFile()).get("topics")) {
            documented.add(topic.get("word").asText() + " " + topic.get("letter").asText() + " "
                    + new TreeMap<>(json.convertValue(topic.get("names"), new TypeReference<Map<String, String>>() { })));
        }

        assertEquals(DemoSite.HERVANTA_TOPICS.stream()
                .map(topic -> topic.word() + " " + topic.letter() + " " + new TreeMap<>(topic.names())).toList(),
                documented, "the example and the topics the tests use are the same");
        for (Topic topic : DemoSite.HERVANTA_TOPICS) {
            for (Language language : CATALOGUE.languages()) {
                assertTrue(topic.names().containsKey(language.code()), topic.word() + " has no " + language.code()
                        + " name");
            }
        }
    }
}
