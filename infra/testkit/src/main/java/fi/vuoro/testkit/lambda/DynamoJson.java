package fi.vuoro.testkit.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Attribute values in DynamoDB JSON ({@code {"S":"MSG"}}, {@code {"N":"1.5"}}, {@code {"NULL":true}}, binary as
 * base64), the form stream records take in a Lambda event and the form filter patterns are written against.
 */
final class DynamoJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DynamoJson() {}

    static ObjectNode item(Map<String, AttributeValue> attributes) {
        ObjectNode item = NODES.objectNode();
        attributes.forEach((name, value) -> item.set(name, value(value)));
        return item;
    }

    static ObjectNode value(AttributeValue value) {
        ObjectNode json = NODES.objectNode();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case B -> json.put("B", base64(value.b()));
            case BOOL -> json.put("BOOL", value.bool());
            case NUL -> json.put("NULL", true);
            case SS -> value.ss().forEach(json.putArray("SS")::add);
            case NS -> value.ns().forEach(json.putArray("NS")::add);
            case BS -> {
                ArrayNode set = json.putArray("BS");
                value.bs().forEach(bytes -> set.add(base64(bytes)));
            }
            case M -> json.set("M", item(value.m()));
            case L -> {
                ArrayNode list = json.putArray("L");
                value.l().forEach(element -> list.add(value(element)));
            }
            default -> throw new IllegalArgumentException("Attribute value of a type this SDK does not know: " + value);
        }
        return json;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }
}
