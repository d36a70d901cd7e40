package fi.vuoro.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import fi.vuoro.testkit.LoadedClasses;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class JsonLogConfiguratorTest {

    @Test
    void logback_shouldBeConfiguredInCode_withoutReadingAnXmlFile() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        assertEquals(Level.INFO, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
        assertEquals(Level.WARN, context.getLogger("io.micronaut").getLevel());
        assertEquals(Level.WARN, context.getLogger("software.amazon").getLevel());
        assertTrue(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT") != null);
        List<String> xmlConfiguration = List.of("ch.qos.logback.classic.joran.JoranConfigurator");
        assertEquals(xmlConfiguration, LoadedClasses.notYetLoaded(xmlConfiguration), "no configuration file was read");
    }

    @Test
    void configure_shouldWriteOneJsonObjectPerLineOnStandardOutput() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            JsonLogConfigurator configurator = new JsonLogConfigurator();
            configurator.setContext(context);
            configurator.configure(context);
            context.getLogger("fi.vuoro.test").info("queue {} opened", "demo");
            context.getLogger("io.micronaut.test").info("not written: below the libraries' level");
        } finally {
            System.setOut(original);
            context.stop();
        }

        String written = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, written.lines().count(), written);
        assertTrue(written.startsWith("{\"time\":\""), written);
        assertTrue(written.contains("\"level\":\"INFO\",\"service\":\"") && written.contains(
                "\"logger\":\"fi.vuoro.test\",\"message\":\"queue demo opened\"}"), written);
    }
}
