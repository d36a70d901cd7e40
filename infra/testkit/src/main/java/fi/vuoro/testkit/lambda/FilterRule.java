package fi.vuoro.testkit.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of a filter pattern's value list ({@code "SK": {"S": [ rule, rule ]}}), tested against the leaf values
 * found at that place in a record. A field holding a list contributes each of its values as a leaf; a field holding an
 * object contributes none, which is why {@code exists} only ever sees values, never nested objects.
 */
sealed interface FilterRule {

    Set<String> OPERATORS = Set.of("prefix", "suffix", "exists", "anything-but", "numeric", "equals-ignore-case");

    /** Whether the rule accepts the values at its field ({@code leaves} is empty when the field is absent). */
    boolean matches(List<JsonNode> leaves);

    /** Reads one list entry: a literal, or an object with exactly one supported operator. */
    static FilterRule parse(JsonNode entry, String where) {
        if (entry.isTextual() || entry.isNumber() || entry.isBoolean() || entry.isNull()) {
            return new Equals(entry);
        }
        if (!entry.isObject() || entry.size() != 1) {
            throw new IllegalArgumentException(where + ": expected a string, number, boolean, null or an object with"
                    + " one operator, but got " + entry);
        }
        Map.Entry<String, JsonNode> operator = entry.fields().next();
        String name = operator.getKey();
        JsonNode argument = operator.getValue();
        return switch (name) {
            case "prefix" -> new Prefix(text(argument, where, name));
            case "suffix" -> new Suffix(text(argument, where, name));
            case "equals-ignore-case" -> new EqualsIgnoreCase(text(argument, where, name));
            case "exists" -> {
                if (!argument.isBoolean()) {
                    throw new IllegalArgumentException(where + ": \"exists\" takes true or false, not " + argument);
                }
                yield new Exists(argument.booleanValue());
            }
            case "anything-but" -> AnythingBut.parse(argument, where);
            case "numeric" -> Numeric.parse(argument, where);
            default -> throw new IllegalArgumentException(where + ": operator \"" + name + "\" is not supported here"
                    + " (supported: " + OPERATORS + ")");
        };
    }

    private static String text(JsonNode argument, String where, String operator) {
        if (!argument.isTextual()) {
            throw new IllegalArgumentException(where + ": \"" + operator + "\" takes a plain string here, not " + argument);
        }
        return argument.textValue();
    }

    /**
     * Exact match. Numbers compare by their written form, as Lambda documents (300, 300.0 and 3.0e2 differ); the
     * pattern and the record are read with exact decimals so that form survives parsing.
     */
    record Equals(JsonNode expected) implements FilterRule {
        @Override
        public boolean matches(List<JsonNode> leaves) {
            return leaves.stream().anyMatch(leaf -> same(expected, leaf));
        }

        static boolean same(JsonNode expected, JsonNode leaf) {
            if (expected.isNumber()) {
                return leaf.isNumber() && expected.decimalValue().equals(leaf.decimalValue());
            }
            return expected.getNodeType() == leaf.getNodeType() && expected.equals(leaf);
        }
    }

    record Prefix(String prefix) implements FilterRule {
        @Override
        public boolean matches(List<JsonNode> leaves) {
            return leaves.stream().anyMatch(leaf -> leaf.isTextual() && leaf.textValue().startsWith(prefix));
        }
    }

    record Suffix(String suffix) implements FilterRule {
        @Override
        public boolean matches(List<JsonNode> leaves) {
            return leaves.stream().anyMatch(leaf -> leaf.isTextual() && leaf.textValue().endsWith(suffix));
        }
    }

    record EqualsIgnoreCase(String expected) implements FilterRule {
        @Override
        public boolean matches(List<JsonNode> leaves) {
            return leaves.stream().anyMatch(leaf -> leaf.isTextual() && leaf.textValue().equalsIgnoreCase(expected));
        }
    }

    record Exists(boolean present) implements FilterRule {
        @Override
        public boolean matches(List<JsonNode> leaves) {
            return leaves.isEmpty() != present;
        }
    }

    /** Matches a value that is none of the listed ones; an absent field is not "anything but" anything. */
    record AnythingBut(List<JsonNode> excluded) implements FilterRule {
        @Override
        public boolean matches(List<JsonNode> leaves) {
            return leaves.stream().anyMatch(leaf -> excluded.stream().noneMatch(value -> Equals.same(value, leaf)));
        }

        static AnythingBut parse(JsonNode argument, String where) {
            List<JsonNode> values = new ArrayList<>();
            if (argument.isArray()) {
                argument.forEach(values::add);
            } else {
                values.add(argument);
            }
            if (values.isEmpty()) {
                throw new IllegalArgumentException(where + ": \"anything-but\" needs at least one value");
            }
            for (JsonNode value : values) {
                if (!value.isTextual() && !value.isNumber()) {
                    throw new IllegalArgumentException(where + ": \"anything-but\" takes strings or numbers here"
                            + " (not prefix, suffix or other nested operators), but got " + value);
                }
            }
            return new AnythingBut(List.copyOf(values));
        }
    }

    /** One or two comparisons that a JSON number must all pass; strings holding digits are not numbers. */
    record Numeric(List<Comparison> comparisons) implements FilterRule {
        @Override
        public boolean matches(List<JsonNode> leaves) {
            return leaves.stream().anyMatch(leaf -> leaf.isNumber()
                    && comparisons.stream().allMatch(comparison -> comparison.accepts(leaf.decimalValue())));
        }

        static Numeric parse(JsonNode argument, String where) {
            if (!argument.isArray() || (argument.size() != 2 && argument.size() != 4)) {
                throw new IllegalArgumentException(where + ": \"numeric\" takes [op, number] or"
                        + " [op, number, op, number], not " + argument);
            }
            List<Comparison> comparisons = new ArrayList<>();
            for (int i = 0; i < argument.size(); i += 2) {
                JsonNode operator = argument.get(i);
                JsonNode operand = argument.get(i + 1);
                if (!operator.isTextual() || !Comparison.OPERATORS.contains(operator.textValue()) || !operand.isNumber()) {
                    throw new IllegalArgumentException(where + ": \"numeric\" pairs are one of "
                            + Comparison.OPERATORS + " and a number, not " + operator + ", " + operand);
                }
                comparisons.add(new Comparison(operator.textValue(), operand.decimalValue()));
            }
            if (comparisons.size() == 2 && comparisons.stream().anyMatch(c -> c.operator().equals("="))) {
                throw new IllegalArgumentException(where + ": a \"numeric\" range cannot contain \"=\": " + argument);
            }
            return new Numeric(List.copyOf(comparisons));
        }
    }

    record Comparison(String operator, BigDecimal operand) {
        static final Set<String> OPERATORS = Set.of("=", "<", "<=", ">", ">=");

        boolean accepts(BigDecimal value) {
            int order = value.compareTo(operand);
            return switch (operator) {
                case "=" -> order == 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> throw new IllegalStateException("Unknown numeric operator " + operator);
            };
        }
    }
}
