package fi.vuoro.domain.visitor;

import java.time.Instant;
import java.util.Optional;

/** Where a visitor's chosen language is kept, under the keyed hash of their number. */
public interface VisitorStore {

    Optional<VisitorProfile> find(String phoneHash, Instant now);

    void save(VisitorProfile profile, Instant expiresAt);
}
