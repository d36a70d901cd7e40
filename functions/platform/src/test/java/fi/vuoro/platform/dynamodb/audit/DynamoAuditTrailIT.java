package fi.vuoro.platform.dynamodb.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.audit.AuditAction;
import fi.vuoro.domain.audit.AuditEntry;
import fi.vuoro.domain.audit.AuditTrail;
import fi.vuoro.domain.audit.AuditTrailContract;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.TemplateTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit trail on AWS's DynamoDB Local, with the table from template.yaml: the same contract as in memory, a day
 * read whole over many pages, and the item as docs/table-design.md describes it.
 */
class DynamoAuditTrailIT extends AuditTrailContract {

    private static final TableName TABLE = new TableName("VuoroTable");
    private static DynamoDbLocalServer server;
    private static DynamoAuditTrail trail;

    @BeforeAll
    static void start() {
        server = DynamoDbLocalServer.start();
        TemplateTables.createAllWithoutTimeToLive(server.client(), CloudFormationTemplate.load(CloudFormationTemplate.locate()));
        trail = new DynamoAuditTrail(server.client(), TABLE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected AuditTrail trail() {
        return trail;
    }

    @Test
    void day_shouldReadEveryPage_inTimeOrder() {
        String site = newSite();
        DynamoAuditTrail smallPages = new DynamoAuditTrail(server.client(), TABLE, 3);
        List<AuditEntry> recorded = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // Instants whose own text differs in length (….1Z, ….12Z, …): the sort key's fixed width keeps the order.
            AuditEntry entry = entry(site, NOON.plusMillis(i * 7L).plusNanos(i * 100_000L), AuditAction.CALL,
                    "A" + (i + 1), "desk 1");
            recorded.add(entry);
        }
        for (int i = recorded.size() - 1; i >= 0; i--) {
            smallPages.record(recorded.get(i));
        }

        assertEquals(recorded, smallPages.day(site, DAY, NOON));
    }

    @Test
    void record_shouldWriteTheItemInTheSitesDayPartition_expiringAfterNinetyDays() {
        String site = newSite();
        trail.record(entry(site, NOON, AuditAction.SETTINGS_CHANGE, null, "openingHours, noShowGraceMinutes"));

        List<Map<String, AttributeValue>> items = server.client().query(b -> b.tableName(TABLE.value())
                .keyConditionExpression("PK = :pk").expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS("SITE#" + site + "#AUDIT#2026-12-04")))).items();
        assertEquals(1, items.size());
        Map<String, AttributeValue> item = items.get(0);
        assertTrue(item.get("SK").s().startsWith("2026-12-04T10:00:00.000000000Z#"), item.get("SK").s());
        assertEquals(String.valueOf(NOON.plus(AuditTrail.KEPT_FOR).getEpochSecond()), item.get("expiresAt").n());
        assertEquals("settings-change", item.get("action").s());
        assertEquals("anna", item.get("who").s());
        assertEquals(null, item.get("ticket"), "no ticket attribute for an action on no ticket");
    }
}
