package fi.vuoro.platform.dynamodb.interpreter;

import fi.vuoro.domain.interpreter.InterpreterDirectory;
import fi.vuoro.domain.interpreter.InterpreterRequestStore;
import fi.vuoro.domain.interpreter.InterpreterStoresContract;
import fi.vuoro.platform.dynamodb.OutboxItems;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.TemplateTables;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The interpreter stores on AWS's DynamoDB Local keep the same promises as the in-memory ones. */
class DynamoInterpreterStoresIT extends InterpreterStoresContract {

    private static final TableName TABLE = new TableName("VuoroTable");
    private static DynamoDbLocalServer server;
    private static DynamoInterpreterStores stores;

    @BeforeAll
    static void start() {
        server = DynamoDbLocalServer.start();
        TemplateTables.createAllWithoutTimeToLive(server.client(), CloudFormationTemplate.load(CloudFormationTemplate.locate()));
        stores = new DynamoInterpreterStores(server.client(), TABLE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected InterpreterDirectory directory() {
        return stores;
    }

    @Override
    protected InterpreterRequestStore requests() {
        return stores;
    }

    @Override
    protected boolean owes(String smsId) {
        return !server.client().getItem(b -> b.tableName(TABLE.value()).consistentRead(true).key(Map.of(
                "PK", AttributeValue.fromS(OutboxItems.pk(smsId)), "SK", AttributeValue.fromS(OutboxItems.SK))))
                .item().isEmpty();
    }
}
