package fi.vuoro.testkit;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of literal template values. Anything that is not a literal of the expected kind (most often an
 * intrinsic such as {@code {Ref=Stage}}) is rejected with its location, because local tooling cannot evaluate it
 * and guessing would make local tables differ from the deployed ones.
 */
final class TemplateValues {

    private TemplateValues() {}

    static String string(Object value, String where) {
        if (value instanceof String text) {
            return text;
        }
        throw untranslatable(value, where, "a plain string");
    }

    static boolean bool(Object value, String where) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if ("true".equalsIgnoreCase(String.valueOf(value)) || "false".equalsIgnoreCase(String.valueOf(value))) {
            return Boolean.parseBoolean(String.valueOf(value));
        }
        throw untranslatable(value, where, "true or false");
    }

    static long number(Object value, String where) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && text.matches("\\d+")) {
            return Long.parseLong(text);
        }
        throw untranslatable(value, where, "a whole number");
    }

    static List<?> list(Object value, String where) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw untranslatable(value, where, "a list");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (value instanceof Map<?, ?> map && !isIntrinsic(map)) {
            return (Map<String, Object>) map;
        }
        throw untranslatable(value, where, "a mapping");
    }

    static Object required(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException(where + "." + key + " is required but missing");
        }
        return value;
    }

    /** Fails on any key outside {@code known}, so a property nobody taught us about is never silently dropped. */
    static void rejectUnknownKeys(Map<String, Object> map, Set<String> known, String where) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(where + "." + key + " is not supported by the local table"
                        + " translation (supported: " + known + "); teach TemplateTables about it");
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

    private static IllegalArgumentException untranslatable(Object value, String where, String expected) {
        return new IllegalArgumentException(where + " must be " + expected + " for local tables but is " + value);
    }
}
