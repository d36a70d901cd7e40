package fi.vuoro.local;

import fi.vuoro.domain.interpreter.Interpreter;
import fi.vuoro.domain.interpreter.InterpreterDirectory;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.visitor.PhoneProtector;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The interpreters the demo site starts with, available at all hours: two for Dari/Persian (one of whom also
 * interprets Arabic) and one for Arabic and Somali. They text the demo site's own number.
 */
public final class DemoInterpreters {

    public static final String DARI = "+358500000201";
    public static final String DARI_AND_ARABIC = "+358500000202";
    public static final String ARABIC_AND_SOMALI = "+358500000203";

    private record Seed(String id, String name, String phone, String writesIn, Set<String> languages) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("demo-parisa", "Parisa Ahmadi", DARI, "fa", Set.of("fa")),
            new Seed("demo-hamid", "Hamid Karimi", DARI_AND_ARABIC, "fi", Set.of("fa", "ar")),
            new Seed("demo-ayaan", "Ayaan Warsame", ARABIC_AND_SOMALI, "en", Set.of("ar", "so")));

    private DemoInterpreters() {
    }

    /** Registers each demo interpreter whose number is not registered yet. */
    public static void seed(InterpreterDirectory directory, PhoneProtector phones) {
        for (Seed seed : SEEDS) {
            String hash = phones.hash(seed.phone());
            if (directory.findByPhoneHash(hash).isEmpty()) {
                directory.create(new Interpreter(seed.id(), seed.name(), hash, phones.encrypt(seed.phone()),
                        seed.writesIn(), seed.languages(), Set.of(DemoSite.create().id()), OpeningHours.always(),
                        Optional.empty(), true, Optional.empty(), Optional.empty(), 0));
            }
        }
    }
}
