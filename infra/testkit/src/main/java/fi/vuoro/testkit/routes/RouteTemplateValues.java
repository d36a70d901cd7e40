package fi.vuoro.testkit.routes;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads of the literal values that decide routing. Anything else, most often an intrinsic such as
 * {@code {Ref=Stage}} or {@code {Fn::If=...}}, is rejected with its location: which route API Gateway picks, and
 * whether it asks for a token, must not depend on a value the test kit cannot evaluate.
 */
final class RouteTemplateValues {

    private RouteTemplateValues() {}

    static String string(Object value, String where) {
        if (value instanceof String text) {
            return text;
        }
        throw unreadable(value, where, "a plain string");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (value instanceof Map<?, ?> map && !isIntrinsic(map)) {
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    throw unreadable(value, where, "a mapping with string keys");
                }
            }
            return (Map<String, Object>) map;
        }
        throw unreadable(value, where, "a mapping");
    }

    /** The mapping under {@code key}, or an empty one when the key is absent. */
    static Map<String, Object> optionalMap(Map<String, Object> parent, String key, String where) {
        Object value = parent.get(key);
        return value == null ? Map.of() : map(value, where + "." + key);
    }

    static boolean bool(Object value, String where) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw unreadable(value, where, "true or false");
    }

    static int wholeNumber(Object value, String where) {
        if (value instanceof Integer number) {
            return number;
        }
        if (value instanceof String text && text.matches("\\d{1,9}")) {
            return Integer.parseInt(text);
        }
        throw unreadable(value, where, "a whole number");
    }

    static double number(Object value, String where) {
        if (value instanceof Integer || value instanceof Long || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof String text && text.matches("\\d+(\\.\\d+)?")) {
            return Double.parseDouble(text);
        }
        throw unreadable(value, where, "a number");
    }

    /** The logical id a {@code {Ref=Id}} names, or empty for any other value. */
    static Optional<String> refTarget(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("Ref") instanceof String target) {
            return Optional.of(target);
        }
        return Optional.empty();
    }

    /**
     * Fails on a key that is neither modelled nor known to leave routing, authorisation and throttling alone, so a
     * setting nobody taught the route table about is never silently dropped.
     */
    static void rejectUnmodelled(Map<String, Object> map, Set<String> modelled, Set<String> ignored, String where) {
        for (String key : map.keySet()) {
            if (!modelled.contains(key) && !ignored.contains(key)) {
                Set<String> known = new TreeSet<>(modelled);
                known.addAll(ignored);
                throw new IllegalArgumentException(where + "." + key + " is not modelled by the HTTP API route table"
                        + " (known: " + known + "); teach HttpApiRoutes what it does to routing before using it");
            }
        }
    }

    private static boolean isIntrinsic(Map<?, ?> map) {
        if (map.size() != 1) {
            return false;
        }
        Object key = map.keySet().iterator().next();
        return key instanceof String name && (name.equals("Ref") || name.equals("Condition") || name.startsWith("Fn::"));
    }

    private static IllegalArgumentException unreadable(Object value, String where, String expected) {
        return new IllegalArgumentException(where + " must be " + expected + " to tell how API Gateway routes"
                + " requests, but is " + value);
    }
}
