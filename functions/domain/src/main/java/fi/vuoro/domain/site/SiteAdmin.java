package fi.vuoro.domain.site;

import fi.vuoro.domain.audit.Audit;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.staff.StaffRequestException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
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
            InterpreterPolicy.DEFAULT.readyOnConfirmation(), List.of(), null, null);
    /** How far ahead an exception may be set: a year, leap day included. */
    static final int MAX_EXCEPTION_DAYS_AHEAD = 366;

    private static final Pattern SITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern PERIOD = Pattern.compile(
            "((?:[01][0-9]|2[0-3]):[0-5][0-9])-((?:[01][0-9]|2[0-3]):[0-5][0-9]|24:00)");
    private static final int MAX_SHOWN = 16;

    /** The site's settings as saved, and whether saving created it. */
    public record Saved(SiteSettings settings, boolean created) {
    }

    private final SiteStore store;
    private final MessageCatalogue catalogue;
    private final Clock clock;
    private final int defaultRetentionHours;
    private final Audit audit;

    public SiteAdmin(SiteStore store, MessageCatalogue catalogue) {
        this(store, catalogue, Clock.systemUTC(), Site.DEFAULT_RETENTION, Audit.none());
    }

    /** Every save is written to the site's audit trail: "created", or the names of the fields that changed. */
    public SiteAdmin(SiteStore store, MessageCatalogue catalogue, Audit audit) {
        this(store, catalogue, Clock.systemUTC(), Site.DEFAULT_RETENTION, audit);
    }

    public SiteAdmin(SiteStore store, MessageCatalogue catalogue, Clock clock, Duration defaultRetention) {
        this(store, catalogue, clock, defaultRetention, Audit.none());
    }

    /**
     * @param defaultRetention how long a new site keeps a visit after its day unless its coordinator says otherwise
     *                         (the deployment's setting, at most {@link Site#MAX_RETENTION})
     * @param audit            where every save is recorded: "created", or the names of the fields that changed
     */
    public SiteAdmin(SiteStore store, MessageCatalogue catalogue, Clock clock, Duration defaultRetention,
                     Audit audit) {
        this.store = store;
        this.catalogue = catalogue;
        this.clock = clock;
        this.defaultRetentionHours = (int) Math.min(defaultRetention.toHours(), Site.MAX_RETENTION.toHours());
        this.audit = audit;
    }

    public SiteSettings settings(StaffMember coordinator, String siteId) {
        coordinator.requireCoordinator(siteId);
        return store.findById(siteId).map(site -> SiteSettings.of(site, today()))
                .orElseThrow(() -> StaffRequestException.notFound(
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
        requireVersion(form, current);
        Site site = site(siteId, form, current.map(found -> SiteSettings.of(found, today())).orElse(NEW_SITE));
        Optional<String> owner = store.siteIdOfNumber(site.smsNumber());
        if (owner.isPresent() && !owner.get().equals(siteId)) {
            throw numberTaken();
        }
        SiteStore.Outcome outcome = current.isPresent() ? store.replace(current.get(), site) : store.create(site);
        switch (outcome) {
            case SAVED:
                audit.settingsSaved(coordinator, siteId, current.map(SiteSettings::of), SiteSettings.of(site));
                return new Saved(SiteSettings.of(site), current.isEmpty());
            case NUMBER_TAKEN:
                throw numberTaken();
            default:
                throw changedMeanwhile();
        }
    }

    /** A write that names the version it was made from loses to any save since. */
    private static void requireVersion(SiteSettings form, Optional<Site> current) {
        if (form.version() != null && form.version() != current.map(Site::version).orElse(0L)) {
            throw changedMeanwhile();
        }
    }

    private static StaffRequestException changedMeanwhile() {
        return StaffRequestException.conflict("The site's settings were changed meanwhile: reload and try again");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Site.ZONE));
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
        List<OpeningException> exceptions = form.exceptions() == null ? kept(base.exceptions())
                : exceptions(form.exceptions());
        int retentionHours = number(form.retentionHours(),
                base.retentionHours() == null ? defaultRetentionHours : base.retentionHours(), "retentionHours", 1,
                (int) Site.MAX_RETENTION.toHours());
        long version = base.version() == null ? 1 : base.version() + 1;
        return new Site(siteId, name, number, hours, staffLanguages, Duration.ofMinutes(serviceMinutes), desks,
                ticketLetter, topics, comeBack, Duration.ofMinutes(graceMinutes),
                new InterpreterPolicy(waveSize, Duration.ofMinutes(replyMinutes), readyOnConfirmation), exceptions,
                Duration.ofHours(retentionHours), version);
    }

    private static OpeningHours openingHours(Map<String, List<String>> byDay) {
        Map<DayOfWeek, List<OpeningHours.Period>> periods = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, List<String>> entry : byDay.entrySet()) {
            DayOfWeek day = day(entry.getKey());
            String field = "openingHours." + SiteSettings.dayName(day);
            if (periods.containsKey(day)) {
                throw invalid(field, "the day is given twice");
            }
            periods.put(day, periods(required(entry.getValue(), field), field));
        }
        return new OpeningHours(periods);
    }

    /** A day's periods, in order, none overlapping another. */
    private static List<OpeningHours.Period> periods(List<String> texts, String field) {
        List<OpeningHours.Period> list = new ArrayList<>();
        for (String text : texts) {
            list.add(period(text, field));
        }
        list.sort(Comparator.comparing(OpeningHours.Period::start));
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).start().isBefore(list.get(i - 1).end())) {
                throw invalid(field, list.get(i - 1).text() + " and " + list.get(i).text() + " overlap");
            }
        }
        return list;
    }

    /** The exceptions as given: each a date from today to a year ahead, given once, with valid hours and note. */
    private List<OpeningException> exceptions(List<SiteSettings.DayException> given) {
        LocalDate today = today();
        Set<LocalDate> dates = new HashSet<>();
        List<OpeningException> exceptions = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "exceptions[" + i + "]";
            SiteSettings.DayException exception = required(given.get(i), field);
            LocalDate date = date(required(exception.date(), field + ".date"), field + ".date", today);
            if (!dates.add(date)) {
                throw invalid(field + ".date", date + " is given twice; give each date once");
            }
            exceptions.add(new OpeningException(date, periods(required(exception.hours(), field + ".hours"),
                    field + ".hours"), note(exception.note(), field + ".note")));
        }
        return exceptions;
    }

    /** The exceptions kept when a write leaves them out; those whose date has passed are of no use any more. */
    private List<OpeningException> kept(List<SiteSettings.DayException> current) {
        return current.stream().map(e -> new OpeningException(LocalDate.parse(e.date()),
                periods(e.hours(), "exceptions"), e.note())).filter(e -> !e.date().isBefore(today())).toList();
    }

    private static LocalDate date(String text, String field, LocalDate today) {
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "\"" + shown(text) + "\" is not a date like 2026-12-24");
        }
        if (date.isBefore(today)) {
            throw invalid(field, date + " has passed; an exception is for today (" + today + ") or later");
        }
        if (date.isAfter(today.plusDays(MAX_EXCEPTION_DAYS_AHEAD))) {
            throw invalid(field, date + " is more than " + MAX_EXCEPTION_DAYS_AHEAD + " days ahead");
        }
        return date;
    }

    /** A note per language the catalogue has, each a short text (it shares the closed reply's SMS). */
    private Map<String, String> note(Map<String, String> note, String field) {
        Map<String, String> clean = new TreeMap<>();
        if (note == null) {
            return clean;
        }
        for (Map.Entry<String, String> entry : note.entrySet()) {
            String code = language(entry.getKey(), field);
            String text = entry.getValue() == null ? "" : entry.getValue().strip();
            if (text.isEmpty()) {
                throw invalid(field + "." + code, "the note is empty; leave the language out instead");
            }
            if (text.codePointCount(0, text.length()) > OpeningException.MAX_NOTE_LENGTH) {
                throw invalid(field + "." + code, "at most " + OpeningException.MAX_NOTE_LENGTH
                        + " characters (it is sent with the closed reply)");
            }
            clean.put(code, text);
        }
        return clean;
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
            known.add(language(code, "staffLanguages"));
        }
        return known;
    }

    /** A language code the message catalogue has. */
    private String language(String code, String field) {
        String clean = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return catalogue.language(clean).map(Language::code).orElseThrow(() -> invalid(field,
                "unknown language \"" + shown(clean) + "\"; known: " + catalogue.languages().stream()
                        .map(Language::code).collect(Collectors.joining(", "))));
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
