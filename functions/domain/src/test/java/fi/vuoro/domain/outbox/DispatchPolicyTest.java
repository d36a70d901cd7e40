package fi.vuoro.domain.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DispatchPolicyTest {

    private static final DispatchPolicy POLICY = DispatchPolicy.DEFAULTS;

    @Test
    void retryDelay_shouldDoubleFromTheFirstRetry_upToTheMaximum() {
        assertEquals(Duration.ofSeconds(2), POLICY.retryDelay(1, 1.0));
        assertEquals(Duration.ofSeconds(4), POLICY.retryDelay(2, 1.0));
        assertEquals(Duration.ofSeconds(128), POLICY.retryDelay(7, 1.0));
        assertEquals(Duration.ofMinutes(5), POLICY.retryDelay(9, 1.0));
        assertEquals(Duration.ofMinutes(5), POLICY.retryDelay(1000, 1.0), "no overflow on absurd attempt counts");
    }

    @Test
    void retryDelay_shouldJitterWithinTheUpperHalf() {
        assertEquals(Duration.ofSeconds(1), POLICY.retryDelay(1, 0.0));
        assertEquals(Duration.ofMillis(1500), POLICY.retryDelay(1, 0.5));
        assertEquals(Duration.ofSeconds(150), POLICY.retryDelay(20, 0.0));
    }

    @Test
    void lease_shouldOutlastALookupASendAndTheAmbiguityWindow() {
        assertEquals(Duration.ofSeconds(70), POLICY.lease());
    }

    @Test
    void constructor_shouldRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new DispatchPolicy(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(2), 3, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new DispatchPolicy(Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(2), 3, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new DispatchPolicy(Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(2), 0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
