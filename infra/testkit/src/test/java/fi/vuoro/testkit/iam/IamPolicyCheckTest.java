package fi.vuoro.testkit.iam;

import static fi.vuoro.testkit.iam.IamPolicyCheck.allows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IamPolicyCheckTest {

    private static final String TABLE = "arn:aws:dynamodb:eu-north-1:123456789012:table/Orders";

    @Test
    void allows_shouldMatchActionsCaseInsensitivelyWithWildcards() {
        List<IamStatement> statements = List.of(IamStatement.allow(List.of("DynamoDB:Get*", "ssm:GetParamete?"),
                List.of("*")));

        assertTrue(allows(statements, "dynamodb:GetItem", TABLE));
        assertTrue(allows(statements, "dynamodb:getitem", TABLE));
        assertTrue(allows(statements, "ssm:GetParameter", "arn:aws:ssm:eu-north-1:123456789012:parameter/x"));
        assertFalse(allows(statements, "ssm:GetParameters", "arn:aws:ssm:eu-north-1:123456789012:parameter/x"));
        assertFalse(allows(statements, "dynamodb:BatchGetItem", TABLE));
    }

    @Test
    void allows_shouldMatchResourcesCaseSensitively() {
        List<IamStatement> statements = List.of(IamStatement.allow(List.of("dynamodb:GetItem"), List.of(TABLE)));

        assertTrue(allows(statements, "dynamodb:GetItem", TABLE));
        assertFalse(allows(statements, "dynamodb:GetItem", TABLE.toLowerCase()));
        assertFalse(allows(statements, "dynamodb:GetItem", TABLE + "/index/ByDay"));
    }

    @Test
    void allows_shouldMatchResourceWildcardsWithinASegment_andATrailingStarAcrossColons() {
        List<IamStatement> statements = List.of(IamStatement.allow(List.of("dynamodb:Query"), List.of(
                "arn:aws:dynamodb:eu-north-1:123456789012:table/Ord?rs/index/*",
                "arn:aws:dynamodb:*:123456789012:table/Audit")));

        assertTrue(allows(statements, "dynamodb:Query", TABLE + "/index/ByDay"));
        assertTrue(allows(statements, "dynamodb:Query", "arn:aws:dynamodb:eu-west-1:123456789012:table/Audit"));
        assertFalse(allows(statements, "dynamodb:Query", TABLE));
        assertFalse(allows(statements, "dynamodb:Query", "arn:aws:dynamodb:eu-north-1:123456789012:table/Ord:rs/index/x"));
    }

    @Test
    void allows_shouldNotLetAMidSegmentStarCrossAColon() {
        List<IamStatement> statements = List.of(IamStatement.allow(List.of("s3:GetObject"),
                List.of("arn:aws:s3:::bucket/*.json")));

        assertTrue(allows(statements, "s3:GetObject", "arn:aws:s3:::bucket/a/b.json"));
        assertFalse(allows(statements, "s3:GetObject", "arn:aws:s3:::bucket/a:b.json"));
    }

    @Test
    void allows_shouldLetAnExplicitDenyWin_whateverTheOrder() {
        IamStatement allowAll = IamStatement.allow(List.of("dynamodb:*"), List.of("*"));
        IamStatement denyDelete = IamStatement.deny(List.of("dynamodb:Delete*"), List.of(TABLE));

        assertFalse(allows(List.of(allowAll, denyDelete), "dynamodb:DeleteItem", TABLE));
        assertFalse(allows(List.of(denyDelete, allowAll), "dynamodb:DeleteItem", TABLE));
        assertTrue(allows(List.of(denyDelete, allowAll), "dynamodb:PutItem", TABLE));
    }

    @Test
    void allows_shouldDenyByDefault_whenNoStatementMatches() {
        assertFalse(allows(List.of(), "dynamodb:GetItem", TABLE));
        assertFalse(allows(List.of(IamStatement.deny(List.of("*"), List.of("*"))), "dynamodb:GetItem", TABLE));
    }

    @Test
    void notAllowed_shouldListTheCallsNoStatementAllows_once() {
        List<IamStatement> statements = List.of(IamStatement.allow(List.of("dynamodb:GetItem"), List.of(TABLE)));
        AwsCall scan = new AwsCall("dynamodb:Scan", TABLE);

        assertEquals(List.of(scan), IamPolicyCheck.notAllowed(statements,
                List.of(new AwsCall("dynamodb:GetItem", TABLE), scan, scan)));
    }

    @Test
    void unused_shouldReportEachGrantNoCallMatched_whenGrantsUseWildcards() {
        IamStatement reads = IamStatement.allow(List.of("dynamodb:Get*", "dynamodb:Query"),
                List.of(TABLE, TABLE + "/index/*"));

        List<IamGrant> unused = IamPolicyCheck.unused(List.of(reads), List.of(
                new AwsCall("dynamodb:GetItem", TABLE), new AwsCall("dynamodb:Query", TABLE + "/index/ByDay")));

        assertEquals(List.of(
                new IamGrant("dynamodb:Get*", TABLE + "/index/*", "declared in code"),
                new IamGrant("dynamodb:Query", TABLE, "declared in code")), unused);
    }

    @Test
    void unused_shouldReportAGrant_whenItsOnlyMatchingCallIsDeniedAnyway() {
        IamStatement allowAll = IamStatement.allow(List.of("dynamodb:DeleteItem"), List.of(TABLE));
        IamStatement denyDelete = IamStatement.deny(List.of("dynamodb:DeleteItem"), List.of("*"));

        List<IamGrant> unused = IamPolicyCheck.unused(List.of(allowAll, denyDelete),
                List.of(new AwsCall("dynamodb:DeleteItem", TABLE)));

        assertEquals(List.of(new IamGrant("dynamodb:DeleteItem", TABLE, "declared in code")), unused);
    }

    @Test
    void awsCall_shouldRejectWildcards_becauseARealCallNamesOneActionAndResource() {
        assertThrows(IllegalArgumentException.class, () -> new AwsCall("dynamodb:Get*", TABLE));
        assertThrows(IllegalArgumentException.class, () -> new AwsCall("dynamodb:GetItem", TABLE + "/index/*"));
        assertThrows(IllegalArgumentException.class, () -> new AwsCall("GetItem", TABLE));
    }

    @Test
    void iamStatement_shouldRejectPolicyVariablesAndNonArnResources() {
        assertThrows(IllegalArgumentException.class, () -> IamStatement.allow(List.of("s3:GetObject"),
                List.of("arn:aws:s3:::bucket/${aws:username}/*")));
        assertThrows(IllegalArgumentException.class, () -> IamStatement.allow(List.of("dynamodb:GetItem"),
                List.of("Orders")));
        assertThrows(IllegalArgumentException.class, () -> IamStatement.allow(List.of("GetItem"), List.of("*")));
    }
}
