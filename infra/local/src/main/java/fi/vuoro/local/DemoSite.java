package fi.vuoro.local;

import fi.vuoro.domain.site.InterpreterPolicy;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sites the local runtime starts with, open all day, every day, so the demo works at any hour. The demo site
 * has no topics, so JOIN gives a ticket at once; its staff speak Finnish, Swedish and English, and a visitor with
 * another language is found an interpreter. Hervanta, the local coordinator's second site, is not seeded: its
 * coordinator sets it up, e.g. from {@code docs/examples/hervanta-settings.json}, whose four topics show the topic
 * menu and topic ticket letters.
 */
public final class DemoSite {

    public static final String NUMBER = "+358500000001";

    /** Two interpreters asked at once, two minutes to answer; an interpreter is ready once at the site. */
    public static final InterpreterPolicy INTERPRETING = new InterpreterPolicy(2, Duration.ofMinutes(2), false);

    /** The topics of the Hervanta example (docs/examples/hervanta-settings.json), named in every language. */
    public static final List<Topic> HERVANTA_TOPICS = List.of(
            new Topic("KELA", 'K', Map.of("en", "Kela benefits", "fi", "Kela-etuudet", "sv", "FPA-förmåner",
                    "ar", "مزايا كيلا", "so", "Gargaarka Kela", "fa", "مزایای کلا", "ru", "Пособия Kela",
                    "uk", "Виплати Kela")),
            new Topic("LUPA", 'L', Map.of("en", "Residence permit", "fi", "Oleskelulupa",
                    "sv", "Uppehållstillstånd", "ar", "تصريح الإقامة", "so", "Sharciga deganaanshaha",
                    "fa", "اجازه اقامت", "ru", "Вид на жительство", "uk", "Дозвіл на проживання")),
            new Topic("HOUSING", 'H', Map.of("en", "Housing", "fi", "Asuminen", "sv", "Boende", "ar", "السكن",
                    "so", "Guryeynta", "fa", "مسکن", "ru", "Жильё", "uk", "Житло")),
            new Topic("WORK", 'W', Map.of("en", "Work and study", "fi", "Työ ja opiskelu",
                    "sv", "Arbete och studier", "ar", "العمل والدراسة", "so", "Shaqo iyo waxbarasho",
                    "fa", "کار و تحصیل", "ru", "Работа и учёба", "uk", "Робота і навчання")));

    private DemoSite() {
    }

    public static Site create() {
        return new Site("demo", "Vuoro Demo", NUMBER, OpeningHours.always(), Set.of("fi", "sv", "en"),
                Duration.ofMinutes(15), 2, 'A', List.of(), Site.DEFAULT_COME_BACK_WHEN_AHEAD,
                Site.DEFAULT_NO_SHOW_GRACE, INTERPRETING);
    }

}
