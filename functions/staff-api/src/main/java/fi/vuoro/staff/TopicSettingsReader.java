package fi.vuoro.staff;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import fi.vuoro.staff.StaffViews.TopicSettingsView;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a topic of the settings: the object form, or a plain word (how topics were once written), which becomes a
 * topic with only its word so that the settings can refuse it showing the object form rather than a parser's error.
 * A value of the wrong type is read as missing, which the settings refuse naming the field.
 */
final class TopicSettingsReader extends JsonDeserializer<TopicSettingsView> {

    @Override
    public TopicSettingsView deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = parser.readValueAsTree();
        if (node.isTextual()) {
            return new TopicSettingsView(node.asText(), null, null);
        }
        if (!node.isObject()) {
            return new TopicSettingsView(null, null, null);
        }
        Map<String, String> names = null;
        JsonNode given = node.get("names");
        if (given != null && given.isObject()) {
            names = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> name : (Iterable<Map.Entry<String, JsonNode>>) given::fields) {
                names.put(name.getKey(), name.getValue().isTextual() ? name.getValue().asText() : null);
            }
        }
        return new TopicSettingsView(text(node, "word"), text(node, "letter"), names);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
