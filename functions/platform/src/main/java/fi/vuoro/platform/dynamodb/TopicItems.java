package fi.vuoro.platform.dynamodb;

import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.Topic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A site's topics in its profile item: a list of maps {@code {word, letter, names: {en: ..., fi: ...}}}, in the
 * site's order (the order of its topic menu). A profile written when topics were plain words (a list or set of
 * strings) is still read: each word becomes a topic with its first free letter (the site's own ticket letter taken)
 * and the word as its English name.
 */
final class TopicItems {

    static final String ATTRIBUTE = "topics";

    private TopicItems() {
    }

    static AttributeValue toAttribute(List<Topic> topics) {
        return AttributeValue.fromL(topics.stream().map(topic -> {
            Map<String, AttributeValue> names = new TreeMap<>();
            topic.names().forEach((code, name) -> names.put(code, AttributeValue.fromS(name)));
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("word", AttributeValue.fromS(topic.word()));
            item.put("letter", AttributeValue.fromS(Character.toString(topic.letter())));
            item.put("names", AttributeValue.fromM(names));
            return AttributeValue.fromM(item);
        }).toList());
    }

    static List<Topic> fromItem(Map<String, AttributeValue> item, char siteTicketLetter) {
        AttributeValue value = item.get(ATTRIBUTE);
        if (value == null) {
            return List.of();
        }
        if (value.hasSs()) {
            return Site.topicsOfWords(value.ss().stream().sorted().toList(), siteTicketLetter);
        }
        List<AttributeValue> list = value.l();
        if (list.stream().allMatch(element -> element.s() != null)) {
            return Site.topicsOfWords(list.stream().map(AttributeValue::s).sorted().toList(),
                    siteTicketLetter);
        }
        return list.stream().map(TopicItems::topic).toList();
    }

    private static Topic topic(AttributeValue value) {
        Map<String, AttributeValue> item = value.m();
        Map<String, String> names = new TreeMap<>();
        Stream.ofNullable(item.get("names")).flatMap(n -> n.m().entrySet().stream())
                .forEach(name -> names.put(name.getKey(), name.getValue().s()));
        return new Topic(item.get("word").s(), item.get("letter").s().charAt(0), names);
    }
}
