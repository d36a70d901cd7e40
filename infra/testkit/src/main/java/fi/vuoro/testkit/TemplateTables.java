package fi.vuoro.testkit;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates every {@code AWS::DynamoDB::Table} of a template in a DynamoDB endpoint, from the template's own
 * properties, so local tables have exactly the keys and indexes the deployed stack has.
 *
 * <p>Tables are named by their logical id. Time to live is switched on where the template enables it; DynamoDB
 * Local then deletes expired items as the cloud does (it looks about every 11 s), by the machine's clock. Readers
 * must still filter expired items out, as they must in the cloud, where deletion can lag expiry by days. A service
 * run on a clock of its own (a test's, set to a day in the past) would have its items deleted under it by that
 * machine clock: {@link #createAllWithoutTimeToLive} leaves time to live off for it.
 */
public final class TemplateTables {

    private TemplateTables() {}

    /**
     * Creates the template's tables that do not exist yet.
     *
     * @return the names of the tables created by this call, in declaration order
     * @throws IllegalArgumentException if a table declares something that cannot be reproduced locally
     */
    public static List<String> createAll(DynamoDbClient client, CloudFormationTemplate template) {
        return createAll(client, template, true);
    }

    /**
     * Creates the template's tables that do not exist yet, with time to live left off, for a service on a clock
     * other than the machine's: items then expire only by that clock, for readers that filter them out.
     *
     * @return the names of the tables created by this call, in declaration order
     */
    public static List<String> createAllWithoutTimeToLive(DynamoDbClient client, CloudFormationTemplate template) {
        return createAll(client, template, false);
    }

    private static List<String> createAll(DynamoDbClient client, CloudFormationTemplate template,
                                          boolean timeToLive) {
        // Translate everything first so a bad declaration fails before any table is created.
        List<TableDeclaration> declarations = new ArrayList<>();
        template.resourcesOfType("AWS::DynamoDB::Table").forEach((logicalId, resource) ->
                declarations.add(TableDeclaration.from(logicalId, resource.properties())));

        List<String> created = new ArrayList<>();
        for (TableDeclaration declaration : declarations) {
            String tableName = declaration.createRequest().tableName();
            if (exists(client, tableName)) {
                continue;
            }
            client.createTable(declaration.createRequest());
            try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).build()) {
                waiter.waitUntilTableExists(request -> request.tableName(tableName));
            }
            if (timeToLive) {
                declaration.timeToLiveAttribute().ifPresent(attribute -> client.updateTimeToLive(request -> request
                        .tableName(tableName)
                        .timeToLiveSpecification(TimeToLiveSpecification.builder()
                                .attributeName(attribute)
                                .enabled(true)
                                .build())));
            }
            created.add(tableName);
        }
        return List.copyOf(created);
    }

    private static boolean exists(DynamoDbClient client, String tableName) {
        try {
            client.describeTable(request -> request.tableName(tableName));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }
}
