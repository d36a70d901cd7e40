package fi.vuoro.testkit.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's Runtime API on loopback, as the service offers it to a function's runtime: the runtime long-polls
 * {@code /2018-06-01/runtime/invocation/next} for the next event and posts the handler's answer or error back.
 * With {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} Lambda's Java runtime runs the CRaC
 * {@code beforeCheckpoint} hooks after init and then asks {@code /runtime/restore/next}; answering it is the
 * restore, after which the {@code afterRestore} hooks run and invocations start, as with a SnapStart version.
 *
 * <p>One instance serves one execution environment: invocations are handed out one at a time, in order.
 * See the Runtime API reference: https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
 */
public final class LambdaRuntimeApi implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime";
    private static final Pattern RESULT = Pattern.compile("^" + BASE + "/invocation/([^/]+)/(response|error)$");

    /** What the handler made of one event: its answer, or the error the runtime reported. */
    public sealed interface Outcome {
        /** The handler returned; {@code payload} is the runtime's serialisation of its answer. */
        record Answered(String payload) implements Outcome {
        }

        /** The handler threw (or the runtime failed); {@code body} is the runtime's error JSON. */
        record Failed(String errorType, String body) implements Outcome {
        }
    }

    private record Pending(String requestId, String event, Duration timeout, String functionArn, String traceId) {
    }

    private final HttpServer server;
    private final BlockingQueue<Pending> events = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initFailure = new CompletableFuture<>();
    private final CompletableFuture<Instant> initialised = new CompletableFuture<>();
    private volatile boolean restored;

    private LambdaRuntimeApi(HttpServer server) {
        this.server = server;
    }

    public static LambdaRuntimeApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LambdaRuntimeApi api = new LambdaRuntimeApi(server);
            server.createContext(BASE, api::handle);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "lambda-runtime-api");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Lambda Runtime API on loopback", e);
        }
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API}: host and port, no scheme. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Waits until the runtime has finished init: asked for its restore (SnapStart) or for its first event.
     *
     * @throws IllegalStateException with the runtime's error report if init failed, or on timeout
     */
    public Instant awaitInit(Duration timeout) {
        try {
            return CompletableFuture.anyOf(initialised, initFailure.thenApply(error -> {
                throw new IllegalStateException("The function failed to initialise: " + error);
            })).thenApply(Instant.class::cast).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The function did not finish init within " + timeout, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IllegalStateException failed ? failed : new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the runtime went through a SnapStart restore (asked {@code /runtime/restore/next}). */
    public boolean restored() {
        return restored;
    }

    /** The init error the runtime reported, if it did. */
    public Optional<String> initError() {
        return Optional.ofNullable(initFailure.getNow(null));
    }

    /**
     * Hands the runtime one event and waits for what the handler made of it.
     *
     * @param timeout the function's timeout: the deadline the runtime is told, and how long this waits
     */
    public Outcome invoke(String event, Duration timeout, String functionArn) {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        outcomes.put(requestId, outcome);
        String traceId = "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 24) + ";Parent=53995c3f42cd8ad8;Sampled=1";
        events.add(new Pending(requestId, event, timeout, functionArn, traceId));
        try {
            return outcome.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The function did not answer within its timeout of " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            outcomes.remove(requestId);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (method.equals("GET") && path.equals(BASE + "/invocation/next")) {
                next(exchange);
            } else if (method.equals("GET") && path.equals(BASE + "/restore/next")) {
                restored = true;
                initialised.complete(Instant.now());
                reply(exchange, 200, "");
            } else if (method.equals("POST") && (path.equals(BASE + "/init/error") || path.equals(BASE + "/restore/error"))) {
                initFailure.complete(body);
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && RESULT.matcher(path).matches()) {
                Matcher result = RESULT.matcher(path);
                result.matches();
                CompletableFuture<Outcome> outcome = outcomes.get(result.group(1));
                if (outcome == null) {
                    reply(exchange, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                outcome.complete(result.group(2).equals("response") ? new Outcome.Answered(body)
                        : new Outcome.Failed(exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"),
                        body));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"no such Runtime API path\",\"errorType\":\"NotFound\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        initialised.complete(Instant.now());
        Pending pending;
        try {
            pending = events.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long deadline = System.currentTimeMillis() + pending.timeout().toMillis();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", pending.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", pending.functionArn());
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", pending.traceId());
        reply(exchange, 200, pending.event());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        LoopbackReplies.send(exchange, status, body.isEmpty() ? null : "application/json", body);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
