package fi.vuoro.jobs;

import fi.vuoro.domain.staff.NoShowSweep;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks called visitors who did not come within their site's grace time as no-show (each gets the no-show SMS
 * through the outbox). Invoked by an EventBridge schedule.
 */
public class NoShowSweepHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(NoShowSweepHandler.class);

    @Inject
    NoShowSweep sweep;

    /** Lambda's constructor: starts the application context from the environment. */
    public NoShowSweepHandler() {
    }

    /** For tests: the handler on a given context. */
    public NoShowSweepHandler(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        NoShowSweep.Result result = sweep.run();
        LOG.info("No-show sweep on {}: marked {} no-show, {} left for the next run", JobEvents.source(event),
                result.marked(), result.failed());
        return Map.of("marked", result.marked(), "failed", result.failed());
    }
}
