package fi.vuoro.local;

import java.time.Clock;

/**
 * How the local runtime is started. The secrets here are development values for this machine only,
 * documented in the README; AWS deployments read theirs from SSM SecureString parameters.
 */
public record LocalSettings(int port, String twilioAuthToken, Clock clock) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEV_TWILIO_AUTH_TOKEN = "vuoro-local-dev-auth-token";
    public static final String DEV_TWILIO_ACCOUNT_SID = "AC00000000000000000000000000000001";
    static final String DEV_PHONE_HASH_KEY = "local-dev-phone-hash-key-not-for-production";
    static final String DEV_PHONE_ENCRYPTION_KEY = "local-dev-phone-encryption-key-not-for-production";

    /** PORT and TWILIO_AUTH_TOKEN from the environment, else the documented defaults. */
    public static LocalSettings fromEnvironment() {
        String port = System.getenv("PORT");
        String token = System.getenv("TWILIO_AUTH_TOKEN");
        return new LocalSettings(
                port == null || port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port.trim()),
                token == null || token.isBlank() ? DEV_TWILIO_AUTH_TOKEN : token,
                Clock.systemUTC());
    }

    /** Whether the runtime keeps the machine's time, by which DynamoDB Local deletes expired items. */
    public boolean onMachineClock() {
        return Clock.systemUTC().withZone(clock.getZone()).equals(clock);
    }

    public LocalSettings withClock(Clock newClock) {
        return new LocalSettings(port, twilioAuthToken, newClock);
    }
}
