package fi.vuoro.domain.visitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a visitor's chosen language is kept, under the keyed hash of their number; and whether the number opted out
 * of SMS at the carrier (read with the sender's other records, see {@code SenderRecords#optedOut}).
 */
public interface VisitorStore {

    /** How long an opt-out is remembered. After that, a join is marked only once Twilio refuses to text it. */
    Duration OPT_OUT_MEMORY = Duration.ofDays(30);

    Optional<VisitorProfile> find(String phoneHash, Instant now);

    void save(VisitorProfile profile, Instant expiresAt);

    /**
     * Remembers that SMS no longer reach the number (it sent STOP; Twilio refused it), until {@code expiresAt}. Only
     * that the number opted out and when: it survives the visitor's erasure, as Twilio's own block does.
     */
    void optOut(String phoneHash, Instant at, Instant expiresAt);

    /** Forgets the number's opt-out (it texted START): SMS reach it again. */
    void optIn(String phoneHash);
}
