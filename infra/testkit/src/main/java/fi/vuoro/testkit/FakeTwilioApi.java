package fi.vuoro.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Twilio's REST API on loopback that accepts and records outbound SMS, so the real Twilio SDK
 * can be exercised end to end without sending anything. Reach it through {@link LoopbackTwilioHttpClient}.
 *
 * <p>Serves {@code POST} and {@code GET /2010-04-01/Accounts/{AccountSid}/Messages.json} with Twilio's status
 * codes and JSON shapes, including its errors, and can be told to fail or stall the next sends.
 */
public final class FakeTwilioApi implements AutoCloseable {

    /**
     * A message Twilio was asked to send. {@code from} is the sender number, or the MessagingServiceSid when the
     * send named a messaging service instead; {@code statusCallback} is null when none was given.
     */
    public record RecordedMessage(String sid, String to, String from, String body, Instant createdAt,
                                  String statusCallback) {}

    private static final int WORKER_THREADS = 8;

    private final HttpServer server;
    private final ExecutorService workers;
    private final MessageLog log = new MessageLog();
    private final FaultPlan faults = new FaultPlan();
    private volatile String requiredAuthToken;

    private FakeTwilioApi(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        // A few workers so concurrent sends (and stalled ones) are served side by side, as Twilio would.
        workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads());
        server.setExecutor(workers);
        server.createContext("/", new MessagesEndpoint(log, faults, () -> requiredAuthToken));
        server.start();
    }

    /** Starts on the given loopback port, or on a free one when {@code port} is 0. */
    public static FakeTwilioApi start(int port) {
        try {
            return new FakeTwilioApi(port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake Twilio API on port " + port, e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on only this auth token is accepted as the basic-auth password; null accepts any again. */
    public void requireAuthToken(String authToken) {
        this.requiredAuthToken = authToken;
    }

    /** The accepted messages so far, oldest first. */
    public List<RecordedMessage> messages() {
        return log.entries().stream().map(MessageLog.Entry::message).toList();
    }

    /** The messages sent through the REST API, oldest first: not the replies {@link #record}ed another way. */
    public List<RecordedMessage> sentThroughApi() {
        return log.entries().stream().filter(entry -> entry.accountSid() != null).map(MessageLog.Entry::message)
                .toList();
    }

    /** How many of the failures and delays asked for are still to come. */
    public int faultsToCome() {
        return faults.pending();
    }

    /** Forgets the recorded messages and any failures or delays still queued. */
    public void clear() {
        log.clear();
        faults.clear();
    }

    /**
     * Records a message that reached Twilio another way than this API, such as a TwiML reply to an incoming
     * SMS, which Twilio sends on the application's behalf.
     */
    public RecordedMessage record(String to, String from, String body) {
        return log.add(null, to, from, null, body, null, "outbound-reply").message();
    }

    /**
     * Makes the next {@code times} sends fail with {@code httpStatus} and Twilio's error JSON ({@code 429} also
     * carries {@code Retry-After}). Failed sends are not recorded. The Twilio SDK makes up to three attempts when
     * answered 5xx before throwing, so one SDK call fails only after {@code failNext(3, 500)}.
     */
    public void failNext(int times, int httpStatus) {
        faults.failNext(times, httpStatus);
    }

    /**
     * Makes the next {@code times} sends wait {@code delay} before being answered, to exercise client timeouts.
     * A stalled send is still accepted once the delay is over, even if its client gave up: as with real Twilio,
     * a timed-out send may have gone out, and retrying it may text the visitor twice.
     */
    public void hangNext(int times, Duration delay) {
        faults.hangNext(times, delay);
    }

    /**
     * The recipient texted STOP: every later send to them is refused as Twilio refuses it, HTTP 400 with error 21610
     * ("Attempt to send to unsubscribed recipient"), and not recorded, until {@link #optIn}.
     */
    public void optOut(String to) {
        faults.optOut(to);
    }

    /** The recipient texted START: sends to them are accepted again. */
    public void optIn(String to) {
        faults.optIn(to);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "fake-twilio-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
