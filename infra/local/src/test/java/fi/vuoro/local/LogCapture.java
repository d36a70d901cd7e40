package fi.vuoro.local;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects every log line written while a suite runs, to prove none carries personal data. */
public final class LogCapture extends AppenderBase<ILoggingEvent> {

    private final List<String> lines = new ArrayList<>();

    public static LogCapture attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogCapture capture = new LogCapture();
        capture.setContext(context);
        capture.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(capture);
        // Capture everything the service could write, not only what the configured levels let through.
        context.getLogger("fi.vuoro").setLevel(ch.qos.logback.classic.Level.DEBUG);
        return capture;
    }

    public void detach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
            line.append(" | ").append(error.getClassName()).append(": ").append(error.getMessage());
        }
        lines.add(line.toString());
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
