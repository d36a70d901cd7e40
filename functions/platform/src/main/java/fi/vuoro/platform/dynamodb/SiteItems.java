package fi.vuoro.platform.dynamodb;

import fi.vuoro.domain.site.InterpreterPolicy;
import fi.vuoro.domain.site.OpeningException;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps a site to its profile item and back (the form docs/deploy.md shows for adding a site). */
final class SiteItems {

    /** How many times the site's settings were saved; a write names the count it read. */
    static final String VERSION = "version";

    private SiteItems() {
    }

    static Map<String, AttributeValue> toItem(Site site) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.site(site.id()), Keys.PROFILE));
        item.put("siteId", AttributeValue.fromS(site.id()));
        item.put("name", AttributeValue.fromS(site.name()));
        item.put("smsNumber", AttributeValue.fromS(site.smsNumber()));
        item.put("openingHours", AttributeValue.fromM(openingHours(site.openingHours())));
        item.put("staffLanguages", strings(site.staffLanguages()));
        item.put("defaultServiceMinutes", AttributeValue.fromN(Long.toString(site.defaultServiceTime().toMinutes())));
        item.put("desks", AttributeValue.fromN(Integer.toString(site.desks())));
        item.put("ticketLetter", AttributeValue.fromS(Character.toString(site.ticketLetter())));
        item.put(TopicItems.ATTRIBUTE, TopicItems.toAttribute(site.topics()));
        item.put("comeBackWhenAhead", AttributeValue.fromN(Integer.toString(site.comeBackWhenAhead())));
        item.put("noShowGraceMinutes", AttributeValue.fromN(Long.toString(site.noShowGrace().toMinutes())));
        item.put("interpreterWaveSize", AttributeValue.fromN(Integer.toString(site.interpreting().waveSize())));
        item.put("interpreterReplyMinutes",
                AttributeValue.fromN(Long.toString(site.interpreting().replyTimeout().toMinutes())));
        item.put("interpreterReadyOnConfirmation", AttributeValue.fromBool(site.interpreting().readyOnConfirmation()));
        item.put("exceptions", AttributeValue.fromL(site.exceptions().stream().map(SiteItems::exception).toList()));
        item.put("retentionHours", AttributeValue.fromN(Long.toString(site.retention().toHours())));
        item.put(VERSION, AttributeValue.fromN(Long.toString(site.version())));
        return item;
    }

    /** The route from the site's SMS number to the site: one number, one site. */
    static Map<String, AttributeValue> routeItem(Site site) {
        return Map.of(
                Keys.PK, AttributeValue.fromS(Keys.number(site.smsNumber())),
                Keys.SK, AttributeValue.fromS(Keys.ROUTE),
                "siteId", AttributeValue.fromS(site.id()));
    }

    /** The site's entry in the list of every site, for scheduled jobs. */
    static Map<String, AttributeValue> registryItem(Site site) {
        return Map.of(
                Keys.PK, AttributeValue.fromS(Keys.SITES),
                Keys.SK, AttributeValue.fromS(Keys.site(site.id())),
                "siteId", AttributeValue.fromS(site.id()));
    }

    static Site fromItem(Map<String, AttributeValue> item) {
        return fromItem(item, Site.DEFAULT_RETENTION);
    }

    /** A site from its item; one stored before it said how long it keeps visits keeps them {@code retention}. */
    static Site fromItem(Map<String, AttributeValue> item, Duration retention) {
        Map<String, String> hours = new LinkedHashMap<>();
        item.getOrDefault("openingHours", AttributeValue.fromM(Map.of())).m()
                .forEach((day, periods) -> hours.put(day, periods.s()));
        return new Site(
                Attributes.string(item, "siteId"),
                Attributes.string(item, "name"),
                Attributes.string(item, "smsNumber"),
                OpeningHours.parse(hours),
                stringSet(item, "staffLanguages"),
                Duration.ofMinutes(Attributes.number(item, "defaultServiceMinutes")),
                (int) Attributes.number(item, "desks"),
                Attributes.string(item, "ticketLetter").charAt(0),
                TopicItems.fromItem(item, Attributes.string(item, "ticketLetter").charAt(0)),
                item.containsKey("comeBackWhenAhead") ? (int) Attributes.number(item, "comeBackWhenAhead")
                        : Site.DEFAULT_COME_BACK_WHEN_AHEAD,
                item.containsKey("noShowGraceMinutes") ? Duration.ofMinutes(Attributes.number(item, "noShowGraceMinutes"))
                        : Site.DEFAULT_NO_SHOW_GRACE,
                interpreting(item),
                item.containsKey("exceptions") ? item.get("exceptions").l().stream().map(SiteItems::exception).toList()
                        : List.of(),
                item.containsKey("retentionHours") ? Duration.ofHours(Attributes.number(item, "retentionHours"))
                        : retention,
                item.containsKey(VERSION) ? Attributes.number(item, VERSION) : 0);
    }

    /** An exception as a map: its date, its periods written like a weekday's, and its note by language. */
    private static AttributeValue exception(OpeningException exception) {
        Map<String, AttributeValue> note = new HashMap<>();
        exception.note().forEach((language, text) -> note.put(language, AttributeValue.fromS(text)));
        return AttributeValue.fromM(Map.of(
                "date", AttributeValue.fromS(exception.date().toString()),
                "hours", AttributeValue.fromS(periods(exception.hours())),
                "note", AttributeValue.fromM(note)));
    }

    private static OpeningException exception(AttributeValue value) {
        Map<String, AttributeValue> map = value.m();
        Map<String, String> note = new HashMap<>();
        map.getOrDefault("note", AttributeValue.fromM(Map.of())).m()
                .forEach((language, text) -> note.put(language, text.s()));
        return new OpeningException(LocalDate.parse(map.get("date").s()),
                OpeningHours.parse(Map.of("MON", map.get("hours").s())).periods().get(DayOfWeek.MONDAY), note);
    }

    /** How the site finds interpreters; a site stored before it said so gets the defaults. */
    private static InterpreterPolicy interpreting(Map<String, AttributeValue> item) {
        InterpreterPolicy defaults = InterpreterPolicy.DEFAULT;
        return new InterpreterPolicy(
                item.containsKey("interpreterWaveSize") ? (int) Attributes.number(item, "interpreterWaveSize")
                        : defaults.waveSize(),
                item.containsKey("interpreterReplyMinutes")
                        ? Duration.ofMinutes(Attributes.number(item, "interpreterReplyMinutes")) : defaults.replyTimeout(),
                item.containsKey("interpreterReadyOnConfirmation") ? Attributes.bool(item, "interpreterReadyOnConfirmation")
                        : defaults.readyOnConfirmation());
    }

    private static Map<String, AttributeValue> openingHours(OpeningHours hours) {
        Map<String, AttributeValue> byDay = new LinkedHashMap<>();
        for (Map.Entry<DayOfWeek, List<OpeningHours.Period>> day : hours.periods().entrySet()) {
            byDay.put(day.getKey().name().substring(0, 3), AttributeValue.fromS(periods(day.getValue())));
        }
        return byDay;
    }

    private static String periods(List<OpeningHours.Period> periods) {
        return periods.stream().map(OpeningHours.Period::text).collect(Collectors.joining(","));
    }

    private static AttributeValue strings(Set<String> values) {
        return AttributeValue.fromL(values.stream().sorted().map(AttributeValue::fromS).toList());
    }

    private static Set<String> stringSet(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return Set.of();
        }
        if (value.hasSs()) {
            return Set.copyOf(value.ss());
        }
        return value.l().stream().map(AttributeValue::s).collect(Collectors.toUnmodifiableSet());
    }
}
