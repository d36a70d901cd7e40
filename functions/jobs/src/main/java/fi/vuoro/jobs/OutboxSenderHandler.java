package fi.vuoro.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import fi.vuoro.domain.outbox.DrainResult;
import fi.vuoro.domain.outbox.OutboxDispatcher;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the SMS the outbox owes. Invoked by the table's DynamoDB stream as outbox messages are written, so they
 * go out at once, and every minute by an EventBridge schedule, for retries and anything left over. Either way
 * it drains the outbox for the time the invocation has left, less a margin; the event itself is not read (a
 * stream record holds the encrypted number and the text, and is never logged).
 */
public class OutboxSenderHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSenderHandler.class);
    /** Kept free at the end of an invocation, so a drain never runs into the function's timeout. */
    static final Duration MARGIN = Duration.ofSeconds(5);
    /** The budget when there is no Lambda context to ask (a direct call). */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);

    @Inject
    OutboxDispatcher dispatcher;

    /** Lambda's constructor: starts the application context from the environment. */
    public OutboxSenderHandler() {
    }

    /** For tests: the handler on a given context. */
    public OutboxSenderHandler(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        Duration budget = getApplicationContext().findBean(Context.class)
                .map(lambda -> Duration.ofMillis(lambda.getRemainingTimeInMillis()).minus(MARGIN))
                .orElse(DEFAULT_BUDGET);
        DrainResult result = dispatcher.drain(budget.isNegative() ? Duration.ZERO : budget);
        LOG.info("Outbox drained on {}: {} sent, {} to retry, {} failed, {} dropped unsent", JobEvents.source(event),
                result.sent(), result.retried(), result.failed(), result.dropped());
        return Map.of("sent", result.sent(), "retried", result.retried(), "failed", result.failed(),
                "dropped", result.dropped());
    }
}
