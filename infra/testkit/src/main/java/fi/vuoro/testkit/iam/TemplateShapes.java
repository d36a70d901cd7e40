package fi.vuoro.testkit.iam;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of the maps and lists a template is made of. A value of the wrong shape fails with its location
 * (the path inside the template and the template's file), so a reader can find the declaration at once.
 */
final class TemplateShapes {

    private TemplateShapes() {}

    static IllegalArgumentException problem(CloudFormationTemplate template, String where, String message) {
        return new IllegalArgumentException(where + " in " + template.path() + ": " + message);
    }

    /** A one-key map naming {@code Ref}, {@code Condition} or an {@code Fn::} function, as the loader writes them. */
    static boolean isIntrinsic(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.size() != 1) {
            return false;
        }
        Object key = map.keySet().iterator().next();
        return key instanceof String name && (name.equals("Ref") || name.equals("Condition") || name.startsWith("Fn::"));
    }

    static String intrinsicName(Object value) {
        return (String) ((Map<?, ?>) value).keySet().iterator().next();
    }

    /** A literal mapping; an intrinsic in its place is rejected because its result is not known from the template. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(CloudFormationTemplate template, Object value, String where) {
        if (value instanceof Map<?, ?> map && !isIntrinsic(map)) {
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    throw problem(template, where, "has a non-string key " + key);
                }
            }
            return (Map<String, Object>) map;
        }
        throw problem(template, where, "should be a mapping but is " + value);
    }

    static List<?> list(CloudFormationTemplate template, Object value, String where) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw problem(template, where, "should be a list but is " + value);
    }
}
