package fi.vuoro.local;

import fi.vuoro.domain.interpreter.InterpreterService;
import fi.vuoro.domain.outbox.DrainResult;
import fi.vuoro.domain.outbox.OutboxDispatcher;
import fi.vuoro.domain.staff.NoShowSweep;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.platform.outbox.OutboxIndex;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What EventBridge schedules and the DynamoDB stream do in AWS, on this machine: the outbox is drained every
 * 250 ms (so owed SMS reach the fake Twilio within moments), the no-show sweep runs every 15 s and interpreter
 * searches move on every 5 s, each on a daemon thread, stopped with the application context.
 */
@Singleton
public class LocalSchedules implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSchedules.class);
    static final Duration OUTBOX_EVERY = Duration.ofMillis(250);
    static final Duration NO_SHOW_SWEEP_EVERY = Duration.ofSeconds(15);
    static final Duration INTERPRETER_WAVES_EVERY = Duration.ofSeconds(5);
    /** One drain's budget; it looks for new messages at least every second meanwhile. */
    static final Duration DRAIN_BUDGET = Duration.ofSeconds(30);

    private final OutboxDispatcher outbox;
    private final NoShowSweep noShows;
    private final InterpreterService interpreters;
    private final Clock clock;
    private final DynamoDbClient dynamo;
    private final TableName table;
    private ScheduledExecutorService threads;
    private volatile boolean stopping;

    public LocalSchedules(OutboxDispatcher outbox, NoShowSweep noShows, InterpreterService interpreters, Clock clock,
                          DynamoDbClient dynamo, TableName table) {
        this.outbox = outbox;
        this.noShows = noShows;
        this.interpreters = interpreters;
        this.clock = clock;
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Starts the schedules (once), after giving the local table the outbox's index if the template lacks it. */
    public synchronized void start() {
        if (threads != null) {
            return;
        }
        OutboxIndex.ensure(dynamo, table.value());
        threads = Executors.newScheduledThreadPool(3, daemonThreads());
        threads.scheduleWithFixedDelay(this::drainOutbox, 0, OUTBOX_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        threads.scheduleWithFixedDelay(this::sweepNoShows, NO_SHOW_SWEEP_EVERY.toMillis(),
                NO_SHOW_SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        threads.scheduleWithFixedDelay(this::advanceInterpreterWaves, INTERPRETER_WAVES_EVERY.toMillis(),
                INTERPRETER_WAVES_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void advanceInterpreterWaves() {
        try {
            int moved = interpreters.advance(clock.instant());
            if (moved > 0) {
                LOG.info("Local interpreter waves: {} searches moved on", moved);
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.error("Local interpreter waves failed; trying again in {} s",
                        INTERPRETER_WAVES_EVERY.toSeconds(), e);
            }
        }
    }

    private void drainOutbox() {
        try {
            DrainResult result = outbox.drain(DRAIN_BUDGET);
            if (result.handled() > 0) {
                LOG.debug("Local outbox drain: {} sent, {} to retry, {} failed, {} dropped", result.sent(),
                        result.retried(), result.failed(), result.dropped());
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.error("Local outbox drain failed; trying again in {} ms", OUTBOX_EVERY.toMillis(), e);
            }
        }
    }

    private void sweepNoShows() {
        try {
            NoShowSweep.Result result = noShows.run();
            if (result.marked() > 0 || result.failed() > 0) {
                LOG.info("Local no-show sweep marked {} no-show, {} left for the next run", result.marked(),
                        result.failed());
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.error("Local no-show sweep failed; trying again in {} s", NO_SHOW_SWEEP_EVERY.toSeconds(), e);
            }
        }
    }

    @Override
    @PreDestroy
    public synchronized void close() {
        if (threads == null) {
            return;
        }
        stopping = true;
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Local schedules did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads = null;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "local-schedule-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
