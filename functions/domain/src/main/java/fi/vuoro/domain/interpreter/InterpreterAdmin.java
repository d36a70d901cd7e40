package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.staff.StaffRequestException;
import fi.vuoro.domain.visitor.PhoneProtector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a coordinator does with interpreters: add them, change their languages, sites and weekly hours, deactivate
 * or remove them. A coordinator sees and changes only interpreters serving sites they coordinate, and gives only
 * those sites. Every field is checked before anything is written; a refusal names the field.
 */
public final class InterpreterAdmin {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** What a coordinator types about an interpreter. */
    public record Form(String name, Optional<String> phone, String language, Set<String> languages,
                       Set<String> siteIds, Map<String, String> availability, boolean active) {
    }

    private final InterpreterDirectory directory;
    private final PhoneProtector phones;
    private final MessageCatalogue catalogue;

    public InterpreterAdmin(InterpreterDirectory directory, PhoneProtector phones, MessageCatalogue catalogue) {
        this.directory = directory;
        this.phones = phones;
        this.catalogue = catalogue;
    }

    /** The interpreters serving the site, for its coordinator. */
    public List<Interpreter> ofSite(StaffMember coordinator, String siteId) {
        coordinator.requireCoordinator(siteId);
        return directory.all().stream().filter(i -> i.siteIds().contains(siteId))
                .sorted(java.util.Comparator.comparing(Interpreter::name)).toList();
    }

    public Interpreter add(StaffMember coordinator, String siteId, Form form) {
        coordinator.requireCoordinator(siteId);
        String phone = form.phone().map(String::strip).filter(p -> !p.isEmpty())
                .orElseThrow(() -> invalid("phone", "give the interpreter's number, e.g. +358401234567"));
        if (!E164.matcher(phone).matches()) {
            throw invalid("phone", "a number is in international form, e.g. +358401234567");
        }
        Interpreter interpreter = new Interpreter(UUID.randomUUID().toString().substring(0, 12), name(form.name()),
                phones.hash(phone), phones.encrypt(phone), language(form.language(), "language"),
                languages(form.languages()), sites(coordinator, siteId, form.siteIds()),
                availability(form.availability()), Optional.empty(), form.active(), Optional.empty(), Optional.empty(),
                0);
        if (directory.findByPhoneHash(interpreter.phoneHash()).isPresent()) {
            throw invalid("phone", "this number already belongs to an interpreter");
        }
        directory.create(interpreter);
        return interpreter;
    }

    public Interpreter update(StaffMember coordinator, String siteId, String interpreterId, Form form) {
        coordinator.requireCoordinator(siteId);
        Interpreter current = find(coordinator, siteId, interpreterId);
        String phoneHash = current.phoneHash();
        String phoneCipher = current.phoneCipher();
        if (form.phone().isPresent() && !form.phone().get().isBlank()) {
            String phone = form.phone().get().strip();
            if (!E164.matcher(phone).matches()) {
                throw invalid("phone", "a number is in international form, e.g. +358401234567");
            }
            phoneHash = phones.hash(phone);
            phoneCipher = phones.encrypt(phone);
            Optional<Interpreter> owner = directory.findByPhoneHash(phoneHash);
            if (owner.isPresent() && !owner.get().id().equals(interpreterId)) {
                throw invalid("phone", "this number already belongs to an interpreter");
            }
        }
        // Sites the coordinator does not coordinate stay as they were: another coordinator's business.
        Set<String> sites = new java.util.HashSet<>(current.siteIds());
        sites.removeIf(coordinator::coordinates);
        sites.addAll(sites(coordinator, siteId, form.siteIds()));
        Interpreter updated = new Interpreter(current.id(), name(form.name()), phoneHash, phoneCipher,
                language(form.language(), "language"), languages(form.languages()), sites,
                availability(form.availability()), current.today(), form.active(), current.lastOfferedAt(),
                current.lastAssignedAt(), current.version());
        if (!directory.update(current, updated)) {
            throw new InterpreterConflictException("The interpreter was changed meanwhile: reload and try again");
        }
        return updated;
    }

    public void remove(StaffMember coordinator, String siteId, String interpreterId) {
        find(coordinator, siteId, interpreterId);
        directory.remove(interpreterId);
    }

    private Interpreter find(StaffMember coordinator, String siteId, String interpreterId) {
        coordinator.requireCoordinator(siteId);
        return directory.find(interpreterId).filter(i -> i.siteIds().contains(siteId))
                .orElseThrow(() -> StaffRequestException.notFound("No interpreter " + interpreterId + " at this site"));
    }

    private static String name(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > Interpreter.MAX_NAME_LENGTH
                || clean.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid("name", "1-" + Interpreter.MAX_NAME_LENGTH + " characters");
        }
        return clean;
    }

    private String language(String code, String field) {
        String clean = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return catalogue.language(clean).map(l -> l.code())
                .orElseThrow(() -> invalid(field, "unknown language \"" + (clean.length() > 12 ? clean.substring(0, 12)
                        : clean) + "\"; known: " + catalogue.languages().stream().map(l -> l.code())
                        .collect(Collectors.joining(", "))));
    }

    private Set<String> languages(Set<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw invalid("languages", "give at least one language the interpreter interprets");
        }
        return codes.stream().map(code -> language(code, "languages")).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> sites(StaffMember coordinator, String siteId, Set<String> siteIds) {
        Set<String> sites = siteIds == null || siteIds.isEmpty() ? Set.of(siteId) : Set.copyOf(siteIds);
        for (String site : sites) {
            if (!coordinator.coordinates(site)) {
                throw invalid("sites", "you can give only sites you coordinate, not " + site);
            }
        }
        return sites;
    }

    private static OpeningHours availability(Map<String, String> byWeekday) {
        try {
            return byWeekday == null || byWeekday.isEmpty() ? OpeningHours.always()
                    : OpeningHours.parse(new LinkedHashMap<>(byWeekday));
        } catch (RuntimeException e) {
            throw invalid("availability", "hours are given per weekday as HH:mm-HH:mm, e.g. {\"MON\": \"09:00-16:00\"}");
        }
    }

    private static StaffRequestException invalid(String field, String message) {
        return StaffRequestException.invalid(field + ": " + message);
    }
}
