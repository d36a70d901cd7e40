package fi.vuoro.domain.sms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.SmsSegments;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The topic menu fits in two segments in every language, however many topics and however long their names. */
class TopicMenuTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();
    private static final TopicMenu MENU = new TopicMenu(CATALOGUE);

    /** Nine topics whose names in every language are at their longest, in one alphabet. */
    private static List<Topic> longest(String letter) {
        List<Topic> topics = new ArrayList<>();
        for (int i = 0; i < Site.MAX_TOPICS; i++) {
            Map<String, String> names = new java.util.HashMap<>();
            for (Language language : CATALOGUE.languages()) {
                names.put(language.code(), letter.repeat(Topic.MAX_NAME_LENGTH));
            }
            topics.add(new Topic("T" + i, (char) ('B' + i), names));
        }
        return topics;
    }

    static Stream<Arguments> everyLanguageAndAlphabet() {
        return CATALOGUE.languages().stream().flatMap(language -> Stream.of("W", "ж", "ش")
                .map(letter -> Arguments.of(language.code(), letter)));
    }

    @ParameterizedTest(name = "{0} names in {1}")
    @MethodSource("everyLanguageAndAlphabet")
    void menu_shouldFitInTwoSegments_andListEveryTopic_withNamesAtTheirLongest(String code, String letter) {
        Language language = CATALOGUE.language(code).orElseThrow();

        String menu = MENU.render(language, longest(letter));

        assertTrue(SmsSegments.segments(menu) <= SmsSegments.MAX_SEGMENTS,
                () -> code + " takes " + SmsSegments.segments(menu) + " segments: " + menu);
        for (int i = 1; i <= Site.MAX_TOPICS; i++) {
            assertTrue(menu.contains("\n" + i + " "), "topic " + i + " is on the menu: " + menu);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyLanguageAndAlphabet")
    void menu_shouldKeepNamesWhole_whenTheyFit(String code, String letter) {
        Language language = CATALOGUE.language(code).orElseThrow();
        List<Topic> two = List.of(new Topic("KELA", 'K', Map.of("en", "Kela benefits")),
                new Topic("LUPA", 'L', Map.of("en", "Residence permit")));

        String menu = MENU.render(language, two);

        assertTrue(menu.endsWith("\n1 Kela benefits\n2 Residence permit"), menu);
    }
}
