package fi.vuoro.domain.outbox;

import java.time.Instant;
import java.util.Optional;

/** Tells whether what an owed SMS announces is still true, right before it is sent. */
public interface PremiseCheck {

    /** @return why the premise no longer holds, or empty if it does */
    Optional<String> broken(Premise premise, Instant now);
}
