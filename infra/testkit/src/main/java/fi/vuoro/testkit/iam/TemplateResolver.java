package fi.vuoro.testkit.iam;

import static fi.vuoro.testkit.iam.TemplateShapes.intrinsicName;
import static fi.vuoro.testkit.iam.TemplateShapes.isIntrinsic;
import static fi.vuoro.testkit.iam.TemplateShapes.list;
import static fi.vuoro.testkit.iam.TemplateShapes.map;
import static fi.vuoro.testkit.iam.TemplateShapes.problem;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsics to the strings a test deployment described by a {@link TemplateContext}
 * would produce: {@code Ref} (parameters, pseudo parameters, resources), {@code Fn::GetAtt}, both forms of
 * {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select} and {@code Fn::Split}.
 *
 * <p>Conditions ({@code Fn::If} and its kin), {@code Fn::FindInMap}, {@code Fn::ImportValue} and the other
 * functions are not evaluated: they fail with the location of the value, as does any {@code Ref} or attribute the
 * test kit does not know, because a guessed value would make later checks pass or fail for the wrong reason.
 */
public final class TemplateResolver {

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final CloudFormationTemplate template;
    private final TemplateContext context;
    private final TemplateParameters parameters;
    private final ResourceAttributes resources;

    public TemplateResolver(CloudFormationTemplate template, TemplateContext context) {
        this.template = template;
        this.context = context;
        this.parameters = new TemplateParameters(template, context);
        this.resources = new ResourceAttributes(template, context, this);
    }

    public CloudFormationTemplate template() {
        return template;
    }

    public TemplateContext context() {
        return context;
    }

    /**
     * The value as a string: a literal as CloudFormation passes it on (numbers in decimal, booleans as
     * {@code true}/{@code false}), an intrinsic evaluated.
     *
     * @param where the value's path inside the template (e.g. {@code Resources.Fn.Properties.Timeout}), named
     *              in the message if it cannot be resolved
     * @throws IllegalArgumentException if the value is not a single string or cannot be evaluated exactly
     */
    public String string(Object value, String where) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return decimal(value);
        }
        if (isIntrinsic(value)) {
            return intrinsic(intrinsicName(value), ((Map<?, ?>) value).values().iterator().next(), where);
        }
        if (value == null) {
            throw problem(template, where, "has no value");
        }
        throw problem(template, where, "should be a string but is " + value);
    }

    /**
     * A value that is either one string or a list of them, as in an IAM statement's {@code Action} and
     * {@code Resource}; a list-valued intrinsic ({@code Fn::Split}, a list parameter) gives its elements.
     */
    public List<String> strings(Object value, String where) {
        if (value instanceof List<?> || (isIntrinsic(value) && isListValued(value))) {
            return elements(value, where);
        }
        return List.of(string(value, where));
    }

    /** A scalar as CloudFormation stringifies it: whole numbers without a fraction, decimals as written. */
    static String decimal(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).toPlainString();
        }
        return String.valueOf(value);
    }

    private String intrinsic(String name, Object argument, String where) {
        switch (name) {
            case "Ref":
                return ref(string(argument, where + ".Ref"), where);
            case "Fn::GetAtt":
                return getAtt(argument, where);
            case "Fn::Sub":
                return sub(argument, where);
            case "Fn::Join":
                return join(argument, where);
            case "Fn::Select":
                return select(argument, where);
            case "Fn::Split":
                throw problem(template, where, "Fn::Split gives a list where a single string is needed");
            case "Fn::If":
            case "Fn::Equals":
            case "Fn::Not":
            case "Fn::And":
            case "Fn::Or":
            case "Condition":
                throw problem(template, where, name + " is not evaluated by the test kit: it does not model"
                        + " conditions; resolve the condition in the template or test the value without it");
            default:
                throw problem(template, where, name + " is not evaluated by the test kit");
        }
    }

    private boolean isListValued(Object value) {
        String name = intrinsicName(value);
        Object argument = ((Map<?, ?>) value).values().iterator().next();
        return name.equals("Fn::Split") || name.equals("Fn::GetAZs")
                || (name.equals("Ref") && argument instanceof String parameter && parameters.declares(parameter)
                        && parameters.isList(parameter));
    }

    private List<String> elements(Object value, String where) {
        if (value instanceof List<?> elements) {
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                strings.add(string(elements.get(i), where + "[" + i + "]"));
            }
            return List.copyOf(strings);
        }
        if (isIntrinsic(value)) {
            Object argument = ((Map<?, ?>) value).values().iterator().next();
            switch (intrinsicName(value)) {
                case "Fn::Split":
                    return split(argument, where);
                case "Ref":
                    String name = string(argument, where + ".Ref");
                    if (parameters.declares(name) && parameters.isList(name)) {
                        return parameters.listValue(name, where);
                    }
                    break;
                case "Fn::GetAZs":
                    throw problem(template, where, "Fn::GetAZs is not evaluated by the test kit");
                default:
                    break;
            }
        }
        throw problem(template, where, "should be a list but is " + value);
    }

    private String ref(String name, String where) {
        if (name.startsWith("AWS::")) {
            return pseudoParameter(name, where);
        }
        if (parameters.declares(name)) {
            return parameters.value(name, where);
        }
        if (resources.declares(name)) {
            return resources.ref(name, where);
        }
        throw problem(template, where, "Ref to " + name + ", which is neither a parameter nor a resource");
    }

    private String pseudoParameter(String name, String where) {
        switch (name) {
            case "AWS::Region":
                return context.region();
            case "AWS::AccountId":
                return context.accountId();
            case "AWS::Partition":
                return context.partition();
            case "AWS::StackName":
                return context.stackName();
            case "AWS::URLSuffix":
                return context.urlSuffix();
            case "AWS::NoValue":
                throw problem(template, where, "AWS::NoValue removes a property; it has no string value");
            default:
                throw problem(template, where, "pseudo parameter " + name + " is not known to the test kit");
        }
    }

    private String getAtt(Object argument, String where) {
        List<?> parts;
        if (argument instanceof String dotted && dotted.indexOf('.') > 0) {
            parts = List.of(dotted.substring(0, dotted.indexOf('.')), dotted.substring(dotted.indexOf('.') + 1));
        } else {
            parts = list(template, argument, where + ".Fn::GetAtt");
        }
        if (parts.size() != 2 || !(parts.get(0) instanceof String logicalId)
                || !(parts.get(1) instanceof String attribute)) {
            throw problem(template, where, "Fn::GetAtt expects [Resource, Attribute] as plain strings but is "
                    + argument);
        }
        return resources.getAtt(logicalId, attribute, where);
    }

    private String sub(Object argument, String where) {
        if (argument instanceof String text) {
            return substitute(text, Map.of(), where);
        }
        List<?> parts = list(template, argument, where + ".Fn::Sub");
        if (parts.size() != 2 || !(parts.get(0) instanceof String text)) {
            throw problem(template, where, "Fn::Sub expects a string or [string, variables] but is " + argument);
        }
        return substitute(text, map(template, parts.get(1), where + ".Fn::Sub[1]"), where);
    }

    /** Replaces each {@code ${Name}} and {@code ${Resource.Attribute}}; {@code ${!Text}} stands for {@code ${Text}}. */
    private String substitute(String text, Map<String, Object> variables, String where) {
        StringBuilder result = new StringBuilder();
        int position = 0;
        while (position < text.length()) {
            int start = text.indexOf("${", position);
            if (start < 0) {
                result.append(text, position, text.length());
                break;
            }
            int end = text.indexOf('}', start + 2);
            if (end < 0) {
                throw problem(template, where, "Fn::Sub has an unclosed ${ in '" + text + "'");
            }
            result.append(text, position, start);
            String name = text.substring(start + 2, end);
            if (name.startsWith("!")) {
                result.append("${").append(name, 1, name.length()).append('}');
            } else if (variables.containsKey(name)) {
                result.append(string(variables.get(name), where + ".Fn::Sub[1]." + name));
            } else if (name.indexOf('.') > 0) {
                int dot = name.indexOf('.');
                result.append(resources.getAtt(name.substring(0, dot), name.substring(dot + 1), where));
            } else {
                result.append(ref(name, where));
            }
            position = end + 1;
        }
        return result.toString();
    }

    private String join(Object argument, String where) {
        List<?> parts = list(template, argument, where + ".Fn::Join");
        if (parts.size() != 2 || !(parts.get(0) instanceof String delimiter)) {
            throw problem(template, where, "Fn::Join expects [delimiter, list] but is " + argument);
        }
        return String.join(delimiter, elements(parts.get(1), where + ".Fn::Join[1]"));
    }

    private String select(Object argument, String where) {
        List<?> parts = list(template, argument, where + ".Fn::Select");
        if (parts.size() != 2) {
            throw problem(template, where, "Fn::Select expects [index, list] but is " + argument);
        }
        String index = string(parts.get(0), where + ".Fn::Select[0]");
        if (!DIGITS.matcher(index).matches()) {
            throw problem(template, where, "Fn::Select index '" + index + "' is not a whole number");
        }
        List<String> elements = elements(parts.get(1), where + ".Fn::Select[1]");
        int position = Integer.parseInt(index);
        if (position >= elements.size()) {
            throw problem(template, where, "Fn::Select index " + position + " is out of range for " + elements);
        }
        return elements.get(position);
    }

    private List<String> split(Object argument, String where) {
        List<?> parts = list(template, argument, where + ".Fn::Split");
        if (parts.size() != 2 || !(parts.get(0) instanceof String delimiter) || delimiter.isEmpty()) {
            throw problem(template, where, "Fn::Split expects [delimiter, string] but is " + argument);
        }
        String source = string(parts.get(1), where + ".Fn::Split[1]");
        return List.of(source.split(Pattern.quote(delimiter), -1));
    }
}
