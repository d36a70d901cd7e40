package fi.vuoro.platform.config;

import java.util.function.Function;

/**
 * Resolves a secret given either as a value (local runs) or as the name of an SSM SecureString
 * parameter (AWS). Read once at start-up, so a SnapStart snapshot already holds it.
 */
public final class Secrets {

    private final Function<String, String> parameterReader;

    public Secrets(Function<String, String> parameterReader) {
        this.parameterReader = parameterReader;
    }

    public String resolve(String what, String value, String parameterName) {
        if (value != null && !value.isBlank()) {
            return value;
        }
        if (parameterName != null && !parameterName.isBlank()) {
            return parameterReader.apply(parameterName);
        }
        throw new IllegalStateException("No " + what + " is configured: set it or the name of its SSM parameter");
    }
}
