package fi.vuoro.domain.outbox;

import java.time.Instant;

/** The answer to "may this sending number send now?", shared by every dispatcher through the store. */
public sealed interface SendSlot {

    /** The slot is this dispatcher's: send one message now. */
    record Taken() implements SendSlot {
    }

    /** Another message from the number went out a moment ago; the next slot opens at {@code freeAt}. */
    record BusyUntil(Instant freeAt) implements SendSlot {
    }

    /** The site has sent its {@link SiteSendCap} this hour: nothing more until {@code reopensAt}. */
    record CapReached(Instant reopensAt) implements SendSlot {
    }
}
