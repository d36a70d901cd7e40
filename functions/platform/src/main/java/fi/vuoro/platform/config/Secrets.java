package fi.vuoro.platform.config;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Secrets given either as a value (local runs) or as the name of an SSM SecureString parameter (AWS).
 *
 * <p>Each is read on its first use, not at start-up, and then kept: a function reads exactly the secrets its
 * requests need, which its role must allow and its environment names (a function whose environment does not
 * name a secret fails clearly when a request needs it), and a SnapStart snapshot carries none of them.
 */
public final class Secrets {

    private final Function<String, String> parameterReader;

    public Secrets(Function<String, String> parameterReader) {
        this.parameterReader = parameterReader;
    }

    /** A secret read when first asked for, then kept. */
    public Supplier<String> secret(String what, String value, String parameterName) {
        return new Secret(what, value, parameterName);
    }

    /**
     * A secret read afresh each time it is asked for, for a caller that keeps what it read and asks again only
     * when it has to (the phone encryption keys, when a sealed number names a version not yet known).
     */
    public Supplier<String> reloadable(String what, String value, String parameterName) {
        return () -> new Secret(what, value, parameterName).resolve();
    }

    private final class Secret implements Supplier<String> {
        private final String what;
        private final String value;
        private final String parameterName;
        private volatile String resolved;

        Secret(String what, String value, String parameterName) {
            this.what = what;
            this.value = value;
            this.parameterName = parameterName;
        }

        @Override
        public String get() {
            String known = resolved;
            if (known == null) {
                synchronized (this) {
                    if (resolved == null) {
                        resolved = resolve();
                    }
                    known = resolved;
                }
            }
            return known;
        }

        private String resolve() {
            if (value != null && !value.isBlank()) {
                return value;
            }
            if (parameterName != null && !parameterName.isBlank()) {
                return parameterReader.apply(parameterName);
            }
            throw new IllegalStateException("No " + what + " is configured for this function: set it or the name of"
                    + " its SSM parameter");
        }
    }
}
