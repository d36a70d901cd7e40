package fi.vuoro.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The cold-start baseline: the least a Java Lambda function on DynamoDB does. No framework: the client is built
 * once in the constructor (Lambda's init), as the functions build theirs, and each invocation puts one item into
 * the same DynamoDB Local table the functions use. Shaded alone into {@code coldstart-baseline-lambda.jar}.
 *
 * <p>Configured like the functions: {@code VUORO_TABLE_NAME} and {@code VUORO_DYNAMODB_ENDPOINT}, with the
 * static credentials and region the functions' DynamoDB client uses against DynamoDB Local.
 */
public class PutItemBaselineHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final DynamoDbClient dynamo;
    private final String table;

    public PutItemBaselineHandler() {
        table = System.getenv("VUORO_TABLE_NAME");
        dynamo = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(System.getenv("VUORO_DYNAMODB_ENDPOINT")))
                .region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String id = UUID.randomUUID().toString();
        dynamo.putItem(PutItemRequest.builder()
                .tableName(table)
                .item(Map.of(
                        "PK", AttributeValue.fromS("BASELINE#" + id),
                        "SK", AttributeValue.fromS("RUN"),
                        "source", AttributeValue.fromS(String.valueOf(event.get("source")))))
                .build());
        return Map.of("statusCode", 200, "id", id);
    }
}
