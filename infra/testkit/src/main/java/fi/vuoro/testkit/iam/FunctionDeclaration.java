package fi.vuoro.testkit.iam;

import static fi.vuoro.testkit.iam.TemplateShapes.map;
import static fi.vuoro.testkit.iam.TemplateShapes.problem;

import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.CloudFormationTemplate.Resource;
import java.util.Map;

/** One {@code AWS::Serverless::Function} of a template, and the {@code Globals.Function} SAM applies to it. */
record FunctionDeclaration(String logicalId, Map<String, Object> properties, Map<String, Object> globals) {

    static final String TYPE = "AWS::Serverless::Function";

    /** Finds the function, checking that {@code resolver} evaluates this same template. */
    static FunctionDeclaration find(CloudFormationTemplate template, String logicalId, TemplateResolver resolver) {
        if (resolver.template() != template) {
            throw new IllegalArgumentException("The resolver reads " + resolver.template().path()
                    + ", not " + template.path());
        }
        Resource resource = template.resources().get(logicalId);
        String where = "Resources." + logicalId;
        if (resource == null) {
            throw problem(template, where, "no such resource; the functions are "
                    + template.resourcesOfType(TYPE).keySet());
        }
        if (!resource.type().equals(TYPE)) {
            throw problem(template, where, "is a " + resource.type() + ", not an " + TYPE);
        }
        Object globals = template.globals().get("Function");
        return new FunctionDeclaration(logicalId, resource.properties(),
                globals == null ? Map.of() : map(template, globals, "Globals.Function"));
    }

    String where(String property) {
        return "Resources." + logicalId + ".Properties." + property;
    }
}
