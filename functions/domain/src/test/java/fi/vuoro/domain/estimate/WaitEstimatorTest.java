package fi.vuoro.domain.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WaitEstimatorTest {

    private static final Duration DEFAULT = Duration.ofMinutes(15);

    @Test
    void estimate_shouldUseTheSitesDefault_whenThereAreTooFewRealServiceTimes() {
        ServiceHistory few = new ServiceHistory(List.of(Duration.ofMinutes(60), Duration.ofMinutes(60)), 0);
        WaitRange wait = WaitEstimator.estimate(4, few, DEFAULT, 2);
        // 4 ahead x 15 min / 2 desks = 30 min typical; the range brackets it.
        assertTrue(wait.minMinutes() <= 30 && wait.maxMinutes() >= 30, wait.toString());
        assertEquals(WaitEstimator.estimate(4, ServiceHistory.NONE, DEFAULT, 2), wait);
    }

    @Test
    void estimate_shouldFollowRealServiceTimes_whenThereAreEnough() {
        ServiceHistory slow = new ServiceHistory(Collections.nCopies(10, Duration.ofMinutes(30)), 1);
        WaitRange wait = WaitEstimator.estimate(3, slow, DEFAULT, 1);
        assertTrue(wait.minMinutes() >= 85 && wait.maxMinutes() >= 120, wait.toString());
    }

    @Test
    void estimate_shouldShrinkWithMoreActiveDesks() {
        ServiceHistory oneDesk = new ServiceHistory(Collections.nCopies(10, Duration.ofMinutes(20)), 1);
        ServiceHistory fourDesks = new ServiceHistory(Collections.nCopies(10, Duration.ofMinutes(20)), 4);
        assertTrue(WaitEstimator.estimate(8, fourDesks, DEFAULT, 1).maxMinutes()
                < WaitEstimator.estimate(8, oneDesk, DEFAULT, 1).maxMinutes());
    }

    @Test
    void estimate_shouldAlwaysBeARangeInWholeFiveMinutes_neverAFalsePrecision() {
        for (int ahead = 0; ahead < 60; ahead++) {
            WaitRange wait = WaitEstimator.estimate(ahead, ServiceHistory.NONE, Duration.ofMinutes(7), 3);
            assertTrue(wait.maxMinutes() > wait.minMinutes(), wait.toString());
            assertEquals(0, wait.minMinutes() % 5);
            assertEquals(0, wait.maxMinutes() % 5);
        }
    }

    @Test
    void estimate_shouldGrowWithThePeopleAhead() {
        int previousMax = 0;
        for (int ahead = 0; ahead < 30; ahead++) {
            WaitRange wait = WaitEstimator.estimate(ahead, ServiceHistory.NONE, DEFAULT, 2);
            assertTrue(wait.maxMinutes() >= previousMax);
            previousMax = wait.maxMinutes();
        }
    }

    @Test
    void estimate_shouldUseOnlyTheMostRecentServiceTimes() {
        List<Duration> oldSlowThenFast = IntStream.range(0, 40)
                .mapToObj(i -> i < 20 ? Duration.ofMinutes(60) : Duration.ofMinutes(10)).toList();
        WaitRange wait = WaitEstimator.estimate(2, new ServiceHistory(oldSlowThenFast, 1), DEFAULT, 1);
        assertEquals(new WaitRange(20, 30), wait);
    }

    @Test
    void estimate_shouldStayBounded_forAVeryLongQueue() {
        WaitRange wait = WaitEstimator.estimate(999, ServiceHistory.NONE, Duration.ofMinutes(60), 1);
        assertTrue(wait.maxMinutes() <= 600 && wait.minMinutes() < wait.maxMinutes(), wait.toString());
    }

    @Test
    void estimate_shouldRefuseANegativeQueue() {
        assertThrows(IllegalArgumentException.class, () -> WaitEstimator.estimate(-1, ServiceHistory.NONE, DEFAULT, 1));
    }
}
