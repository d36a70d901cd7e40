package fi.vuoro.testkit.iam;

import static fi.vuoro.testkit.iam.TemplateShapes.map;
import static fi.vuoro.testkit.iam.TemplateShapes.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SAM policy templates the test kit expands, each written out as SAM defines it in
 * {@code samtranslator/policy_templates_data/policy_templates.json} of aws/serverless-application-model
 * (read at commit 603eb020adce9485a410e1667198c5268349dc88): the same actions in the same order, and the same
 * {@code Fn::Sub} resources whose variables are {@code Ref}s to the template's parameters.
 *
 * <p>Expansion is SAM's: every {@code Ref} to a template parameter is replaced by the value the function gives
 * for it (a literal or an intrinsic such as {@code !Ref VuoroTable}), then the statements are resolved like any
 * other. A missing parameter fails as it does in SAM; an unknown one fails too, so a misspelt parameter name
 * cannot pass unnoticed. A template not written out here fails rather than granting nothing.
 */
final class SamPolicyTemplates {

    private record Definition(List<String> parameters, List<StatementTemplate> statements) {}

    private record StatementTemplate(List<String> actions, List<Object> resources) {}

    private static final String TABLE = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";
    private static final String PARAMETER = "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter";

    private static final Map<String, Definition> DEFINITIONS = definitions();

    private SamPolicyTemplates() {}

    static boolean isOne(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && !TemplateShapes.isIntrinsic(map)
                && !PolicyDocument.looksLikeOne(map);
    }

    static Set<String> names() {
        return new TreeSet<>(DEFINITIONS.keySet());
    }

    /** The statements of {@code {Name: {Parameter: value, ...}}}, resolved. */
    static List<IamStatement> expand(Object use, String where, TemplateResolver resolver) {
        Map.Entry<?, ?> only = ((Map<?, ?>) use).entrySet().iterator().next();
        String name = String.valueOf(only.getKey());
        Definition definition = DEFINITIONS.get(name);
        if (definition == null) {
            throw problem(resolver.template(), where, "'" + name + "' is not one of the SAM policy templates the"
                    + " test kit expands " + names() + " (nor a policy document: it has no Statement)");
        }
        String at = where + "." + name;
        if (only.getValue() == null) {
            throw problem(resolver.template(), at, "needs a mapping of its parameters (write {} when it has none)");
        }
        Map<String, Object> values = map(resolver.template(), only.getValue(), at);
        for (String parameter : definition.parameters()) {
            if (!values.containsKey(parameter)) {
                throw problem(resolver.template(), at, "is missing its parameter " + parameter);
            }
        }
        for (String given : values.keySet()) {
            if (!definition.parameters().contains(given)) {
                throw problem(resolver.template(), at + "." + given, "is not a parameter of " + name
                        + " (its parameters: " + definition.parameters() + ")");
            }
        }

        List<IamStatement> statements = new ArrayList<>();
        for (int i = 0; i < definition.statements().size(); i++) {
            StatementTemplate statement = definition.statements().get(i);
            String source = at + " (SAM policy template), statement " + (i + 1);
            List<String> resources = new ArrayList<>();
            for (Object resource : statement.resources()) {
                resources.add(resolver.string(withValues(resource, values), at));
            }
            statements.add(new IamStatement(IamStatement.Effect.ALLOW, statement.actions(), resources,
                    source + " in " + resolver.template().path()));
        }
        return List.copyOf(statements);
    }

    /** SAM's substitution: each {@code {Ref: P}} for a template parameter P becomes the value given for P. */
    private static Object withValues(Object node, Map<String, Object> values) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("Ref") instanceof String name && values.containsKey(name)) {
                return values.get(name);
            }
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, withValues(value, values)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(element -> withValues(element, values)).toList();
        }
        return node;
    }

    private static Map<String, Definition> definitions() {
        Map<String, Definition> definitions = new LinkedHashMap<>();
        List<Object> tableAndIndexes = List.of(
                sub(TABLE + "${tableName}", Map.of("tableName", ref("TableName"))),
                sub(TABLE + "${tableName}/index/*", Map.of("tableName", ref("TableName"))));

        definitions.put("DynamoDBCrudPolicy", new Definition(List.of("TableName"), List.of(
                new StatementTemplate(dynamodb("GetItem", "DeleteItem", "PutItem", "Scan", "Query", "UpdateItem",
                        "BatchWriteItem", "BatchGetItem", "DescribeTable", "ConditionCheckItem"), tableAndIndexes))));
        definitions.put("DynamoDBReadPolicy", new Definition(List.of("TableName"), List.of(
                new StatementTemplate(dynamodb("GetItem", "Scan", "Query", "BatchGetItem", "DescribeTable"),
                        tableAndIndexes))));
        definitions.put("DynamoDBWritePolicy", new Definition(List.of("TableName"), List.of(
                new StatementTemplate(dynamodb("PutItem", "UpdateItem", "BatchWriteItem"), tableAndIndexes))));
        definitions.put("DynamoDBStreamReadPolicy", new Definition(List.of("TableName", "StreamName"), List.of(
                new StatementTemplate(dynamodb("DescribeStream", "GetRecords", "GetShardIterator"), List.of(
                        sub(TABLE + "${tableName}/stream/${streamName}",
                                Map.of("tableName", ref("TableName"), "streamName", ref("StreamName"))))),
                new StatementTemplate(dynamodb("ListStreams"), List.of(
                        sub(TABLE + "${tableName}/stream/*", Map.of("tableName", ref("TableName"))))))));

        // SSMParameterReadPolicy takes a name without its leading slash, the other one a name with it.
        definitions.put("SSMParameterReadPolicy", ssmRead(PARAMETER + "/${parameterName}"));
        definitions.put("SSMParameterWithSlashPrefixReadPolicy", ssmRead(PARAMETER + "${parameterName}"));

        definitions.put("CloudWatchPutMetricPolicy", new Definition(List.of(), List.of(
                new StatementTemplate(List.of("cloudwatch:PutMetricData"), List.of("*")))));
        definitions.put("KMSDecryptPolicy", new Definition(List.of("KeyId"), List.of(
                new StatementTemplate(List.of("kms:Decrypt"), List.of(sub(
                        "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${keyId}",
                        Map.of("keyId", ref("KeyId"))))))));
        return Map.copyOf(definitions);
    }

    private static Definition ssmRead(String parameterArn) {
        return new Definition(List.of("ParameterName"), List.of(
                new StatementTemplate(List.of("ssm:DescribeParameters"), List.of("*")),
                new StatementTemplate(List.of("ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"),
                        List.of(sub(parameterArn, Map.of("parameterName", ref("ParameterName")))))));
    }

    private static List<String> dynamodb(String... actions) {
        return Arrays.stream(actions).map(action -> "dynamodb:" + action).toList();
    }

    private static Map<String, Object> sub(String pattern, Map<String, Object> variables) {
        return Map.of("Fn::Sub", List.of(pattern, variables));
    }

    private static Map<String, Object> ref(String parameter) {
        return Map.of("Ref", parameter);
    }
}
