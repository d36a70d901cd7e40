package fi.vuoro.sms;

import fi.vuoro.platform.outbox.OutboxIndex;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.TemplateTables;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The function as template.yaml deploys it: its Handler class, configured through properties the way
 * its environment configures it, on DynamoDB Local with the template's tables.
 */
final class DeployedSmsWebhook implements AutoCloseable {

    static final String TABLE = "VuoroTable";

    private final DynamoDbLocalServer dynamo;
    private final Map<String, String> properties;
    private final APIGatewayV2HTTPEventFunction handler;

    private DeployedSmsWebhook(DynamoDbLocalServer dynamo, Map<String, String> properties) {
        this.dynamo = dynamo;
        this.properties = properties;
        properties.forEach(System::setProperty);
        this.handler = new APIGatewayV2HTTPEventFunction();
    }

    /** Starts DynamoDB Local and the function, which signs webhooks for {@code publicBaseUrl} with {@code token}. */
    static DeployedSmsWebhook start(String publicBaseUrl, String token) {
        DynamoDbLocalServer dynamo = DynamoDbLocalServer.start();
        TemplateTables.createAll(dynamo.client(), CloudFormationTemplate.load(CloudFormationTemplate.locate()));
        OutboxIndex.ensure(dynamo.client(), TABLE);
        return new DeployedSmsWebhook(dynamo, Map.of(
                "vuoro.table-name", TABLE,
                "vuoro.dynamodb-endpoint", dynamo.endpoint().toString(),
                "vuoro.public-base-url", publicBaseUrl,
                "vuoro.twilio-auth-token", token,
                "vuoro.phone-hash-key", "deployed-function-test-phone-hash-key",
                "vuoro.phone-encryption-key", "deployed-function-test-phone-encryption-key"));
    }

    APIGatewayV2HTTPEventFunction handler() {
        return handler;
    }

    DynamoDbClient dynamo() {
        return dynamo.client();
    }

    int endpointPort() {
        return dynamo.endpoint().getPort();
    }

    @Override
    public void close() {
        try {
            handler.close();
        } finally {
            properties.keySet().forEach(System::clearProperty);
            dynamo.close();
        }
    }
}
