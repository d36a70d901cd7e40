package fi.vuoro.domain.site;

import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.staff.StaffRequestException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a coordinator does with a site's settings: read them, change them, or create the site by giving settings for
 * an id that has none yet. Only a coordinator of the site may; every field is checked before anything is written, a
 * refusal names the field, and the site is written in one atomic step or not at all.
 */
public final class SiteAdmin {

    /** What a new site gets for the settings its coordinator leaves out. */
    static final SiteSettings NEW_SITE = new SiteSettings(null, null, null, null, null, 1, "A", List.of(), 15,
            Site.DEFAULT_COME_BACK_WHEN_AHEAD, (int) Site.DEFAULT_NO_SHOW_GRACE.toMinutes(),
            InterpreterPolicy.DEFAULT.waveSize(), (int) InterpreterPolicy.DEFAULT.replyTimeout().toMinutes(),
            InterpreterPolicy.DEFAULT.readyOnConfirmation());

    private static final Pattern SITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern PERIOD = Pattern.compile(
            "((?:[01][0-9]|2[0-3]):[0-5][0-9])-((?:[01][0-9]|2[0-3]):[0-5][0-9]|24:00)");
    private static final int MAX_SHOWN = 16;

    /** The site's settings as saved, and whether saving created it. */
    public record Saved(SiteSettings settings, boolean created) {
    }

    private final SiteStore store;
    private final MessageCatalogue catalogue;

    public SiteAdmin(SiteStore store, MessageCatalogue catalogue) {
        this.store = store;
        this.catalogue = catalogue;
    }

    public SiteSettings settings(StaffMember coordinator, String siteId) {
        coordinator.requireCoordinator(siteId);
        return store.findById(siteId).map(SiteSettings::of).orElseThrow(() -> StaffRequestException.notFound(
                "No site " + siteId + " yet: PUT its settings to create it"));
    }

    public Saved save(StaffMember coordinator, String siteId, SiteSettings form) {
        coordinator.requireCoordinator(siteId);
        if (!SITE_ID.matcher(siteId).matches()) {
            throw invalid("siteId", "1-32 lower-case letters, digits and dashes, e.g. hervanta");
        }
        if (form == null) {
            throw invalid("settings", "give the site's settings as a JSON object");
        }
        Optional<Site> current = store.findById(siteId);
        Site site = site(siteId, form, current.map(SiteSettings::of).orElse(NEW_SITE));
        Optional<String> owner = store.siteIdOfNumber(site.smsNumber());
        if (owner.isPresent() && !owner.get().equals(siteId)) {
            throw numberTaken();
        }
        SiteStore.Outcome outcome = current.isPresent() ? store.replace(current.get(), site) : store.create(site);
        switch (outcome) {
            case SAVED:
                return new Saved(SiteSettings.of(site), current.isEmpty());
            case NUMBER_TAKEN:
                throw numberTaken();
            default:
                throw StaffRequestException.conflict("The site's settings were changed meanwhile: reload and try again");
        }
    }

    private Site site(String siteId, SiteSettings form, SiteSettings base) {
        String name = required(form.name(), "name").strip();
        if (!Site.isValidName(name)) {
            throw invalid("name", "1-" + Site.MAX_NAME_LENGTH + " characters: letters A-Z, Ä, Ö, Å, Ü, É, digits, "
                    + "spaces and .,'()/&- (the name appears in SMS)");
        }
        String number = required(form.smsNumber(), "smsNumber").strip();
        if (!Site.isE164(number)) {
            throw invalid("smsNumber", "the number is in E.164 form, e.g. +358401234567");
        }
        String zone = required(form.timeZone(), "timeZone").strip();
        if (!Site.ZONE.getId().equals(zone)) {
            throw invalid("timeZone", "only " + Site.ZONE.getId() + " is supported for now: the service counts "
                    + "every site's days in Helsinki time");
        }
        OpeningHours hours = openingHours(required(form.openingHours(), "openingHours"));
        Set<String> staffLanguages = languages(required(form.staffLanguages(), "staffLanguages"));
        int desks = number(form.desks(), base.desks(), "desks", 1, 50);
        char ticketLetter = ticketLetter(form.ticketLetter() == null ? base.ticketLetter() : form.ticketLetter());
        List<Topic> topics = topics(form.topics() == null ? base.topics() : form.topics(), ticketLetter);
        int serviceMinutes = number(form.defaultServiceMinutes(), base.defaultServiceMinutes(),
                "defaultServiceMinutes", 1, 240);
        int comeBack = number(form.comeBackWhenAhead(), base.comeBackWhenAhead(), "comeBackWhenAhead", 0, 50);
        int graceMinutes = number(form.noShowGraceMinutes(), base.noShowGraceMinutes(), "noShowGraceMinutes", 1, 120);
        int waveSize = number(form.interpreterWaveSize(), base.interpreterWaveSize(), "interpreterWaveSize", 1, 10);
        int replyMinutes = number(form.interpreterReplyMinutes(), base.interpreterReplyMinutes(),
                "interpreterReplyMinutes", 1, 120);
        boolean readyOnConfirmation = form.interpreterReadyOnConfirmation() == null
                ? base.interpreterReadyOnConfirmation() : form.interpreterReadyOnConfirmation();
        return new Site(siteId, name, number, hours, staffLanguages, Duration.ofMinutes(serviceMinutes), desks,
                ticketLetter, topics, comeBack, Duration.ofMinutes(graceMinutes),
                new InterpreterPolicy(waveSize, Duration.ofMinutes(replyMinutes), readyOnConfirmation));
    }

    private static OpeningHours openingHours(Map<String, List<String>> byDay) {
        Map<DayOfWeek, List<OpeningHours.Period>> periods = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, List<String>> entry : byDay.entrySet()) {
            DayOfWeek day = day(entry.getKey());
            String field = "openingHours." + SiteSettings.dayName(day);
            if (periods.containsKey(day)) {
                throw invalid(field, "the day is given twice");
            }
            List<OpeningHours.Period> list = new ArrayList<>();
            for (String text : required(entry.getValue(), field)) {
                list.add(period(text, field));
            }
            list.sort(Comparator.comparing(OpeningHours.Period::start));
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).start().isBefore(list.get(i - 1).end())) {
                    throw invalid(field, list.get(i - 1).text() + " and " + list.get(i).text() + " overlap");
                }
            }
            periods.put(day, list);
        }
        return new OpeningHours(periods);
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (SiteSettings.dayName(day).equals(name == null ? "" : name.strip().toLowerCase(Locale.ROOT))) {
                return day;
            }
        }
        throw invalid("openingHours", "unknown day \"" + shown(name) + "\"; the days are mon, tue, wed, thu, fri, sat "
                + "and sun");
    }

    private static OpeningHours.Period period(String text, String field) {
        Matcher matcher = PERIOD.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw invalid(field, "\"" + shown(text) + "\" is not a period like 09:00-16:00 (00:00-24:00 is all day)");
        }
        LocalTime start = LocalTime.parse(matcher.group(1));
        LocalTime end = "24:00".equals(matcher.group(2)) ? LocalTime.MAX : LocalTime.parse(matcher.group(2));
        if (!start.isBefore(end)) {
            throw invalid(field, matcher.group() + " ends before it starts");
        }
        return new OpeningHours.Period(start, end);
    }

    private Set<String> languages(Set<String> codes) {
        Set<String> known = new HashSet<>();
        for (String code : codes) {
            String clean = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
            known.add(catalogue.language(clean).map(Language::code).orElseThrow(() -> invalid("staffLanguages",
                    "unknown language \"" + shown(clean) + "\"; known: " + catalogue.languages().stream()
                            .map(Language::code).collect(Collectors.joining(", ")))));
        }
        return known;
    }

    private static char ticketLetter(String letter) {
        String clean = letter.strip().toUpperCase(Locale.ROOT);
        if (clean.length() != 1 || clean.charAt(0) < 'A' || clean.charAt(0) > 'Z') {
            throw invalid("ticketLetter", "one letter A-Z, e.g. A");
        }
        return clean.charAt(0);
    }

    private List<Topic> topics(List<SiteSettings.TopicSettings> forms, char ticketLetter) {
        if (forms.size() > Site.MAX_TOPICS) {
            throw invalid("topics", "at most " + Site.MAX_TOPICS + " topics: visitors choose one by a single digit");
        }
        List<Topic> topics = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            Topic topic = topic(forms.get(i), "topics[" + i + "]");
            for (Topic earlier : topics) {
                if (earlier.isNamedBy(topic.word())) {
                    throw invalid("topics[" + i + "].word", topic.word() + " is already the word of topic "
                            + earlier.word());
                }
                if (earlier.letter() == topic.letter()) {
                    throw invalid("topics[" + i + "].letter", topic.letter() + " is already the letter of topic "
                            + earlier.word());
                }
            }
            if (topic.letter() == ticketLetter) {
                throw invalid("topics[" + i + "].letter", topic.letter() + " is already the ticketLetter of tickets "
                        + "without a topic");
            }
            topics.add(topic);
        }
        return topics;
    }

    private Topic topic(SiteSettings.TopicSettings form, String field) {
        if (form == null || form.letter() == null && form.names() == null) {
            throw invalid(field, "a topic is an object like {\"word\": \"KELA\", \"letter\": \"K\", "
                    + "\"names\": {\"en\": \"Kela benefits\"}}");
        }
        String word = required(form.word(), field + ".word").strip();
        if (!Topic.isValidWord(word)) {
            throw invalid(field + ".word", "one word of at most " + Topic.MAX_WORD_LENGTH + " letters or digits "
                    + "(not only digits), e.g. KELA; not \"" + shown(word) + "\"");
        }
        String letter = required(form.letter(), field + ".letter").strip().toUpperCase(Locale.ROOT);
        if (letter.length() != 1 || letter.charAt(0) < 'A' || letter.charAt(0) > 'Z') {
            throw invalid(field + ".letter", "one letter A-Z, e.g. K");
        }
        Map<String, String> names = new TreeMap<>();
        for (Map.Entry<String, String> name : required(form.names(), field + ".names").entrySet()) {
            String code = name.getKey() == null ? "" : name.getKey().strip().toLowerCase(Locale.ROOT);
            String nameField = field + ".names." + shown(code);
            if (catalogue.language(code).isEmpty()) {
                throw invalid(nameField, "unknown language \"" + shown(code) + "\"; known: " + knownLanguages());
            }
            String text = required(name.getValue(), nameField).strip();
            if (!Topic.isValidName(text)) {
                throw invalid(nameField, "1-" + Topic.MAX_NAME_LENGTH + " characters (the name appears in SMS)");
            }
            names.put(code, text);
        }
        if (!names.containsKey(Topic.FALLBACK_NAME_LANGUAGE)) {
            throw invalid(field + ".names", "an English name (\"en\") is required: other languages fall back to it");
        }
        return new Topic(word, letter.charAt(0), names);
    }

    private String knownLanguages() {
        return catalogue.languages().stream().map(Language::code).collect(Collectors.joining(", "));
    }

    private static int number(Integer given, int current, String field, int min, int max) {
        int value = given == null ? current : given;
        if (value < min || value > max) {
            throw invalid(field, "a whole number from " + min + " to " + max);
        }
        return value;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid(field, "required");
        }
        return value;
    }

    /** Enough of what was sent to recognise it, never a whole pasted text. */
    private static String shown(String text) {
        String clean = text == null ? "" : text.strip();
        return clean.length() > MAX_SHOWN ? clean.substring(0, MAX_SHOWN) + "…" : clean;
    }

    private static StaffRequestException numberTaken() {
        return invalid("smsNumber", "the number is already another site's; every site has its own number");
    }

    private static StaffRequestException invalid(String field, String message) {
        return StaffRequestException.invalid(field + ": " + message);
    }
}
