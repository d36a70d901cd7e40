package fi.vuoro.testkit.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The credentials endpoint Lambda gives a SnapStart function instead of access-key variables: the runtime sets
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}, and the SDK's default
 * chain fetches temporary credentials with {@code GET <uri>} and {@code Authorization: <token>}. A request with
 * another token gets 401, as a function that reads the wrong variable would.
 *
 * <p>Each function gets its own role's credentials, so the access key of a signed request tells which function
 * made it (see {@link #functionOf(String)}).
 */
public final class ContainerCredentials implements AutoCloseable {

    /** What one function's environment holds to reach its credentials. */
    public record Grant(String function, URI fullUri, String authorizationToken, String accessKeyId,
                        String secretAccessKey, String sessionToken) {
    }

    private static final Duration VALID_FOR = Duration.ofHours(6);
    private final HttpServer server;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> byPath = new ConcurrentHashMap<>();
    private final Map<String, Grant> byAccessKey = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    private ContainerCredentials(HttpServer server) {
        this.server = server;
    }

    public static ContainerCredentials start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ContainerCredentials credentials = new ContainerCredentials(server);
            server.createContext("/", credentials::handle);
            server.start();
            return credentials;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the container credentials endpoint", e);
        }
    }

    /** Issues the role credentials of one function, behind their own path and authorization token. */
    public Grant issue(String function) {
        String path = "/2023-01-01/credentials/" + random(8);
        Grant grant = new Grant(function,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path),
                random(24), "ASIA" + random(8).toUpperCase(), random(20), "IQoJb3JpZ2luX2Vj" + random(32));
        byPath.put(path, grant);
        byAccessKey.put(grant.accessKeyId(), grant);
        fetches.put(function, new AtomicInteger());
        return grant;
    }

    /** The function whose credentials carry this access key, if it is one issued here. */
    public Optional<String> functionOf(String accessKeyId) {
        return Optional.ofNullable(byAccessKey.get(accessKeyId)).map(Grant::function);
    }

    /** The grant holding this access key, if issued here. */
    public Optional<Grant> grantOf(String accessKeyId) {
        return Optional.ofNullable(byAccessKey.get(accessKeyId));
    }

    /** How often the function fetched its credentials with the right token. */
    public int fetches(String function) {
        AtomicInteger count = fetches.get(function);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Grant grant = byPath.get(exchange.getRequestURI().getPath());
            if (grant == null || !exchange.getRequestMethod().equals("GET")) {
                reply(exchange, 404, "{\"message\":\"Not found\"}");
                return;
            }
            if (!grant.authorizationToken().equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, "{\"message\":\"Authorization token is missing or wrong\"}");
                return;
            }
            fetches.get(grant.function()).incrementAndGet();
            Instant expires = Instant.now().plus(VALID_FOR).truncatedTo(ChronoUnit.SECONDS);
            reply(exchange, 200, "{\"AccessKeyId\":\"" + grant.accessKeyId() + "\",\"SecretAccessKey\":\""
                    + grant.secretAccessKey() + "\",\"Token\":\"" + grant.sessionToken() + "\",\"Expiration\":\""
                    + expires + "\"}");
        }
    }

    private String random(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        LoopbackReplies.send(exchange, status, "application/json", body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
