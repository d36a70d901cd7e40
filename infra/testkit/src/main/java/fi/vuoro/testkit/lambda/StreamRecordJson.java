package fi.vuoro.testkit.lambda;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * One DynamoDB Streams record in the shape Lambda puts in {@code Records[]}: the stream record's own fields plus
 * {@code eventSourceARN}, with {@code ApproximateCreationDateTime} in epoch seconds and attribute values in DynamoDB
 * JSON.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">Lambda: using Lambda with DynamoDB
 *     (example event)</a>
 */
final class StreamRecordJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StreamRecordJson() {}

    /**
     * @param region the region Lambda reports ({@code awsRegion}), which is the table's
     * @param streamArn the stream's ARN as Lambda reports it ({@code eventSourceARN})
     */
    static ObjectNode of(Record record, String region, String streamArn) {
        ObjectNode json = NODES.objectNode();
        json.put("eventID", record.eventID());
        json.put("eventName", record.eventNameAsString());
        json.put("eventVersion", record.eventVersion());
        json.put("eventSource", record.eventSource());
        json.put("awsRegion", region);
        json.set("dynamodb", change(record.dynamodb()));
        Identity identity = record.userIdentity();
        if (identity != null) {
            // Set on deletions made by time to live.
            ObjectNode user = json.putObject("userIdentity");
            user.put("type", identity.type());
            user.put("principalId", identity.principalId());
        }
        json.put("eventSourceARN", streamArn);
        return json;
    }

    private static ObjectNode change(StreamRecord change) {
        ObjectNode json = NODES.objectNode();
        Instant created = change.approximateCreationDateTime();
        if (created != null) {
            json.put("ApproximateCreationDateTime", created.getEpochSecond());
        }
        if (change.hasKeys()) {
            json.set("Keys", DynamoJson.item(change.keys()));
        }
        if (change.hasNewImage()) {
            json.set("NewImage", DynamoJson.item(change.newImage()));
        }
        if (change.hasOldImage()) {
            json.set("OldImage", DynamoJson.item(change.oldImage()));
        }
        json.put("SequenceNumber", change.sequenceNumber());
        json.put("SizeBytes", change.sizeBytes());
        json.put("StreamViewType", change.streamViewTypeAsString());
        return json;
    }
}
