package fi.vuoro.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Failures and delays queued for the next message sends, consumed one per request; and the recipients who opted
 * out (texted STOP), every send to whom Twilio refuses until they opt in again.
 */
final class FaultPlan {

    private final Deque<Integer> failures = new ArrayDeque<>();
    private final Deque<Duration> delays = new ArrayDeque<>();
    private final Set<String> optedOut = new HashSet<>();

    synchronized void optOut(String to) {
        optedOut.add(to);
    }

    synchronized void optIn(String to) {
        optedOut.remove(to);
    }

    synchronized boolean isOptedOut(String to) {
        return optedOut.contains(to);
    }

    synchronized void failNext(int times, int httpStatus) {
        if (times < 0 || httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("Need times >= 0 and an error status 400-599, got "
                    + times + " x " + httpStatus);
        }
        for (int i = 0; i < times; i++) {
            failures.add(httpStatus);
        }
    }

    synchronized void hangNext(int times, Duration delay) {
        if (times < 0 || delay.isNegative()) {
            throw new IllegalArgumentException("Need times >= 0 and a non-negative delay, got " + times + " x " + delay);
        }
        for (int i = 0; i < times; i++) {
            delays.add(delay);
        }
    }

    synchronized OptionalInt takeFailure() {
        Integer status = failures.poll();
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    synchronized Optional<Duration> takeDelay() {
        return Optional.ofNullable(delays.poll());
    }

    synchronized int pending() {
        return failures.size() + delays.size();
    }

    synchronized void clear() {
        failures.clear();
        delays.clear();
        optedOut.clear();
    }
}
