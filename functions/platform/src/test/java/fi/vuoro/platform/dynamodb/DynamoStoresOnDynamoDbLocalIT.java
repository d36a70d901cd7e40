package fi.vuoro.platform.dynamodb;

import fi.vuoro.testkit.DynamoDbLocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The store contract on AWS's DynamoDB Local, in-process: runs everywhere. */
class DynamoStoresOnDynamoDbLocalIT extends StoreContract {

    private static DynamoDbLocalServer server;

    @BeforeAll
    static void start() {
        server = DynamoDbLocalServer.start();
        createTables(server.client());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    DynamoDbClient client() {
        return server.client();
    }
}
