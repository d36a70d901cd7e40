package fi.vuoro.platform.dynamodb;

import fi.vuoro.testkit.DynamoDbLocalServer;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The same store contract on LocalStack. Needs a Docker engine: where there is none, JUnit skips
 * this class with "disabledWithoutDocker is true and Docker is not available".
 */
@Testcontainers(disabledWithoutDocker = true)
class DynamoStoresOnLocalStackIT extends StoreContract {

    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                    .withServices(LocalStackContainer.Service.DYNAMODB);

    private static DynamoDbClient client;

    @BeforeAll
    static void createTables() {
        client = DynamoDbLocalServer.newClient(LOCALSTACK.getEndpoint());
        createTables(client);
    }

    @Override
    DynamoDbClient client() {
        return client;
    }
}
