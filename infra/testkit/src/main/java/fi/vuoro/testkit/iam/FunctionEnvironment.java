package fi.vuoro.testkit.iam;

import static fi.vuoro.testkit.iam.TemplateShapes.map;
import static fi.vuoro.testkit.iam.TemplateShapes.problem;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables a function's template declares, as Lambda hands them to the function: SAM merges
 * {@code Globals.Function.Environment.Variables} with the function's own (the function's value wins for a name
 * both declare), and CloudFormation turns every value into a string.
 *
 * <p>The variables Lambda itself sets ({@code AWS_REGION}, {@code AWS_LAMBDA_FUNCTION_NAME}, ...) are not
 * included: they come from the runtime, not from the template.
 */
public final class FunctionEnvironment {

    private FunctionEnvironment() {}

    /**
     * @return the variables in declaration order, globals first, every value resolved
     * @throws IllegalArgumentException if the function is not declared, or a value cannot be resolved exactly
     */
    public static Map<String, String> of(CloudFormationTemplate template, String functionLogicalId,
                                         TemplateResolver resolver) {
        FunctionDeclaration function = FunctionDeclaration.find(template, functionLogicalId, resolver);
        Map<String, Object> declared = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        variables(template, function.globals().get("Environment"), "Globals.Function.Environment")
                .forEach((name, value) -> {
                    declared.put(name, value);
                    origin.put(name, "Globals.Function.Environment.Variables." + name);
                });
        variables(template, function.properties().get("Environment"), function.where("Environment"))
                .forEach((name, value) -> {
                    declared.put(name, value);
                    origin.put(name, function.where("Environment.Variables." + name));
                });

        Map<String, String> environment = new LinkedHashMap<>();
        declared.forEach((name, value) -> environment.put(name, resolver.string(value, origin.get(name))));
        return Collections.unmodifiableMap(environment);
    }

    private static Map<String, Object> variables(CloudFormationTemplate template, Object environment, String where) {
        if (environment == null) {
            return Map.of();
        }
        Map<String, Object> declaration = map(template, environment, where);
        for (String key : declaration.keySet()) {
            if (!key.equals("Variables")) {
                throw problem(template, where + "." + key, "is not part of a Lambda environment");
            }
        }
        Object variables = declaration.get("Variables");
        return variables == null ? Map.of() : map(template, variables, where + ".Variables");
    }
}
