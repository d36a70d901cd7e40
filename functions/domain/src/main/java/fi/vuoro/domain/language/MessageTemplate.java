package fi.vuoro.domain.language;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One message text split into literal parts and {@code {placeholder}} parts, ready to fill in. */
final class MessageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    /** Either a literal or the id of a placeholder. */
    private record Part(String text, boolean placeholder) {
    }

    private final String text;
    private final List<Part> parts;

    private MessageTemplate(String text, List<Part> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /**
     * Splits the text. A brace that does not enclose a placeholder name is rejected: it would reach the
     * visitor as is, and braces cost two GSM characters each.
     */
    static MessageTemplate parse(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int literalStart = 0;
        while (matcher.find()) {
            addLiteral(parts, text.substring(literalStart, matcher.start()));
            parts.add(new Part(matcher.group(1), true));
            literalStart = matcher.end();
        }
        addLiteral(parts, text.substring(literalStart));
        return new MessageTemplate(text, parts);
    }

    private static void addLiteral(List<Part> parts, String literal) {
        if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
            throw new IllegalArgumentException("has a brace that is not part of a {placeholder}");
        }
        if (!literal.isEmpty()) {
            parts.add(new Part(literal, false));
        }
    }

    /** The placeholder ids the text uses, in order of first use. */
    Set<String> placeholders() {
        Set<String> ids = new LinkedHashSet<>();
        parts.stream().filter(Part::placeholder).forEach(part -> ids.add(part.text()));
        return ids;
    }

    /** How many times the text uses the placeholder. */
    int uses(String id) {
        return (int) parts.stream().filter(part -> part.placeholder() && part.text().equals(id)).count();
    }

    /** The text as written in the file. */
    String text() {
        return text;
    }

    /** Fills in every placeholder; a value missing for a placeholder the text uses is an error. */
    String render(Map<String, String> values) {
        StringBuilder rendered = new StringBuilder(text.length() + 32);
        for (Part part : parts) {
            if (!part.placeholder()) {
                rendered.append(part.text());
                continue;
            }
            String value = values.get(part.text());
            if (value == null) {
                throw new IllegalArgumentException("no value for placeholder {" + part.text() + "}");
            }
            rendered.append(value);
        }
        return rendered.toString();
    }
}
