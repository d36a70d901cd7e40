package fi.vuoro.platform.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;

/**
 * Logging as every function writes it: one JSON object per line on standard output ({@link JsonLogLayout}), as
 * CloudWatch Logs Insights reads it; INFO and up from Vuoro, warnings only from the libraries. Set up in code,
 * found by Logback through its service loader before it looks for an XML file: reading and interpreting a
 * logback.xml (Joran) loads a few hundred classes at every cold start. Never log phone numbers or message bodies.
 */
public class JsonLogConfigurator extends ContextAwareBase implements Configurator {

    /** Libraries that speak at INFO about their own start-up and requests. */
    static final List<String> WARNINGS_ONLY = List.of("io.micronaut", "com.amazonaws", "software.amazon",
            "org.eclipse.jetty", "com.twilio");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        JsonLogLayout layout = new JsonLogLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
        stdout.setContext(context);
        stdout.setName("STDOUT");
        stdout.setEncoder(encoder);
        stdout.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stdout);
        WARNINGS_ONLY.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
