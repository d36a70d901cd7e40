package fi.vuoro.jobs;

import fi.vuoro.domain.interpreter.InterpreterService;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves interpreter searches on when their wave's reply time is up: the next interpreters who fit are asked, or
 * the desk and the visitor hear that nobody was found. Invoked by an EventBridge schedule every minute.
 */
public class InterpreterWavesHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(InterpreterWavesHandler.class);

    @Inject
    InterpreterService interpreters;

    @Inject
    Clock clock;

    /** Lambda's constructor: starts the application context from the environment. */
    public InterpreterWavesHandler() {
    }

    /** For tests: the handler on a given context. */
    public InterpreterWavesHandler(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        int moved = interpreters.advance(clock.instant());
        LOG.info("Interpreter waves on {}: {} searches moved on", JobEvents.source(event), moved);
        return Map.of("moved", moved);
    }
}
