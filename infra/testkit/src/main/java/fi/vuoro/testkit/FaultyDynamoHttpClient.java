package fi.vuoro.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client for the DynamoDB SDK that injects the faults DynamoDB and the network really produce, on the
 * requests of a chosen operation: a transaction cancelled because another one holds its items
 * ({@code TransactionConflict}), an item written by a transaction ({@code TransactionConflictException}), throttling,
 * a connection that hangs until the client gives up, a request that was carried out but whose answer was lost (so
 * the SDK sends it again), and one carried out just before the function died. Faults are planned per operation
 * ({@link #next}) or met by chance ({@link #randomly}). Everything else goes to the real client underneath, e.g. to
 * DynamoDB Local.
 *
 * <pre>{@code
 * FaultyDynamoHttpClient faults = new FaultyDynamoHttpClient(UrlConnectionHttpClient.create());
 * faults.next("TransactWriteItems", Fault.LOSE_RESPONSE);
 * DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(faults)...build();
 * }</pre>
 */
public final class FaultyDynamoHttpClient implements SdkHttpClient {

    /** What can go wrong with one request. */
    public enum Fault {
        /** The request is carried out, then the connection breaks before the answer arrives. */
        LOSE_RESPONSE,
        /** Answered {@code TransactionCanceledException} with {@code TransactionConflict}; nothing written. */
        TRANSACTION_CONFLICT,
        /**
         * A plain write (PutItem, UpdateItem, DeleteItem) answered {@code TransactionConflictException}, as DynamoDB
         * answers one whose item a transaction is writing at that moment; nothing written.
         */
        ITEM_IN_TRANSACTION,
        /** Answered {@code ThrottlingException}; nothing written. */
        THROTTLE,
        /** Answered {@code ProvisionedThroughputExceededException}, as a table over its capacity is; nothing written. */
        THROUGHPUT_EXCEEDED,
        /** The connection hangs until the client gives up reading ({@code SocketTimeoutException}); nothing written. */
        TIMEOUT,
        /**
         * The write is carried out, then the function running it dies before it hears the answer: the SDK does not
         * try again, the caller gets an exception (a webhook answers 5xx, and Twilio sends the same message again).
         */
        CRASH_AFTER_WRITE
    }

    /**
     * A function dying just after DynamoDB carried out its write (a Lambda timing out or running out of memory): an
     * {@link Error}, so no {@code catch (RuntimeException e)} of the code above turns it into an answer.
     */
    public static final class CrashAfterWrite extends Error {
        CrashAfterWrite(String operation) {
            super("The function died after " + operation + " was carried out, before it heard the answer");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SdkHttpClient delegate;
    private final Map<String, Deque<Fault>> planned = new java.util.HashMap<>();
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
    private volatile RandomFaults random;

    /** Faults met by chance: each request meets one of {@code kinds} (those that fit its operation) at {@code rate}. */
    private record RandomFaults(Random rng, double rate, List<Fault> kinds, Duration hang, Set<String> spared) {
    }

    public FaultyDynamoHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicInteger());
        }
    }

    /** The next request of {@code operation} (e.g. {@code TransactWriteItems}) meets these faults, one each. */
    public synchronized FaultyDynamoHttpClient next(String operation, Fault... faults) {
        Deque<Fault> queue = planned.computeIfAbsent(operation, unused -> new ArrayDeque<>());
        for (Fault fault : faults) {
            queue.add(fault);
        }
        return this;
    }

    /**
     * From now on every request meets, with probability {@code rate}, one of {@code kinds} chosen by {@code rng}
     * among those that fit its operation (a transaction's conflict only a transaction, an item's only a plain
     * write, a crash after the write only a write); a {@link Fault#TIMEOUT} hangs for {@code hang} first.
     */
    public FaultyDynamoHttpClient randomly(Random rng, double rate, Duration hang, Fault... kinds) {
        return randomly(rng, rate, hang, Set.of(), kinds);
    }

    /**
     * As {@link #randomly(Random, double, Duration, Fault...)}, but requests of the {@code spared} operations meet
     * no fault that carries their write out ({@link Fault#LOSE_RESPONSE}, {@link Fault#CRASH_AFTER_WRITE}), only
     * those that write nothing.
     */
    public FaultyDynamoHttpClient randomly(Random rng, double rate, Duration hang, Set<String> spared,
                                           Fault... kinds) {
        if (rate < 0 || rate > 1 || kinds.length == 0) {
            throw new IllegalArgumentException("Need a rate 0-1 and at least one kind of fault, got " + rate);
        }
        random = new RandomFaults(rng, rate, List.of(kinds), hang, Set.copyOf(spared));
        return this;
    }

    /** No more faults by chance; planned ones still come. */
    public FaultyDynamoHttpClient calm() {
        random = null;
        return this;
    }

    /**
     * The next request of {@code operation} whose body contains {@code marker} (e.g. a message's MessageSid, which
     * its reply's key carries) meets {@code fault}, whatever other requests come meanwhile.
     */
    public synchronized FaultyDynamoHttpClient nextContaining(String operation, String marker, Fault fault) {
        marked.add(new Marked(operation, marker, fault));
        return this;
    }

    private record Marked(String operation, String marker, Fault fault) {
    }

    private final List<Marked> marked = new java.util.ArrayList<>();

    private synchronized Optional<Fault> takeMarked(String operation, HttpExecuteRequest request) {
        if (marked.isEmpty()) {
            return Optional.empty();
        }
        String body = bodyOf(request);
        for (Marked planned : marked) {
            if (planned.operation().equals(operation) && body.contains(planned.marker())) {
                marked.remove(planned);
                return Optional.of(planned.fault());
            }
        }
        return Optional.empty();
    }

    private static String bodyOf(HttpExecuteRequest request) {
        if (request.contentStreamProvider().isEmpty()) {
            return "";
        }
        try (InputStream in = request.contentStreamProvider().get().newStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** How many faults of the kind were injected so far. */
    public int injected(Fault fault) {
        return injected.get(fault).get();
    }

    /** Whether every planned fault has been met. */
    public synchronized boolean allInjected() {
        return planned.values().stream().allMatch(Deque::isEmpty) && marked.isEmpty();
    }

    private synchronized Optional<Fault> take(String operation) {
        Deque<Fault> queue = planned.get(operation);
        if (queue != null && !queue.isEmpty()) {
            return Optional.of(queue.poll());
        }
        RandomFaults chance = random;
        if (chance == null || chance.rng().nextDouble() >= chance.rate()) {
            return Optional.empty();
        }
        List<Fault> fitting = chance.kinds().stream().filter(fault -> fits(fault, operation))
                .filter(fault -> !chance.spared().contains(operation)
                        || fault != Fault.LOSE_RESPONSE && fault != Fault.CRASH_AFTER_WRITE)
                .toList();
        return fitting.isEmpty() ? Optional.empty() : Optional.of(fitting.get(chance.rng().nextInt(fitting.size())));
    }

    private static boolean fits(Fault fault, String operation) {
        boolean transaction = operation.equals("TransactWriteItems");
        boolean plainWrite = Set.of("PutItem", "UpdateItem", "DeleteItem").contains(operation);
        return switch (fault) {
            case TRANSACTION_CONFLICT -> transaction;
            case ITEM_IN_TRANSACTION -> plainWrite;
            case LOSE_RESPONSE, CRASH_AFTER_WRITE -> transaction || plainWrite;
            case THROTTLE, THROUGHPUT_EXCEEDED, TIMEOUT -> true;
        };
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        String operation = target.substring(target.indexOf('.') + 1);
        Optional<Fault> fault = takeMarked(operation, request).or(() -> take(operation));
        if (fault.isEmpty()) {
            return delegate.prepareRequest(request);
        }
        injected.get(fault.get()).incrementAndGet();
        return switch (fault.get()) {
            case LOSE_RESPONSE -> losingAnswer(delegate.prepareRequest(request));
            case TRANSACTION_CONFLICT -> answered(conflict(request));
            case ITEM_IN_TRANSACTION -> answered(error("com.amazonaws.dynamodb.v20120810#TransactionConflictException",
                    "Transaction is ongoing for the item"));
            case THROTTLE -> answered(error("com.amazonaws.dynamodb.v20120810#ThrottlingException",
                    "Rate of requests exceeds the allowed throughput."));
            case THROUGHPUT_EXCEEDED -> answered(error(
                    "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                    "The level of configured provisioned throughput for the table was exceeded."));
            case TIMEOUT -> hanging(hangOf(random));
            case CRASH_AFTER_WRITE -> crashingAfter(delegate.prepareRequest(request), operation);
        };
    }

    private static ExecutableHttpRequest losingAnswer(ExecutableHttpRequest real) {
        return carriedOut(real, () -> {
            throw new IOException("Connection reset: the answer was lost on the way back");
        });
    }

    /** What happens once the request was carried out and its answer read, instead of handing the answer on. */
    private interface Afterwards {
        HttpExecuteResponse instead() throws IOException;
    }

    private static ExecutableHttpRequest carriedOut(ExecutableHttpRequest real, Afterwards afterwards) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                HttpExecuteResponse response = real.call();
                Optional<AbortableInputStream> body = response.responseBody();
                if (body.isPresent()) {
                    try (InputStream in = body.get()) {
                        in.readAllBytes();
                    }
                }
                return afterwards.instead();
            }

            @Override
            public void abort() {
                real.abort();
            }
        };
    }

    private static Duration hangOf(RandomFaults chance) {
        return chance == null ? Duration.ofMillis(200) : chance.hang();
    }

    private static ExecutableHttpRequest hanging(Duration hang) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                try {
                    Thread.sleep(hang.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new SocketTimeoutException("Read timed out: DynamoDB did not answer within " + hang);
            }

            @Override
            public void abort() {
            }
        };
    }

    private static ExecutableHttpRequest crashingAfter(ExecutableHttpRequest real, String operation) {
        return carriedOut(real, () -> {
            throw new CrashAfterWrite(operation);
        });
    }

    private static ExecutableHttpRequest answered(String body) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(400)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("x-amzn-RequestId", java.util.UUID.randomUUID().toString())
                                .putHeader("Content-Length", Integer.toString(bytes.length))
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    /** DynamoDB's answer to a transaction whose first item another transaction holds. */
    private static String conflict(HttpExecuteRequest request) {
        int items = 1;
        try {
            if (request.contentStreamProvider().isPresent()) {
                try (InputStream in = request.contentStreamProvider().get().newStream()) {
                    JsonNode body = JSON.readTree(in);
                    items = Math.max(1, body.path("TransactItems").size());
                }
            }
        } catch (IOException e) {
            items = 1;
        }
        ObjectNode error = JSON.createObjectNode();
        error.put("__type", "com.amazonaws.dynamodb.v20120810#TransactionCanceledException");
        StringBuilder codes = new StringBuilder("TransactionConflict");
        ArrayNode reasons = error.putArray("CancellationReasons");
        reasons.addObject().put("Code", "TransactionConflict").put("Message", "Transaction is ongoing for the item");
        for (int i = 1; i < items; i++) {
            reasons.addObject().put("Code", "None");
            codes.append(", None");
        }
        error.put("Message", "Transaction cancelled, please refer cancellation reasons for specific reasons ["
                + codes + "]");
        return error.toString();
    }

    private static String error(String type, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("__type", type);
        error.put("message", message);
        return error.toString();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String clientName() {
        return "FaultyDynamo";
    }
}
