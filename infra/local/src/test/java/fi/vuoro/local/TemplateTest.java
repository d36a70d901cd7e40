package fi.vuoro.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** template.yaml is valid and points at what the build really produces. */
class TemplateTest {

    private static final Path TEMPLATE = CloudFormationTemplate.locate();
    private static final Path ROOT = TEMPLATE.getParent();

    @Test
    void cfnLint_shouldFindNoErrorsOrWarnings() throws Exception {
        ProcessBuilder lint = new ProcessBuilder("cfn-lint", TEMPLATE.toString()).redirectErrorStream(true);
        Process process;
        try {
            process = lint.start();
        } catch (IOException notInstalled) {
            assumeTrue(false, "cfn-lint is not installed here, so the template was not linted");
            return;
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "cfn-lint did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "cfn-lint reported:\n" + output);
    }

    @Test
    void everyFunction_shouldPointAtABuiltJar_thatContainsItsHandler() throws IOException {
        CloudFormationTemplate template = CloudFormationTemplate.load(TEMPLATE);
        Map<String, CloudFormationTemplate.Resource> functions = template.resourcesOfType("AWS::Serverless::Function");
        assertFalse(functions.isEmpty(), "the template declares no function");
        for (CloudFormationTemplate.Resource function : functions.values()) {
            String codeUri = (String) function.properties().get("CodeUri");
            String handler = (String) function.properties().get("Handler");
            Path jar = ROOT.resolve(codeUri);
            assertTrue(Files.isRegularFile(jar), function.logicalId() + ": CodeUri " + codeUri + " is not built");
            String handlerClass = handler.split("::")[0].replace('.', '/') + ".class";
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertTrue(zip.getEntry(handlerClass) != null,
                        function.logicalId() + ": " + codeUri + " lacks its Handler " + handler);
                assertTrue(zip.getEntry("messages/en.properties") != null, "the message catalogue is packaged");
                assertTrue(zip.stream().noneMatch(e -> e.getName().startsWith("com/amazonaws/services/dynamodbv2/local/")),
                        "DynamoDB Local stays out of the Lambda jar");
            }
        }
    }

    @Test
    void everyFunction_shouldRunOnJava21_withSnapStart() {
        CloudFormationTemplate template = CloudFormationTemplate.load(TEMPLATE);
        @SuppressWarnings("unchecked")
        Map<String, Object> globals = (Map<String, Object>) template.globals().get("Function");
        assertEquals("java21", globals.get("Runtime"));
        for (CloudFormationTemplate.Resource function : template.resourcesOfType("AWS::Serverless::Function").values()) {
            assertEquals(Map.of("ApplyOn", "PublishedVersions"), function.properties().get("SnapStart"),
                    function.logicalId() + " has no SnapStart on its published versions");
            // SAM points the function's event sources (the HTTP API's routes too) at this alias, so callers reach
            // the published, snapshotted version rather than $LATEST, which SnapStart does not apply to.
            assertEquals("live", function.properties().get("AutoPublishAlias"), function.logicalId() + " publishes no alias");
        }
    }

    @Test
    void theLocalRuntimesTable_shouldBeDeclaredInTheTemplate() {
        CloudFormationTemplate template = CloudFormationTemplate.load(TEMPLATE);
        assertTrue(template.resourcesOfType("AWS::DynamoDB::Table").containsKey(LocalRuntime.TABLE));
    }
}
