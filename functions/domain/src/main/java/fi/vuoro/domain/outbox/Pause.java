package fi.vuoro.domain.outbox;

import java.time.Duration;

/** How the dispatcher waits for a send slot or a retry; tests pass one that moves their clock instead. */
@FunctionalInterface
public interface Pause {

    void sleep(Duration duration) throws InterruptedException;

    /** Really waits, on the calling thread. */
    static Pause threadSleep() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
