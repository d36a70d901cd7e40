package fi.vuoro.domain.site;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One date whose hours replace its weekday's: a public holiday, or "closed today" (no periods). Its note, by language
 * code, is what visitors who text that day read after the closed reply.
 */
public record OpeningException(LocalDate date, List<OpeningHours.Period> hours, Map<String, String> note) {

    /** The most characters a note may have: it shares the closed reply's two SMS segments. */
    public static final int MAX_NOTE_LENGTH = 100;
    static final String FALLBACK_NOTE_LANGUAGE = "en";

    public OpeningException {
        Objects.requireNonNull(date, "date");
        hours = hours.stream().sorted(Comparator.comparing(OpeningHours.Period::start)).toList();
        note = Map.copyOf(note);
    }

    /** Closed the whole day. */
    public boolean closedAllDay() {
        return hours.isEmpty();
    }

    /** The note in the visitor's language, else the English note, else none. */
    public Optional<String> noteIn(String languageCode) {
        return Optional.ofNullable(note.get(languageCode))
                .or(() -> Optional.ofNullable(note.get(FALLBACK_NOTE_LANGUAGE)));
    }
}
