package fi.vuoro.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
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
 * Reads SecureString parameters from SSM Parameter Store, decrypted: one {@code GetParameter} request per
 * parameter in SSM's AWS JSON 1.1 protocol, signed (SigV4) with the SDK's own signer and the default credentials
 * chain (container credentials under SnapStart), sent with the SDK's URL-connection client.
 *
 * <p>Not the SDK's SSM client: its model of SSM's ~150 operations is 5 MB of every function's jar, for three
 * reads. The region, endpoint and credentials are resolved on the first read, so a function that reads its
 * secrets from configuration resolves none of them. {@code AWS_ENDPOINT_URL_SSM} and {@code AWS_ENDPOINT_URL}
 * override the endpoint, as for the SDK's clients.
 */
public final class SsmParameters {

    static final String TARGET = "AmazonSSM.GetParameter";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final String SIGNING_NAME = "ssm";
    private static final int ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Endpoint> endpoint;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private Endpoint resolved;

    /** Where requests go and the region they are signed for. */
    record Endpoint(URI uri, String region) {
    }

    public SsmParameters() {
        this(SsmParameters::defaultEndpoint, DefaultCredentialsProvider.builder().build(),
                UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)).build());
    }

    SsmParameters(Supplier<Endpoint> endpoint, AwsCredentialsProvider credentials, SdkHttpClient http) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.http = http;
    }

    /** The parameter's value, decrypted; fails naming the parameter when it cannot be read. */
    public synchronized String read(String name) {
        if (resolved == null) {
            resolved = endpoint.get();
        }
        byte[] body = JSON.createObjectNode().put("Name", name).put("WithDecryption", true).toString()
                .getBytes(StandardCharsets.UTF_8);
        Answer answer = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            answer = send(name, body);
            if (!answer.worthRetrying()) {
                break;
            }
            pause(attempt);
        }
        return value(name, answer);
    }

    private Answer send(String name, byte[] body) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(resolved.uri())
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", TARGET)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        // Credentials are asked for on every request: the provider caches them and refreshes them before they expire.
        SignedRequest signed = AwsV4HttpSigner.create().sign(sign -> sign
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, resolved.region()));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            byte[] answer;
            try (InputStream in = response.responseBody().map(InputStream.class::cast)
                    .orElse(InputStream.nullInputStream())) {
                answer = in.readAllBytes();
            }
            return new Answer(response.httpResponse().statusCode(), answer, null);
        } catch (IOException e) {
            return new Answer(0, new byte[0], e);
        }
    }

    /** One answer of SSM, or the failure to get one. */
    private record Answer(int status, byte[] body, IOException failure) {
        boolean worthRetrying() {
            return failure != null || status >= 500 || errorType().filter(type -> type.equals("ThrottlingException")
                    || type.equals("InternalServerError")).isPresent();
        }

        JsonNode json() {
            try {
                return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }

        /** AWS JSON 1.1 names the error in {@code __type}, sometimes prefixed by a namespace ({@code ns#Type}). */
        Optional<String> errorType() {
            String type = json().path("__type").asText("");
            return type.isEmpty() ? Optional.empty() : Optional.of(type.substring(type.lastIndexOf('#') + 1));
        }

        String message() {
            JsonNode json = json();
            return json.path("message").asText(json.path("Message").asText(""));
        }
    }

    private static String value(String name, Answer answer) {
        if (answer.failure() != null) {
            throw new UncheckedIOException("Cannot reach SSM to read parameter " + name, answer.failure());
        }
        if (answer.status() == 200) {
            JsonNode value = answer.json().path("Parameter").path("Value");
            if (!value.isTextual()) {
                throw new IllegalStateException("SSM's answer for parameter " + name + " has no value");
            }
            return value.asText();
        }
        String type = answer.errorType().orElse("HTTP " + answer.status());
        if (type.equals("ParameterNotFound")) {
            throw new IllegalStateException("SSM parameter " + name + " does not exist (ParameterNotFound)");
        }
        String message = answer.message();
        throw new IllegalStateException("Cannot read SSM parameter " + name + ": " + type
                + (message.isBlank() ? "" : " (" + message + ")"));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading an SSM parameter", e);
        }
    }

    /** SSM's public endpoint in the function's region, unless the environment names another. */
    private static Endpoint defaultEndpoint() {
        Region region = new DefaultAwsRegionProviderChain().getRegion();
        String override = firstSet(System.getenv("AWS_ENDPOINT_URL_SSM"), System.getenv("AWS_ENDPOINT_URL"));
        URI uri = override != null ? URI.create(override)
                : URI.create("https://ssm." + region.id() + "." + PartitionMetadata.of(region).dnsSuffix() + "/");
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
