package fi.vuoro.domain.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Checks each kind of premise with the capability that knows it (tickets, interpreter offers). */
public final class PremiseChecks implements PremiseCheck {

    private final Map<Class<? extends Premise>, PremiseCheck> byKind;

    public PremiseChecks(Map<Class<? extends Premise>, PremiseCheck> byKind) {
        this.byKind = Map.copyOf(byKind);
    }

    @Override
    public Optional<String> broken(Premise premise, Instant now) {
        PremiseCheck check = byKind.get(premise.getClass());
        return check == null ? Optional.of("nothing checks a premise of kind " + premise.getClass().getSimpleName())
                : check.broken(premise, now);
    }
}
