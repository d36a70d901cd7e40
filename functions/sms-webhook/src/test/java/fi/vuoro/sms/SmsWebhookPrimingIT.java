package fi.vuoro.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import fi.vuoro.platform.dynamodb.TableName;
import io.micronaut.context.ApplicationContext;
import io.micronaut.crac.OrderedResource;
import io.micronaut.crac.test.DefaultCheckpointSimulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * SnapStart priming as Lambda runs it before the snapshot (Micronaut CRaC's beforeCheckpoint on every registered
 * resource), on the deployed function and DynamoDB Local: it answers in every language, writes nothing and leaves no
 * connection open for restored instances to share.
 */
class SmsWebhookPrimingIT {

    private static final String SITE_NUMBER = "+358500000078";
    private static DeployedSmsWebhook function;
    private static ApplicationContext context;

    @BeforeAll
    static void startFunction() {
        function = DeployedSmsWebhook.start("https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com", "priming-token");
        new DynamoSiteDirectory(function.dynamo(), new TableName(DeployedSmsWebhook.TABLE), Clock.systemUTC()).save(
                new Site("primed", "Primed Site", SITE_NUMBER, OpeningHours.always(), Set.of("fi"),
                        Duration.ofMinutes(15), 1, 'P', Set.of()));
        context = function.handler().getApplicationContext();
    }

    @AfterAll
    static void stopFunction() {
        function.close();
    }

    @Test
    void beforeCheckpoint_shouldLeaveEveryItemOfTheTableAsItWas() {
        List<Map<String, AttributeValue>> before = everyItem();
        assertFalse(before.isEmpty(), "the table should hold the site before priming");

        new DefaultCheckpointSimulator(new ArrayList<>(context.getBeansOfType(OrderedResource.class)))
                .runBeforeCheckpoint();

        assertEquals(before, everyItem());
    }

    @Test
    void prime_shouldAnswerTheReadOnlyCommandsInEveryLanguageWithTwiml() {
        MessageCatalogue catalogue = context.getBean(MessageCatalogue.class);
        String tryAgain = catalogue.render(catalogue.fallbackLanguage(), MessageKey.TRY_AGAIN);

        List<String> twiml = context.getBean(SmsWebhookPriming.class).prime();

        assertEquals(catalogue.languages().size() * 3, twiml.size());
        for (String reply : twiml) {
            assertTrue(reply.startsWith("<?xml") && reply.contains("<Message>"), reply);
            assertFalse(reply.contains(tryAgain), reply);
        }
    }

    @Test
    void prime_shouldRegisterWithCracAndLoadTheClassesOfTheRequestPathOnce() {
        assertTrue(context.getBeansOfType(OrderedResource.class).stream().anyMatch(SmsWebhookPriming.class::isInstance));
        SmsWebhookPriming priming = context.getBean(SmsWebhookPriming.class);
        priming.prime();
        long afterFirst = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        priming.prime();
        long afterSecond = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        assertTrue(afterSecond - afterFirst < 10, (afterSecond - afterFirst) + " classes were first loaded by a second priming");
    }

    @Test
    void prime_shouldLeaveNoConnectionToDynamoDbOpen() throws IOException {
        DynamoDbClient functionsClient = context.getBean(DynamoDbClient.class);
        int port = function.endpointPort();
        functionsClient.listTables();
        assertTrue(openConnectionsTo(port) > 0, "the check should see the kept-alive connection of an ordinary request");

        context.getBean(SmsWebhookPriming.class).prime();

        assertEquals(0, openConnectionsTo(port));
    }

    private static List<Map<String, AttributeValue>> everyItem() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = function.dynamo().scan(ScanRequest.builder().tableName(DeployedSmsWebhook.TABLE)
                    .consistentRead(true).exclusiveStartKey(start).build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** Established TCP connections of this machine whose remote end is {@code port} (Linux's socket tables). */
    private static int openConnectionsTo(int port) throws IOException {
        String remotePort = String.format(":%04X", port);
        int open = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[2].endsWith(remotePort) && fields[3].equals("01")) {
                    open++;
                }
            }
        }
        return open;
    }
}
