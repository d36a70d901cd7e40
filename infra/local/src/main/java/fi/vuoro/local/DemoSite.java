package fi.vuoro.local;

import fi.vuoro.domain.site.InterpreterPolicy;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import java.time.Duration;
import java.util.Set;

/**
 * The site the local runtime starts with: open all day, every day, so the demo works at any hour. Its staff speak
 * Finnish, Swedish and English; a visitor with another language is found an interpreter.
 */
public final class DemoSite {

    public static final String NUMBER = "+358500000001";

    /** Two interpreters asked at once, two minutes to answer; an interpreter is ready once at the site. */
    public static final InterpreterPolicy INTERPRETING = new InterpreterPolicy(2, Duration.ofMinutes(2), false);

    private DemoSite() {
    }

    public static Site create() {
        return new Site("demo", "Vuoro Demo", NUMBER, OpeningHours.always(), Set.of("fi", "sv", "en"),
                Duration.ofMinutes(15), 2, 'A', Set.of("KELA", "HOUSING", "ASUMINEN", "WORK", "TYO"))
                .withInterpreting(INTERPRETING);
    }
}
