package fi.vuoro.local;

import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import java.time.Duration;
import java.util.Set;

/** The site the local runtime starts with: open all day, every day, so the demo works at any hour. */
public final class DemoSite {

    public static final String NUMBER = "+358500000001";

    private DemoSite() {
    }

    public static Site create() {
        return new Site("demo", "Vuoro Demo", NUMBER, OpeningHours.always(), Set.of("fi", "sv", "en"),
                Duration.ofMinutes(15), 2, 'A', Set.of("KELA", "HOUSING", "ASUMINEN", "WORK", "TYO"));
    }
}
