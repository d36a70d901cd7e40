package fi.vuoro.testkit.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * An SDK execution interceptor that writes down every AWS request a function signs and sends: the IAM actions
 * and resources it needs, and the access key that signed it. Loaded into a deployed function as a global
 * interceptor (a jar in its task root's {@code lib/}), it appends one JSON line per attempt to the file named by
 * the system property {@value #FILE_PROPERTY}; {@link RecordedAwsCalls} reads them back.
 *
 * <p>Only the SDK's own types are used, through their generic field access, so the class works with whatever
 * service clients the function carries.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {

    public static final String FILE_PROPERTY = "vuoro.aws-calls";
    /** The SDK reads global interceptors from this resource. */
    public static final String SERVICE_FILE = "software/amazon/awssdk/global/handlers/execution.interceptors";

    private final Path file;

    public AwsCallRecorder() {
        String name = System.getProperty(FILE_PROPERTY);
        this.file = name == null || name.isBlank() ? null : Path.of(name);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (file == null) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String prefix = service == null ? "unknown" : service.toLowerCase(Locale.ROOT);
        String authorization = context.httpRequest().firstMatchingHeader("Authorization").orElse("");
        String accessKey = between(authorization, "Credential=", "/");
        boolean sessionToken = context.httpRequest().firstMatchingHeader("X-Amz-Security-Token").isPresent();
        List<String[]> grants = grants(prefix, operation, context.request());
        StringBuilder line = new StringBuilder("{\"service\":").append(quote(prefix))
                .append(",\"operation\":").append(quote(operation))
                .append(",\"accessKeyId\":").append(quote(accessKey))
                .append(",\"sessionToken\":").append(sessionToken)
                .append(",\"grants\":[");
        for (int i = 0; i < grants.size(); i++) {
            line.append(i == 0 ? "" : ",").append("{\"action\":").append(quote(grants.get(i)[0]))
                    .append(",\"resource\":").append(quote(grants.get(i)[1])).append('}');
        }
        line.append("]}\n");
        append(line.toString());
    }

    /** The (action, resource) pairs IAM authorises the request by; resources relative to the service's ARN. */
    static List<String[]> grants(String service, String operation, SdkRequest request) {
        List<String[]> grants = new ArrayList<>();
        if (service.equals("dynamodb")) {
            switch (operation) {
                case "TransactWriteItems" -> transactItems(request, grants, Map.of(
                        "Put", "PutItem", "Update", "UpdateItem", "Delete", "DeleteItem",
                        "ConditionCheck", "ConditionCheckItem"));
                case "TransactGetItems" -> transactItems(request, grants, Map.of("Get", "GetItem"));
                case "BatchWriteItem", "BatchGetItem" -> request.getValueForField("RequestItems", Map.class)
                        .ifPresent(items -> ((Map<?, ?>) items).keySet().forEach(table ->
                                grants.add(new String[] {"dynamodb:" + operation, "table/" + table})));
                default -> {
                    String table = request.getValueForField("TableName", String.class).orElse("*");
                    String resource = "table/" + table + request.getValueForField("IndexName", String.class)
                            .map(index -> "/index/" + index).orElse("");
                    grants.add(new String[] {"dynamodb:" + operation, resource});
                }
            }
        } else if (service.equals("ssm")) {
            request.getValueForField("Name", String.class).ifPresent(name ->
                    grants.add(new String[] {"ssm:" + operation, "parameter" + slashed(name)}));
            request.getValueForField("Names", List.class).ifPresent(names -> ((List<?>) names).forEach(name ->
                    grants.add(new String[] {"ssm:" + operation, "parameter" + slashed(String.valueOf(name))})));
        } else if (service.equals("cognitoidentityprovider")) {
            // Every user-pool admin action is authorised on the pool (arn:…:userpool/<poolId>).
            String pool = request.getValueForField("UserPoolId", String.class).orElse("*");
            grants.add(new String[] {"cognito-idp:" + operation, "userpool/" + pool});
        } else {
            grants.add(new String[] {service + ":" + operation, "*"});
        }
        return grants;
    }

    private static void transactItems(SdkRequest request, List<String[]> grants, Map<String, String> actions) {
        request.getValueForField("TransactItems", List.class).ifPresent(items -> {
            for (Object item : (List<?>) items) {
                for (SdkField<?> field : ((SdkPojo) item).sdkFields()) {
                    Object action = field.getValueOrDefault(item);
                    if (action instanceof SdkPojo pojo && actions.containsKey(field.memberName())) {
                        String table = pojo.sdkFields().stream()
                                .filter(f -> f.memberName().equals("TableName"))
                                .map(f -> String.valueOf(f.getValueOrDefault(pojo)))
                                .findFirst().orElse("*");
                        grants.add(new String[] {"dynamodb:" + actions.get(field.memberName()), "table/" + table});
                    }
                }
            }
        });
    }

    private static String slashed(String name) {
        return name.startsWith("/") ? name : "/" + name;
    }

    private synchronized void append(String line) {
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record an AWS call to " + file, e);
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        if (from < 0) {
            return "";
        }
        from += start.length();
        int to = text.indexOf(end, from);
        return to < 0 ? text.substring(from) : text.substring(from, to);
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
