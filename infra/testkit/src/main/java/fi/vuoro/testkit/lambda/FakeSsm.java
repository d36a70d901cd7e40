package fi.vuoro.testkit.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * SSM Parameter Store's {@code GetParameter} and {@code GetParameters} on loopback (the AWS JSON 1.1 protocol the
 * SDK speaks), holding SecureString parameters. A request must be signed (SigV4, checked by {@link SigV4Check})
 * with credentials issued by the {@link ContainerCredentials} endpoint, session token included; otherwise it is
 * answered as AWS answers an unknown signer or a wrong signature. It grants nothing by itself: which parameters a
 * function may read is its role's business, checked against the calls it records for each role's credentials
 * ({@link #callsSignedBy}), whether an SDK client or a hand-signed request made them.
 */
public final class FakeSsm implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ContainerCredentials credentials;
    private final Map<String, String> parameters = new ConcurrentHashMap<>();
    private final List<RecordedAwsCalls.Call> calls = new CopyOnWriteArrayList<>();
    private final String region;
    private final String account;

    private FakeSsm(ContainerCredentials credentials, String region, String account) {
        this.credentials = credentials;
        this.region = region;
        this.account = account;
        this.server = LoopbackReplies.serve("SSM", this::handle);
    }

    public static FakeSsm start(ContainerCredentials credentials, String region, String account) {
        return new FakeSsm(credentials, region, account);
    }

    /** The value of {@code AWS_ENDPOINT_URL_SSM}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public FakeSsm putSecureString(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            SignedRequests.Signer signer = SignedRequests.check(exchange, body, credentials, "ssm");
            if (signer.grant().isEmpty()) {
                reply(exchange, 400, error("UnrecognizedClientException",
                        "The security token included in the request is invalid."));
                return;
            }
            if (!signer.signatureMatches()) {
                reply(exchange, 400, error("InvalidSignatureException", "The request signature we calculated does"
                        + " not match the signature you provided."));
                return;
            }
            JsonNode request = JSON.readTree(body);
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            switch (target) {
                case "AmazonSSM.GetParameter" -> {
                    record(signer.grant().get(), "GetParameter", List.of(request.path("Name").asText()));
                    getParameter(exchange, request);
                }
                case "AmazonSSM.GetParameters" -> {
                    List<String> names = new ArrayList<>();
                    request.path("Names").forEach(name -> names.add(name.asText()));
                    record(signer.grant().get(), "GetParameters", names);
                    getParameters(exchange, request);
                }
                default -> reply(exchange, 400, error("InvalidAction", "Not offered here: " + target));
            }
        }
    }

    /**
     * The requests each role's credentials signed and SSM accepted, as IAM authorises them: {@code ssm:<operation>}
     * on each parameter named (decryption with the AWS-managed key needs no grant of the role).
     */
    public List<RecordedAwsCalls.Call> callsSignedBy(ContainerCredentials.Grant grant) {
        return calls.stream().filter(call -> call.accessKeyId().equals(grant.accessKeyId())).toList();
    }

    private void record(ContainerCredentials.Grant signer, String operation, List<String> names) {
        List<RecordedAwsCalls.Grant> grants = names.stream()
                .map(name -> new RecordedAwsCalls.Grant("ssm:" + operation,
                        "parameter" + (name.startsWith("/") ? name : "/" + name)))
                .toList();
        calls.add(new RecordedAwsCalls.Call("ssm", operation, signer.accessKeyId(), true, grants));
    }

    private void getParameter(HttpExchange exchange, JsonNode request) throws IOException {
        String name = request.path("Name").asText();
        String value = parameters.get(name);
        if (value == null) {
            reply(exchange, 400, error("ParameterNotFound", ""));
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("Parameter", parameter(name, value, request.path("WithDecryption").asBoolean(false)));
        reply(exchange, 200, answer.toString());
    }

    private void getParameters(HttpExchange exchange, JsonNode request) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode found = answer.putArray("Parameters");
        ArrayNode invalid = answer.putArray("InvalidParameters");
        for (JsonNode nameNode : request.path("Names")) {
            String name = nameNode.asText();
            String value = parameters.get(name);
            if (value == null) {
                invalid.add(name);
            } else {
                found.add(parameter(name, value, request.path("WithDecryption").asBoolean(false)));
            }
        }
        reply(exchange, 200, answer.toString());
    }

    private ObjectNode parameter(String name, String value, boolean decrypted) {
        ObjectNode parameter = JSON.createObjectNode();
        parameter.put("Name", name);
        parameter.put("Type", "SecureString");
        parameter.put("Value", decrypted ? value : "AQICAHg" + Integer.toHexString(value.hashCode()));
        parameter.put("Version", 1);
        parameter.put("DataType", "text");
        parameter.put("ARN", "arn:aws:ssm:" + region + ":" + account + ":parameter" + name);
        return parameter;
    }

    private static String error(String type, String message) {
        return LoopbackReplies.awsJsonError(type, message);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        LoopbackReplies.sendAwsJson(exchange, status, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
