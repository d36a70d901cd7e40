package fi.vuoro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamoDbLocalServerTest {

    @Test
    void start_shouldServeQueriesOnLoopback() throws Exception {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start()) {
            assertTrue(InetAddress.getByName(server.endpoint().getHost()).isLoopbackAddress());
            assertTrue(server.client().listTables().tableNames().isEmpty());
        }
    }

    @Test
    void start_shouldGiveEachConcurrentServerItsOwnPortAndData() {
        CompletableFuture<DynamoDbLocalServer> first = CompletableFuture.supplyAsync(DynamoDbLocalServer::start);
        CompletableFuture<DynamoDbLocalServer> second = CompletableFuture.supplyAsync(DynamoDbLocalServer::start);
        try (DynamoDbLocalServer one = first.join(); DynamoDbLocalServer other = second.join()) {
            assertNotEquals(one.endpoint(), other.endpoint());

            createVisitsTable(one.client());

            assertEquals(List.of("Visits"), one.client().listTables().tableNames());
            assertTrue(other.client().listTables().tableNames().isEmpty());
        }
    }

    @Test
    void client_shouldSeeSameTablesWhateverCredentialsAndRegion() {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start();
             DynamoDbClient fromEnvironment = DynamoDbClient.builder()
                     .endpointOverride(server.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create("AKIAOTHERKEY", "other-secret")))
                     .httpClientBuilder(UrlConnectionHttpClient.builder())
                     .build()) {
            createVisitsTable(server.client());

            assertEquals(List.of("Visits"), fromEnvironment.listTables().tableNames());
        }
    }

    @Test
    void close_shouldStopServingRequests() {
        DynamoDbLocalServer server = DynamoDbLocalServer.start();
        int port = server.endpoint().getPort();

        server.close();

        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        assertThrows(IllegalStateException.class, server::client);
    }

    private static void createVisitsTable(DynamoDbClient client) {
        client.createTable(request -> request
                .tableName("Visits")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
    }
}
