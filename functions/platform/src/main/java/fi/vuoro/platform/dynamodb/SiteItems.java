package fi.vuoro.platform.dynamodb;

import fi.vuoro.domain.site.InterpreterPolicy;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps a site to its profile item and back (the form docs/deploy.md shows for adding a site). */
final class SiteItems {

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
                interpreting(item));
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
            String periods = day.getValue().stream().map(OpeningHours.Period::text).collect(Collectors.joining(","));
            byDay.put(day.getKey().name().substring(0, 3), AttributeValue.fromS(periods));
        }
        return byDay;
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
