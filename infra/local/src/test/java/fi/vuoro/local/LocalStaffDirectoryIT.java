package fi.vuoro.local;

import fi.vuoro.domain.account.StaffDirectory;
import fi.vuoro.domain.account.StaffDirectoryContract;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.TemplateTables;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The local runtime's accounts, on DynamoDB Local with the template's table, keep the directory's promises. */
class LocalStaffDirectoryIT extends StaffDirectoryContract {

    private static DynamoDbLocalServer server;
    private static LocalStaffDirectory directory;

    @BeforeAll
    static void start() {
        server = DynamoDbLocalServer.start();
        TemplateTables.createAllWithoutTimeToLive(server.client(), CloudFormationTemplate.load(CloudFormationTemplate.locate()));
        directory = new LocalStaffDirectory(server.client(), new TableName(LocalRuntime.TABLE), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected StaffDirectory directory() {
        return directory;
    }
}
