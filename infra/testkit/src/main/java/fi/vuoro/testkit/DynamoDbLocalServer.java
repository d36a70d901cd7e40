package fi.vuoro.testkit;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * AWS's DynamoDB Local running in this JVM as an in-memory HTTP server on a free port.
 * Each instance is an independent database, so tests can run several side by side.
 *
 * <p>The database is shared by all clients whatever credentials and region they use ({@code -sharedDb}):
 * otherwise DynamoDB Local keeps a separate set of tables per access key and region, and code that builds its
 * own client from the environment would silently see none of the tables. DynamoDB Local has no bind-address
 * option, so it listens on all interfaces; {@link #endpoint()} uses loopback.
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    /** The region the local clients claim; DynamoDB Local ignores it but the SDK requires one. */
    public static final Region REGION = Region.EU_NORTH_1;

    private static final int START_ATTEMPTS = 5;

    // DynamoDB Local's startup touches process-wide state (native SQLite loading, log4j);
    // starting one at a time keeps parallel test classes from tripping over each other.
    private static final Object STARTUP_LOCK = new Object();
    /** Readers that see every server's tables right before it stops (a test suite's scan for personal data). */
    private static final List<Consumer<DynamoDbClient>> LAST_READERS = new CopyOnWriteArrayList<>();

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private DynamoDbClient client;
    private boolean closed;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    public static DynamoDbLocalServer start() {
        synchronized (STARTUP_LOCK) {
            Exception lastFailure = null;
            for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
                int port = freePort();
                try {
                    DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                            new String[] {"-inMemory", "-sharedDb", "-port", String.valueOf(port), "-disableTelemetry"});
                    server.start();
                    return new DynamoDbLocalServer(server, port);
                } catch (Exception e) {
                    // The free port may have been taken between probing and binding: try another one.
                    if (!causedByBindFailure(e)) {
                        throw new IllegalStateException("DynamoDB Local failed to start on port " + port, e);
                    }
                    lastFailure = e;
                }
            }
            throw new IllegalStateException("DynamoDB Local found no free port to bind", lastFailure);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for this server, owned by it: closed together with the server, so do not close it yourself. */
    public synchronized DynamoDbClient client() {
        if (closed) {
            throw new IllegalStateException("DynamoDB Local at " + endpoint + " is already stopped");
        }
        if (client == null) {
            client = newClient(endpoint);
        }
        return client;
    }

    /** A client for any DynamoDB-compatible endpoint with dummy credentials; the caller closes it. */
    public static DynamoDbClient newClient(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /**
     * Has {@code reader} read the tables of every server of this JVM right before it stops, once whatever stopped
     * it is done writing. A reader that throws does not keep the server running: the failure comes after the stop.
     */
    public static void beforeEachStop(Consumer<DynamoDbClient> reader) {
        LAST_READERS.add(reader);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        RuntimeException readerFailure = null;
        AssertionError readerFinding = null;
        for (Consumer<DynamoDbClient> reader : LAST_READERS) {
            try {
                reader.accept(client());
            } catch (AssertionError finding) {
                readerFinding = finding;
            } catch (RuntimeException failure) {
                readerFailure = failure;
            }
        }
        stop();
        if (readerFinding != null) {
            throw readerFinding;
        }
        if (readerFailure != null) {
            throw readerFailure;
        }
    }

    private void stop() {
        closed = true;
        if (client != null) {
            client.close();
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local at " + endpoint + " did not stop cleanly", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot find a free loopback port", e);
        }
    }

    private static boolean causedByBindFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
