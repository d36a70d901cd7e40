package fi.vuoro.local;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test can set, for opening hours and expiry without waiting. It ticks in real time from
 * the instant it was last set, so timers, leases and pacing behave as they do in production.
 */
public final class MutableClock extends Clock {

    private volatile Instant setTo;
    private volatile long setAtNanos;

    public MutableClock(Instant start) {
        set(start);
    }

    public synchronized void set(Instant instant) {
        setTo = instant;
        setAtNanos = System.nanoTime();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return setTo.plusNanos(System.nanoTime() - setAtNanos);
    }
}
