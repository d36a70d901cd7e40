package fi.vuoro.testkit.iam;

import static fi.vuoro.testkit.iam.TemplateShapes.problem;

import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.CloudFormationTemplate.Resource;
import java.util.HashSet;
import java.util.Set;

/**
 * What {@code Ref} and {@code Fn::GetAtt} return for the resources of a template in a test deployment. Only the
 * resource types and attributes written out here are known; any other fails with its location, because an
 * invented ARN would make a policy look as if it allowed (or denied) something it does not.
 */
final class ResourceAttributes {

    private final CloudFormationTemplate template;
    private final TemplateContext context;
    private final TemplateResolver resolver;
    private final Set<String> resolving = new HashSet<>();

    ResourceAttributes(CloudFormationTemplate template, TemplateContext context, TemplateResolver resolver) {
        this.template = template;
        this.context = context;
        this.resolver = resolver;
    }

    boolean declares(String logicalId) {
        return template.resources().containsKey(logicalId);
    }

    /** The resource's name or id, as {@code Ref} returns it. */
    String ref(String logicalId, String where) {
        Resource resource = resource(logicalId, where);
        if (context.physicalId(logicalId).isPresent()) {
            return context.physicalId(logicalId).get();
        }
        switch (resource.type()) {
            case "AWS::DynamoDB::Table":
                // Even when TableName is declared: local tables are named by logical id (see TemplateContext).
                return logicalId;
            case "AWS::Cognito::UserPool":
                return onlyOneOfType(resource, context.userPoolId(), where);
            case "AWS::Cognito::UserPoolClient":
                return onlyOneOfType(resource, context.userPoolClientId(), where);
            case "AWS::Serverless::HttpApi":
            case "AWS::ApiGatewayV2::Api":
                return onlyOneOfType(resource, context.httpApiId(), where);
            case "AWS::Logs::LogGroup":
                return declaredName(resource, "LogGroupName", where);
            case "AWS::Serverless::Function":
            case "AWS::Lambda::Function":
                return declaredName(resource, "FunctionName", where);
            default:
                throw problem(template, where, "Ref to " + logicalId + " (" + resource.type()
                        + ") is not known to the test kit; give its physical id with TemplateContext.withPhysicalId");
        }
    }

    /** The attribute's value, as {@code Fn::GetAtt} returns it. */
    String getAtt(String logicalId, String attribute, String where) {
        Resource resource = resource(logicalId, where);
        String regional = context.partition() + ":%s:" + context.region() + ":" + context.accountId() + ":";
        String key = resource.type() + "." + attribute;
        switch (key) {
            case "AWS::DynamoDB::Table.Arn":
                return "arn:" + regional.formatted("dynamodb") + "table/" + ref(logicalId, where);
            case "AWS::DynamoDB::Table.StreamArn":
                if (!resource.properties().containsKey("StreamSpecification")) {
                    throw problem(template, where, logicalId + " has no StreamSpecification, so no StreamArn");
                }
                return "arn:" + regional.formatted("dynamodb") + "table/" + ref(logicalId, where)
                        + "/stream/" + context.streamLabel();
            case "AWS::Logs::LogGroup.Arn":
                // CloudFormation's log group ARN ends in ":*", covering the group's streams.
                return "arn:" + regional.formatted("logs") + "log-group:" + ref(logicalId, where) + ":*";
            case "AWS::Cognito::UserPool.Arn":
                return "arn:" + regional.formatted("cognito-idp") + "userpool/" + ref(logicalId, where);
            default:
                throw problem(template, where, "Fn::GetAtt " + logicalId + "." + attribute + " (" + resource.type()
                        + ") is not known to the test kit");
        }
    }

    private Resource resource(String logicalId, String where) {
        Resource resource = template.resources().get(logicalId);
        if (resource == null) {
            throw problem(template, where, "no resource " + logicalId + " is declared");
        }
        return resource;
    }

    /** Fixed test ids are only unambiguous while the template has a single resource of that type. */
    private String onlyOneOfType(Resource resource, String testId, String where) {
        if (template.resourcesOfType(resource.type()).size() > 1) {
            throw problem(template, where, "the template has several " + resource.type() + " resources, which"
                    + " would share the test id " + testId + "; give " + resource.logicalId()
                    + " its own with TemplateContext.withPhysicalId");
        }
        return testId;
    }

    private String declaredName(Resource resource, String property, String where) {
        Object name = resource.properties().get(property);
        if (name == null) {
            throw problem(template, where, resource.logicalId() + " declares no " + property
                    + ", so CloudFormation generates one; give it with TemplateContext.withPhysicalId");
        }
        if (!resolving.add(resource.logicalId())) {
            throw problem(template, where, resource.logicalId() + "." + property + " refers back to itself");
        }
        try {
            return resolver.string(name, "Resources." + resource.logicalId() + ".Properties." + property);
        } finally {
            resolving.remove(resource.logicalId());
        }
    }
}
