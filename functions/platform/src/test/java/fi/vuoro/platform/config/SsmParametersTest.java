package fi.vuoro.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fi.vuoro.platform.aws.AwsJsonApi;
import fi.vuoro.testkit.lambda.ContainerCredentials;
import fi.vuoro.testkit.lambda.FakeSsm;
import fi.vuoro.testkit.lambda.SigV4Check;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The one SSM request Vuoro makes, GetParameter, signed by hand: its shape as AWS documents it (AWS JSON 1.1:
 * {@code X-Amz-Target: AmazonSSM.GetParameter}, a JSON body with the name and {@code WithDecryption}), a SigV4
 * signature that an independent check accepts, and SSM's answers and errors read as AWS shapes them.
 */
class SsmParametersTest {

    private static final String NAME = "/vuoro/prod/twilio-auth-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AwsSessionCredentials KEYS = AwsSessionCredentials.create("ASIAEXAMPLEKEY0000001",
            "example-secret-access-key", "example-session-token");

    private final List<Received> received = new ArrayList<>();
    private final Deque<String[]> answers = new ArrayDeque<>();
    private HttpServer ssm;
    private ContainerCredentials credentials;
    private FakeSsm fakeSsm;

    private record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @AfterEach
    void stop() {
        if (ssm != null) {
            ssm.stop(0);
        }
        if (fakeSsm != null) {
            fakeSsm.close();
        }
        if (credentials != null) {
            credentials.close();
        }
    }

    @Test
    void read_shouldSendOneSignedGetParameterInAwsJson11_withDecryption() throws IOException {
        answer(200, "{\"Parameter\":{\"ARN\":\"arn:aws:ssm:eu-north-1:123456789012:parameter" + NAME + "\","
                + "\"DataType\":\"text\",\"LastModifiedDate\":1.7645616E9,\"Name\":\"" + NAME + "\","
                + "\"Type\":\"SecureString\",\"Value\":\"s3cr3t-t0ken\",\"Version\":3}}");

        assertEquals("s3cr3t-t0ken", parameters().read(NAME));

        assertEquals(1, received.size());
        Received request = received.get(0);
        assertEquals("POST", request.method());
        assertEquals("/", request.path());
        assertEquals("AmazonSSM.GetParameter", request.header("X-Amz-Target"));
        assertEquals("application/x-amz-json-1.1", request.header("Content-Type"));
        JsonNode body = JSON.readTree(request.body());
        assertEquals(NAME, body.path("Name").asText());
        assertTrue(body.path("WithDecryption").asBoolean(false));
        assertEquals(2, body.size(), "only Name and WithDecryption: " + body);
        assertEquals(KEYS.sessionToken(), request.header("X-Amz-Security-Token"));

        SigV4Check.Claim claim = SigV4Check.claim(request.header("Authorization")).orElseThrow();
        assertEquals(KEYS.accessKeyId(), claim.accessKeyId());
        assertEquals("eu-north-1", claim.region());
        assertEquals("ssm", claim.service());
        assertTrue(claim.signedHeaders().containsAll(List.of("host", "x-amz-date", "x-amz-target",
                "x-amz-security-token", "content-type")), "signed: " + claim.signedHeaders());
        assertTrue(SigV4Check.verifies(claim, KEYS.secretAccessKey(), request.method(), request.path(),
                request.headers(), request.body()), "the signature must be the one AWS computes");
        assertFalse(SigV4Check.verifies(claim, "another-secret", request.method(), request.path(),
                request.headers(), request.body()), "the check must tell another key's signature apart");
    }

    @Test
    void read_shouldFailNamingTheParameter_whenSsmHasNoSuchParameter() {
        answer(400, "{\"__type\":\"ParameterNotFound\",\"message\":\"\"}");

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> parameters().read(NAME));

        assertEquals("SSM parameter " + NAME + " does not exist (ParameterNotFound)", failure.getMessage());
        assertEquals(1, received.size(), "a missing parameter is not retried");
    }

    @Test
    void read_shouldFailWithSsmsReason_whenTheRoleMayNotReadTheParameter() {
        answer(400, "{\"__type\":\"com.amazonaws.ssm#AccessDeniedException\",\"Message\":\"User: "
                + "arn:aws:sts::123456789012:assumed-role/vuoro-jobs/vuoro-jobs is not authorized to perform: "
                + "ssm:GetParameter on resource: arn:aws:ssm:eu-north-1:123456789012:parameter" + NAME + "\"}");

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> parameters().read(NAME));

        assertTrue(failure.getMessage().startsWith("Cannot read SSM parameter " + NAME + ": AccessDeniedException ("
                + "User: "), failure.getMessage());
    }

    @Test
    void read_shouldTryAgain_whenSsmThrottlesOrFailsBriefly() {
        answer(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
        answer(500, "{\"__type\":\"InternalServerError\"}");
        answer(200, "{\"Parameter\":{\"Name\":\"" + NAME + "\",\"Type\":\"SecureString\",\"Value\":\"v\",\"Version\":1}}");

        assertEquals("v", parameters().read(NAME));
        assertEquals(3, received.size());
    }

    @Test
    void read_shouldBeAcceptedByTheFakeSsm_whichChecksTheSignatureWithTheIssuedCredentials() {
        credentials = ContainerCredentials.start();
        ContainerCredentials.Grant grant = credentials.issue("SmsWebhookFunction");
        fakeSsm = FakeSsm.start(credentials, "eu-north-1", "123456789012").putSecureString(NAME, "from-the-fake");
        SsmParameters parameters = new SsmParameters(new AwsJsonApi("ssm", "AmazonSSM",
                () -> new AwsJsonApi.Endpoint(fakeSsm.endpoint(), "eu-north-1"),
                StaticCredentialsProvider.create(AwsSessionCredentials.create(grant.accessKeyId(),
                        grant.secretAccessKey(), grant.sessionToken())),
                UrlConnectionHttpClient.create()));

        assertEquals("from-the-fake", parameters.read(NAME));
        assertEquals(List.of("ssm:GetParameter on parameter" + NAME), fakeSsm.callsSignedBy(grant).stream()
                .flatMap(call -> call.grants().stream()).map(g -> g.action() + " on " + g.resource()).toList());
    }

    private SsmParameters parameters() {
        try {
            ssm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ssm.createContext("/", this::handle);
        ssm.start();
        URI endpoint = URI.create("http://127.0.0.1:" + ssm.getAddress().getPort());
        return new SsmParameters(new AwsJsonApi("ssm", "AmazonSSM", () -> new AwsJsonApi.Endpoint(endpoint, "eu-north-1"),
                StaticCredentialsProvider.create(KEYS), UrlConnectionHttpClient.create()));
    }

    private void answer(int status, String body) {
        answers.add(new String[] {String.valueOf(status), body});
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (received) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        new LinkedHashMap<>(exchange.getRequestHeaders()), body));
            }
            String[] answer = answers.isEmpty() ? new String[] {"500", "{}"} : answers.poll();
            byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
