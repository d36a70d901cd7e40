package fi.vuoro.platform.wiring;

import fi.vuoro.domain.audit.Audit;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.platform.dynamodb.audit.DynamoAuditTrail;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A site's audit trail, in one place: the staff actions, the settings saves and the account changes write it through
 * {@link Audit}; its coordinators read it a day at a time.
 */
@Factory
public class AuditWiring {

    @Singleton
    DynamoAuditTrail auditTrail(DynamoDbClient dynamo, TableName table) {
        return new DynamoAuditTrail(dynamo, table);
    }

    @Singleton
    Audit audit(DynamoAuditTrail trail, Clock clock) {
        return new Audit(trail, clock);
    }
}
