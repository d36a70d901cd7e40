package fi.vuoro.testkit.iam;

import static fi.vuoro.testkit.iam.IamPolicyCheck.allows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionPoliciesTest {

    private static final String ARN = "arn:aws:dynamodb:eu-north-1:123456789012:table/";
    private static final String TABLE = ARN + "OrdersTable";

    private final CloudFormationTemplate templates = IamTestTemplates.load("iam-policy-templates.yaml");
    private final CloudFormationTemplate inline = IamTestTemplates.load("iam-inline-policies.yaml");
    private final CloudFormationTemplate rejected = IamTestTemplates.load("iam-rejected-policies.yaml");

    @Test
    void of_shouldExpandDynamoDbCrudPolicy_asSamDefinesIt() {
        List<IamStatement> statements = policies(templates, "CrudFunction");

        assertEquals(1, statements.size());
        IamStatement crud = statements.get(0);
        assertEquals(IamStatement.Effect.ALLOW, crud.effect());
        assertEquals(List.of("dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan",
                "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem",
                "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"), crud.actions());
        assertEquals(List.of(TABLE, TABLE + "/index/*"), crud.resources());
        assertTrue(crud.source().contains("Resources.CrudFunction.Properties.Policies[0].DynamoDBCrudPolicy"),
                crud.source());
    }

    @Test
    void of_shouldExpandReadAndWritePolicies_withTheirOwnActionsOnly() {
        List<IamStatement> read = policies(templates, "ReadFunction");
        List<IamStatement> write = policies(templates, "WriteFunction");

        assertTrue(allows(read, "dynamodb:Query", ARN + "orders-archive/index/ByDay"));
        assertFalse(allows(read, "dynamodb:PutItem", ARN + "orders-archive"));
        assertEquals(List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"),
                write.get(0).actions());
        assertFalse(allows(write, "dynamodb:DeleteItem", TABLE));
    }

    @Test
    void of_shouldExpandStreamReadPolicy_withTheStreamLabelTakenFromTheStreamArn() {
        List<IamStatement> statements = policies(templates, "StreamFunction");
        String stream = TABLE + "/stream/2026-01-01T00:00:00.000";

        assertEquals(List.of(stream), statements.get(0).resources());
        assertTrue(allows(statements, "dynamodb:GetRecords", stream));
        assertTrue(allows(statements, "dynamodb:ListStreams", TABLE + "/stream/2025-06-01T00:00:00.000"));
        assertFalse(allows(statements, "dynamodb:GetRecords", TABLE + "/stream/2025-06-01T00:00:00.000"));
    }

    @Test
    void of_shouldExpandSsmPolicies_withAndWithoutTheLeadingSlash() {
        List<IamStatement> statements = policies(templates, "SecretsFunction");
        String parameters = "arn:aws:ssm:eu-north-1:123456789012:parameter";

        assertEquals(5, statements.size());
        assertEquals(List.of("*"), statements.get(0).resources());
        assertEquals(List.of(parameters + "/shop/plain-name"), statements.get(1).resources());
        assertEquals(List.of(parameters + "/shop/api-key"), statements.get(3).resources());
        assertTrue(allows(statements, "ssm:GetParametersByPath", parameters + "/shop/api-key"));
        assertTrue(allows(statements, "kms:Decrypt",
                "arn:aws:kms:eu-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
    }

    @Test
    void of_shouldGrantNothingForAllowListedManagedPolicies_whetherNamedOrGivenByArn() {
        List<IamStatement> metrics = policies(templates, "MetricsFunction");

        assertEquals(1, metrics.size());
        assertEquals(List.of("cloudwatch:PutMetricData"), metrics.get(0).actions());
        assertEquals(List.of("*"), metrics.get(0).resources());
        assertEquals(List.of(), policies(templates, "ManagedOnlyFunction"));
        assertEquals(List.of(), policies(templates, "NoPoliciesFunction"));
    }

    @Test
    void of_shouldReadInlineDocuments_withWildcardsAndDenies() {
        List<IamStatement> statements = policies(inline, "ReaderFunction");

        assertEquals(3, statements.size());
        assertEquals(IamStatement.Effect.DENY, statements.get(2).effect());
        assertTrue(allows(statements, "dynamodb:GetItem", TABLE));
        assertTrue(allows(statements, "dynamodb:Query", TABLE + "/index/ByDate"));
        assertFalse(allows(statements, "dynamodb:Query", TABLE + "/index/ByCustomer"));
        assertFalse(allows(statements, "dynamodb:GetItem", TABLE + "/index/ArchiveByDate"));
        assertTrue(statements.get(1).source().contains("Policies[0].Statement[1] (QueryOneIndex)"),
                statements.get(1).source());
    }

    @Test
    void of_shouldReadASingleDocumentWithASingleStatement() {
        List<IamStatement> statements = policies(inline, "SingleDocumentFunction");

        assertEquals(List.of(new IamStatement(IamStatement.Effect.ALLOW, List.of("sqs:SendMessage"),
                List.of("arn:aws:sqs:eu-north-1:123456789012:orders"), statements.get(0).source())), statements);
    }

    @Test
    void of_shouldFailNamingTheTemplate_whenPolicyTemplateIsUnknown() {
        String message = failure("UnknownTemplateFunction");

        assertTrue(message.contains("Resources.UnknownTemplateFunction.Properties.Policies[1]"), message);
        assertTrue(message.contains("'DynamoDBEverythingPolicy' is not one of the SAM policy templates"), message);
    }

    @Test
    void of_shouldFail_whenPolicyTemplateParametersAreMissingOrMisspelt() {
        assertTrue(failure("MissingTemplateParameterFunction").contains("missing its parameter TableName"));
        String misspelt = failure("MisspeltTemplateParameterFunction");
        assertTrue(misspelt.contains("DynamoDBReadPolicy.Tablename"), misspelt);
    }

    @Test
    void of_shouldFail_whenManagedPolicyIsNotAllowListed() {
        String message = failure("UnknownManagedPolicyFunction");

        assertTrue(message.contains("Policies[0]"), message);
        assertTrue(message.contains("AmazonDynamoDBFullAccess"), message);
    }

    @Test
    void of_shouldFailWithLocation_whenAResourceCannotBeResolved() {
        String bogus = failure("UnresolvableResourceFunction");
        String conditional = failure("ConditionalResourceFunction");

        assertTrue(bogus.contains("Policies[0].Statement[0].Resource"), bogus);
        assertTrue(bogus.contains("OrdersTable.Bogus"), bogus);
        assertTrue(bogus.contains(rejected.path().toString()), bogus);
        assertTrue(conditional.contains("Fn::If is not evaluated"), conditional);
    }

    @Test
    void of_shouldRejectStatementElementsItDoesNotModel() {
        assertTrue(failure("NotActionFunction").contains("Statement[0].NotAction"));
        assertTrue(failure("ConditionFunction").contains("Statement[0].Condition"));
    }

    @Test
    void of_shouldFail_whenAResourceIsNotAnArn() {
        String message = failure("TableNameAsResourceFunction");

        assertTrue(message.contains("'OrdersTable' is neither * nor an ARN"), message);
    }

    @Test
    void of_shouldFail_whenTheFunctionUsesARoleDeclaredElsewhere() {
        assertTrue(failure("OwnRoleFunction").contains("Resources.OwnRoleFunction.Properties.Role"));
        assertTrue(failure("NotAFunction").contains("AWS::SNS::Topic"));
    }

    private static List<IamStatement> policies(CloudFormationTemplate template, String function) {
        return FunctionPolicies.of(template, function, new TemplateResolver(template, TemplateContext.defaults()));
    }

    private String failure(String function) {
        return assertThrows(IllegalArgumentException.class, () -> policies(rejected, function)).getMessage();
    }
}
