package fi.vuoro.testkit.iam;

import static fi.vuoro.testkit.iam.TemplateShapes.map;
import static fi.vuoro.testkit.iam.TemplateShapes.problem;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The value of each template parameter in a test deployment: the context's value if given, else the template's
 * {@code Default}. Values are checked against the parameter's constraints as CloudFormation checks them at deploy
 * time, so a test cannot resolve the template with a value the real deployment would refuse.
 */
final class TemplateParameters {

    private final CloudFormationTemplate template;
    private final TemplateContext context;

    TemplateParameters(CloudFormationTemplate template, TemplateContext context) {
        this.template = template;
        this.context = context;
    }

    boolean declares(String name) {
        return template.parameters().containsKey(name);
    }

    /** Whether a declared parameter holds a list ({@code CommaDelimitedList}, {@code List<...>}). */
    boolean isList(String name) {
        return isListType(type(declaration(name, "Parameters." + name), name));
    }

    /** The value of a parameter of a single-value type ({@code String}, {@code Number}, ...). */
    String value(String name, String where) {
        Map<String, Object> declaration = declaration(name, where);
        String type = type(declaration, name);
        if (isListType(type)) {
            throw problem(template, where, "parameter " + name + " is a " + type + ", not a single string");
        }
        String value = rawValue(name, declaration, type, where);
        check(name, declaration, type, value, where);
        return value;
    }

    /** The elements of a list-typed parameter ({@code CommaDelimitedList}, {@code List<...>}). */
    List<String> listValue(String name, String where) {
        Map<String, Object> declaration = declaration(name, where);
        String type = type(declaration, name);
        if (!isListType(type)) {
            throw problem(template, where, "parameter " + name + " is a " + type + ", not a list");
        }
        String value = rawValue(name, declaration, type, where);
        List<String> elements = new ArrayList<>();
        for (String element : value.split(",", -1)) {
            String trimmed = element.trim();
            check(name, declaration, type, trimmed, where);
            elements.add(trimmed);
        }
        return List.copyOf(elements);
    }

    private Map<String, Object> declaration(String name, String where) {
        Object declaration = template.parameters().get(name);
        if (declaration == null) {
            throw problem(template, where, "no parameter " + name + " is declared");
        }
        return map(template, declaration, "Parameters." + name);
    }

    private String type(Map<String, Object> declaration, String name) {
        if (!(declaration.get("Type") instanceof String type)) {
            throw problem(template, "Parameters." + name, "has no Type");
        }
        return type;
    }

    private String rawValue(String name, Map<String, Object> declaration, String type, String where) {
        if (context.parameter(name).isPresent()) {
            return context.parameter(name).get();
        }
        // The default of an SSM-typed parameter is the name of an SSM parameter; its value is read at deploy time.
        if (type.startsWith("AWS::SSM::Parameter::Value<")) {
            throw problem(template, where, "parameter " + name + " of type " + type
                    + " is read from SSM at deploy time; give its value with TemplateContext.withParameter");
        }
        Object defaultValue = declaration.get("Default");
        if (defaultValue == null) {
            throw problem(template, where, "parameter " + name
                    + " has no Default; give its value with TemplateContext.withParameter");
        }
        if (defaultValue instanceof List<?> list && isListType(type)) {
            List<String> parts = new ArrayList<>();
            list.forEach(element -> parts.add(scalar(element, name)));
            return String.join(",", parts);
        }
        return scalar(defaultValue, name);
    }

    private String scalar(Object value, String name) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return TemplateResolver.decimal(value);
        }
        throw problem(template, "Parameters." + name + ".Default", "should be a plain value but is " + value);
    }

    private void check(String name, Map<String, Object> declaration, String type, String value, String where) {
        String rejected = "parameter " + name + " value '" + value + "' ";
        Object allowedValues = declaration.get("AllowedValues");
        if (allowedValues instanceof List<?> allowed
                && allowed.stream().map(TemplateResolver::decimal).noneMatch(value::equals)) {
            throw problem(template, where, rejected + "is not one of its AllowedValues " + allowed);
        }
        if (declaration.get("AllowedPattern") instanceof String pattern && !matchesWhole(pattern, name, value)) {
            throw problem(template, where, rejected + "does not match its AllowedPattern " + pattern);
        }
        if (type.equals("Number") || type.equals("List<Number>")) {
            BigDecimal number = number(value, where, rejected);
            bound(declaration, "MinValue", name).ifPresent(min -> {
                if (number.compareTo(min) < 0) {
                    throw problem(template, where, rejected + "is below its MinValue " + min);
                }
            });
            bound(declaration, "MaxValue", name).ifPresent(max -> {
                if (number.compareTo(max) > 0) {
                    throw problem(template, where, rejected + "is above its MaxValue " + max);
                }
            });
        }
        bound(declaration, "MinLength", name).ifPresent(min -> {
            if (value.length() < min.intValue()) {
                throw problem(template, where, rejected + "is shorter than its MinLength " + min);
            }
        });
        bound(declaration, "MaxLength", name).ifPresent(max -> {
            if (value.length() > max.intValue()) {
                throw problem(template, where, rejected + "is longer than its MaxLength " + max);
            }
        });
    }

    private boolean matchesWhole(String pattern, String name, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            throw problem(template, "Parameters." + name + ".AllowedPattern", "is not a regular expression: "
                    + e.getDescription());
        }
    }

    private BigDecimal number(String value, String where, String rejected) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw problem(template, where, rejected + "is not a number");
        }
    }

    private Optional<BigDecimal> bound(Map<String, Object> declaration, String key, String name) {
        Object bound = declaration.get(key);
        if (bound == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(TemplateResolver.decimal(bound)));
        } catch (NumberFormatException e) {
            throw problem(template, "Parameters." + name + "." + key, "is not a number: " + bound);
        }
    }

    private static boolean isListType(String type) {
        return type.equals("CommaDelimitedList") || type.startsWith("List<")
                || type.startsWith("AWS::SSM::Parameter::Value<List<")
                || type.equals("AWS::SSM::Parameter::Value<CommaDelimitedList>");
    }
}
