package fi.vuoro.platform.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;

/**
 * Structured logs: one JSON object per line with time, level, service (VUORO_SERVICE, set per
 * function by the template), logger and message. An exception adds its class and message only. A metric's line
 * (logger {@link #METRICS_LOGGER}) is already one JSON object in CloudWatch's Embedded Metric Format, and is
 * written as it is.
 */
public class JsonLogLayout extends LayoutBase<ILoggingEvent> {

    /** The logger whose messages are whole JSON objects (metrics), written without a wrapping. */
    public static final String METRICS_LOGGER = "fi.vuoro.metrics";
    static final String SERVICE = System.getenv().getOrDefault("VUORO_SERVICE", "vuoro-local");

    private final String service = SERVICE;

    @Override
    public String doLayout(ILoggingEvent event) {
        if (event.getLoggerName().equals(METRICS_LOGGER)) {
            return event.getFormattedMessage() + System.lineSeparator();
        }
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "time", Instant.ofEpochMilli(event.getTimeStamp()).toString()).append(',');
        field(json, "level", event.getLevel().toString()).append(',');
        field(json, "service", service).append(',');
        field(json, "logger", event.getLoggerName()).append(',');
        field(json, "message", event.getFormattedMessage());
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            json.append(',');
            field(json, "error", error.getClassName());
            json.append(',');
            field(json, "errorMessage", String.valueOf(error.getMessage()));
        }
        return json.append('}').append(System.lineSeparator()).toString();
    }

    static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        return quoted(json, value);
    }

    /** {@code value} as a JSON string. */
    static StringBuilder quoted(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
