package fi.vuoro.domain.queue;

import java.time.Instant;

/** A desk of a site on one service day, opened or closed by staff. */
public record Desk(String label, boolean open, String changedBy, Instant changedAt) {

    /** Desk labels appear in SMS ("go to desk 3"), so they stay short. */
    public static final int MAX_LABEL_LENGTH = 5;
}
