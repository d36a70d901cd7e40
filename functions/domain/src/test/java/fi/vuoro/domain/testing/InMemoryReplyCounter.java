package fi.vuoro.domain.testing;

import fi.vuoro.domain.sms.ReplyCounter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Replies counted per sender and window, forgotten at their expiry, as the DynamoDB counter keeps them. */
public final class InMemoryReplyCounter implements ReplyCounter {

    private record Window(String phoneHash, Instant start) {
    }

    private record Count(int replies, Instant expiresAt) {
    }

    private final Map<Window, Count> counts = new HashMap<>();

    @Override
    public synchronized void count(String phoneHash, Instant window, Instant expiresAt) {
        counts.merge(new Window(phoneHash, window), new Count(1, expiresAt),
                (old, one) -> new Count(old.replies() + 1, expiresAt));
    }

    /** The replies counted to the sender in the window, none once it expired. */
    public synchronized int counted(String phoneHash, Instant window, Instant now) {
        Count count = counts.get(new Window(phoneHash, window));
        return count == null || !count.expiresAt().isAfter(now) ? 0 : count.replies();
    }
}
