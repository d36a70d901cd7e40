package fi.vuoro.platform.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * An AWS service's API in the AWS JSON 1.1 protocol, for the few operations Vuoro calls outside the DynamoDB client:
 * each a {@code POST /} with {@code X-Amz-Target: <prefix>.<Operation>} and a JSON body, signed (SigV4) with the
 * SDK's own signer and the default credentials chain (container credentials under SnapStart), sent with the SDK's
 * URL-connection client and read with Jackson.
 *
 * <p>Not the SDK's service clients: their models of every operation are megabytes of each function's jar (SSM's
 * 5 MB, Cognito's 3 MB) for a handful of calls. The region, endpoint and credentials are resolved on the first
 * call. {@code AWS_ENDPOINT_URL_<SERVICE>} and {@code AWS_ENDPOINT_URL} override the endpoint, as for the SDK's
 * clients. Throttling, 5xx answers and failures to connect are tried twice more.
 */
public final class AwsJsonApi {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final int ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String signingName;
    private final String targetPrefix;
    private final Supplier<Endpoint> endpoint;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private volatile Endpoint resolved;

    /** Where requests go and the region they are signed for. */
    public record Endpoint(URI uri, String region) {
    }

    /** The service answered with an error (or did not answer): its AWS error type, e.g. {@code ParameterNotFound}. */
    public static final class Failure extends RuntimeException {
        private final String type;
        private final int status;

        Failure(String type, int status, String message, Throwable cause) {
            super(message, cause);
            this.type = type;
            this.status = status;
        }

        /** The error type without its namespace; {@code HTTP <status>} without one, {@code Unreachable} with none. */
        public String type() {
            return type;
        }

        /** The HTTP status, 0 when there was no answer. */
        public int status() {
            return status;
        }
    }

    /**
     * @param signingName    the service's signing name and endpoint prefix, e.g. {@code ssm}, {@code cognito-idp}
     * @param targetPrefix   what precedes the operation in {@code X-Amz-Target}, e.g. {@code AmazonSSM}
     * @param endpointEnvKey the service's part of {@code AWS_ENDPOINT_URL_<key>}, e.g. {@code SSM}
     */
    public static AwsJsonApi of(String signingName, String targetPrefix, String endpointEnvKey) {
        return new AwsJsonApi(signingName, targetPrefix, () -> defaultEndpoint(signingName, endpointEnvKey),
                DefaultCredentialsProvider.builder().build(),
                UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)).build());
    }

    public AwsJsonApi(String signingName, String targetPrefix, Supplier<Endpoint> endpoint,
                      AwsCredentialsProvider credentials, SdkHttpClient http) {
        this.signingName = signingName;
        this.targetPrefix = targetPrefix;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.http = http;
    }

    /** A request body to fill in. */
    public static ObjectNode request() {
        return JSON.createObjectNode();
    }

    /** The operation's answer; a {@link Failure} when the service refuses it or cannot be reached. */
    public JsonNode call(String operation, ObjectNode request) {
        byte[] body = request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Failure failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return send(operation, body);
            } catch (Failure e) {
                failure = e;
                if (!worthRetrying(e)) {
                    throw e;
                }
            }
            pause(attempt);
        }
        throw failure;
    }

    private static boolean worthRetrying(Failure e) {
        return e.status() == 0 || e.status() >= 500 || e.type().equals("ThrottlingException")
                || e.type().equals("TooManyRequestsException");
    }

    private JsonNode send(String operation, byte[] body) {
        Endpoint to = endpoint();
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(to.uri())
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", targetPrefix + "." + operation)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        // Asked for on every request: the provider caches the credentials and refreshes them before they expire.
        SignedRequest signed = AwsV4HttpSigner.create().sign(sign -> sign
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, to.region()));
        int status;
        byte[] answer;
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            status = response.httpResponse().statusCode();
            try (InputStream in = response.responseBody().map(InputStream.class::cast)
                    .orElse(InputStream.nullInputStream())) {
                answer = in.readAllBytes();
            }
        } catch (IOException e) {
            throw new Failure("Unreachable", 0, "Cannot reach " + signingName + " (" + e.getClass().getSimpleName() + ")", e);
        }
        JsonNode json = json(answer);
        if (status / 100 == 2) {
            return json;
        }
        // AWS JSON 1.1 names the error in __type, sometimes after a namespace (ns#Type).
        String type = json.path("__type").asText("");
        type = type.isEmpty() ? "HTTP " + status : type.substring(type.lastIndexOf('#') + 1);
        String message = json.path("message").asText(json.path("Message").asText(""));
        throw new Failure(type, status, type + (message.isBlank() ? "" : " (" + message + ")"), null);
    }

    private static JsonNode json(byte[] body) {
        try {
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private Endpoint endpoint() {
        Endpoint known = resolved;
        if (known == null) {
            known = endpoint.get();
            resolved = known;
        }
        return known;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("Interrupted between AWS attempts"));
        }
    }

    /** The service's public endpoint in the function's region, unless the environment names another. */
    private static Endpoint defaultEndpoint(String endpointPrefix, String endpointEnvKey) {
        Region region = new DefaultAwsRegionProviderChain().getRegion();
        String override = firstSet(System.getenv("AWS_ENDPOINT_URL_" + endpointEnvKey.toUpperCase(Locale.ROOT)),
                System.getenv("AWS_ENDPOINT_URL"));
        URI uri = override != null ? URI.create(override) : URI.create("https://" + endpointPrefix + "."
                + region.id() + "." + PartitionMetadata.of(region).dnsSuffix() + "/");
        return new Endpoint(uri, region.id());
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
