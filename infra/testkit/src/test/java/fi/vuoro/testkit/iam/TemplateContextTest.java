package fi.vuoro.testkit.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateContextTest {

    @Test
    void defaults_shouldDescribeOneFixedTestDeployment() {
        TemplateContext context = TemplateContext.defaults();

        assertEquals("eu-north-1", context.region());
        assertEquals("123456789012", context.accountId());
        assertEquals("aws", context.partition());
        assertEquals("vuoro", context.stackName());
        assertEquals("amazonaws.com", context.urlSuffix());
        assertEquals("eu-north-1_TestPool0", context.userPoolId());
        assertEquals(Optional.empty(), context.parameter("Stage"));
    }

    @Test
    void with_shouldReturnAChangedCopy_andLeaveTheOriginalAlone() {
        TemplateContext original = TemplateContext.defaults();

        TemplateContext changed = original.withRegion("eu-west-1").withParameter("Stage", "prod")
                .withPhysicalId("VuoroTable", "vuoro-prod-table");

        assertEquals("eu-west-1_TestPool0", changed.userPoolId());
        assertEquals(Optional.of("prod"), changed.parameter("Stage"));
        assertEquals(Optional.of("vuoro-prod-table"), changed.physicalId("VuoroTable"));
        assertEquals("eu-north-1", original.region());
        assertEquals(Optional.empty(), original.physicalId("VuoroTable"));
    }

    @Test
    void with_shouldRejectValuesNoDeploymentCouldHave() {
        TemplateContext context = TemplateContext.defaults();

        assertThrows(IllegalArgumentException.class, () -> context.withAccountId("1234"));
        assertThrows(IllegalArgumentException.class, () -> context.withRegion("Europe"));
        assertThrows(IllegalArgumentException.class, () -> context.withStackName("1-starts-with-digit"));
        assertThrows(IllegalArgumentException.class, () -> context.withPhysicalId("VuoroTable", ""));
    }
}
