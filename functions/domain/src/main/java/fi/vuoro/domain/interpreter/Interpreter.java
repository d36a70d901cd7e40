package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An interpreter or own-language advisor who can be asked by SMS. Their number is protected like a visitor's: a
 * keyed hash recognises them when they text, and the number itself is kept only encrypted (it is how Vuoro reaches
 * them), removed with the rest when they are removed or text STOP. {@code language} is the one Vuoro writes to them
 * in; {@code languages} the ones they interpret. They are asked when their weekly {@code availability} (in the
 * sites' time zone) or what they said today ({@link AvailabilityToday}) says so.
 */
public record Interpreter(
        String id,
        String name,
        String phoneHash,
        String phoneCipher,
        String language,
        Set<String> languages,
        Set<String> siteIds,
        OpeningHours availability,
        Optional<AvailabilityToday> today,
        boolean active,
        Optional<Instant> lastOfferedAt,
        Optional<Instant> lastAssignedAt,
        int version) {

    public static final int MAX_NAME_LENGTH = 40;

    public Interpreter {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("An interpreter's name is 1-" + MAX_NAME_LENGTH + " characters");
        }
        languages = Set.copyOf(languages);
        siteIds = Set.copyOf(siteIds);
        Objects.requireNonNull(availability, "availability");
    }

    /** Whether they can interpret {@code language} at the site at that moment (Helsinki time). */
    public boolean canTake(String neededLanguage, String siteId, Instant at) {
        return active && languages.contains(neededLanguage) && siteIds.contains(siteId) && availableAt(at);
    }

    public boolean availableAt(Instant at) {
        ZonedDateTime local = at.atZone(Site.ZONE);
        if (today.isPresent() && today.get().date().equals(local.toLocalDate())) {
            return today.get().covers(local.toLocalTime());
        }
        return availability.isOpen(local);
    }

    /** When they were last asked or given an interpreting, whichever is later: the fairness order's key. */
    public Optional<Instant> lastTurn() {
        return lastOfferedAt.isEmpty() ? lastAssignedAt : lastAssignedAt.isEmpty() ? lastOfferedAt
                : Optional.of(lastOfferedAt.get().isAfter(lastAssignedAt.get()) ? lastOfferedAt.get()
                : lastAssignedAt.get());
    }

    /** Least recently asked or assigned first; someone never asked before everybody else. */
    public static final Comparator<Interpreter> FAIRNESS = Comparator
            .comparing((Interpreter i) -> i.lastTurn().orElse(Instant.MIN))
            .thenComparing(Interpreter::id);

    public Interpreter withToday(AvailabilityToday said) {
        return new Interpreter(id, name, phoneHash, phoneCipher, language, languages, siteIds, availability,
                Optional.of(said), active, lastOfferedAt, lastAssignedAt, version);
    }

    @Override
    public String toString() {
        return "Interpreter[" + id + " " + languages + " " + siteIds + (active ? "" : " inactive") + "]";
    }
}
