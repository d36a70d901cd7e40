package fi.vuoro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.testkit.FaultyDynamoHttpClient.Fault;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The faults DynamoDB and the network produce, as the SDK above the faulty client meets them. */
class FaultyDynamoHttpClientTest {

    private DynamoDbLocalServer server;
    private FaultyDynamoHttpClient faults;
    private DynamoDbClient dynamo;
    private final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void start() {
        server = DynamoDbLocalServer.start();
        server.client().createTable(b -> b.tableName("Counts").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("PK")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build()));
        faults = new FaultyDynamoHttpClient(UrlConnectionHttpClient.create());
        dynamo = DynamoDbClient.builder().httpClient(faults).endpointOverride(server.endpoint())
                .region(DynamoDbLocalServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context,
                                                   ExecutionAttributes attributes) {
                        attempts.incrementAndGet();
                    }
                }))
                .build();
    }

    @AfterEach
    void stop() {
        dynamo.close();
        server.close();
    }

    private void addOne() {
        dynamo.updateItem(b -> b.tableName("Counts").key(Map.of("PK", AttributeValue.fromS("c")))
                .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }

    private int count() {
        Map<String, AttributeValue> item = server.client().getItem(b -> b.tableName("Counts")
                .key(Map.of("PK", AttributeValue.fromS("c"))).consistentRead(true)).item();
        return item.isEmpty() ? 0 : Integer.parseInt(item.get("n").n());
    }

    @Test
    void crashAfterWrite_shouldWriteOnce_andReachTheCallerWithoutTheSdkTryingAgain() {
        faults.next("UpdateItem", Fault.CRASH_AFTER_WRITE);

        assertThrows(FaultyDynamoHttpClient.CrashAfterWrite.class, this::addOne);

        assertEquals(1, attempts.get(), "the function died: nobody sent it again");
        assertEquals(1, count(), "the write reached DynamoDB");
        assertEquals(1, faults.injected(Fault.CRASH_AFTER_WRITE));
    }

    @Test
    void timeout_shouldWriteNothing_andTheSdkTriesAgain() {
        faults.next("UpdateItem", Fault.TIMEOUT);

        addOne();

        assertEquals(2, attempts.get(), "the hung attempt, then one that was answered");
        assertEquals(1, count());
    }

    @Test
    void throughputExceeded_shouldWriteNothing_andTheSdkBacksOffAndTriesAgain() {
        faults.next("UpdateItem", Fault.THROUGHPUT_EXCEEDED);

        addOne();

        assertEquals(2, attempts.get(), "the refused attempt, then one that was carried out");
        assertEquals(1, count(), "the refused attempt wrote nothing");
        assertEquals(1, faults.injected(Fault.THROUGHPUT_EXCEEDED));
    }

    @Test
    void randomly_shouldInjectOnlyFaultsThatFitTheOperation_atAboutTheRate() {
        faults.randomly(new Random(7), 0.25, Duration.ofMillis(1), Fault.TRANSACTION_CONFLICT, Fault.TIMEOUT);

        for (int i = 0; i < 16; i++) {
            addOne();
        }
        faults.calm();

        assertEquals(16, count(), "timed-out attempts are tried again by the SDK and wrote nothing");
        assertEquals(0, faults.injected(Fault.TRANSACTION_CONFLICT), "no transaction was written");
        int timedOut = faults.injected(Fault.TIMEOUT);
        assertTrue(timedOut >= 1 && timedOut <= 12, "about one attempt in four: " + timedOut);
        assertEquals(16 + timedOut, attempts.get());
    }
}
