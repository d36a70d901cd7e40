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
import fi.vuoro.testkit.LoadedClasses;
import fi.vuoro.testkit.LoopbackConnections;
import fi.vuoro.testkit.TableItems;
import io.micronaut.context.ApplicationContext;
import io.micronaut.crac.OrderedResource;
import io.micronaut.crac.test.DefaultCheckpointSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SnapStart priming as Lambda runs it before the snapshot (Micronaut CRaC's beforeCheckpoint on every registered
 * resource), on the deployed function and DynamoDB Local: it answers in every language, writes nothing and leaves no
 * connection open for restored instances to share.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    @Order(1)
    void prime_shouldLoadTheClassesOfTheWebhooksRequestPath() {
        List<String> requestPath = List.of("com.twilio.security.RequestValidator", "com.twilio.twiml.MessagingResponse",
                "fi.vuoro.domain.command.CommandParser",
                "software.amazon.awssdk.services.dynamodb.transform.GetItemRequestMarshaller",
                "software.amazon.awssdk.services.dynamodb.transform.QueryRequestMarshaller");
        assertTrue(context.getBeansOfType(OrderedResource.class).stream().anyMatch(SmsWebhookPriming.class::isInstance),
                "Micronaut CRaC registers the priming as a checkpoint resource");
        assertFalse(LoadedClasses.notYetLoaded(requestPath).isEmpty(), "the function's init alone loads them all");

        context.getBean(SmsWebhookPriming.class).prime();

        assertEquals(List.of(), LoadedClasses.notYetLoaded(requestPath));
    }

    @Test
    void prime_shouldLeaveNoConnectionToDynamoDbOpen() {
        DynamoDbClient functionsClient = context.getBean(DynamoDbClient.class);
        int port = function.endpointPort();
        functionsClient.listTables();
        assertTrue(LoopbackConnections.establishedTo(port) > 0, "the check should see the kept-alive connection of an ordinary request");

        context.getBean(SmsWebhookPriming.class).prime();

        assertEquals(0, LoopbackConnections.establishedTo(port));
    }

    private static List<Map<String, AttributeValue>> everyItem() {
        return TableItems.all(function.dynamo(), DeployedSmsWebhook.TABLE);
    }
}
