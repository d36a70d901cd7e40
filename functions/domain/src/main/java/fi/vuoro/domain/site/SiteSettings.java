package fi.vuoro.domain.site;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A site's settings as its coordinator reads and writes them. Opening hours are per weekday ({@code mon} … {@code
 * sun}), each a list of {@code HH:mm-HH:mm} periods ({@code 00:00-24:00} is all day, no periods is closed). In a
 * write, {@code name}, {@code smsNumber}, {@code timeZone}, {@code openingHours} and {@code staffLanguages} are
 * required; any other field left out (null) keeps the site's current value, or the default for a new site. A
 * {@code version} in a write must be the site's current one (it counts the site's saves); none means the write wins.
 */
public record SiteSettings(String name, String smsNumber, String timeZone, Map<String, List<String>> openingHours,
                           Set<String> staffLanguages, Integer desks, String ticketLetter, List<TopicSettings> topics,
                           Integer defaultServiceMinutes, Integer comeBackWhenAhead, Integer noShowGraceMinutes,
                           Integer interpreterWaveSize, Integer interpreterReplyMinutes,
                           Boolean interpreterReadyOnConfirmation, List<DayException> exceptions,
                           Integer retentionHours, Long version) {

    /**
     * A date ({@code 2026-12-24}) whose hours replace its weekday's ({@code []} is closed all day), with an optional
     * note by language code for visitors who text that day.
     */
    public record DayException(String date, List<String> hours, Map<String, String> note) {
    }

    /** Settings that leave the exceptions, the retention and the version out. */
    public SiteSettings(String name, String smsNumber, String timeZone, Map<String, List<String>> openingHours,
                        Set<String> staffLanguages, Integer desks, String ticketLetter, List<TopicSettings> topics,
                        Integer defaultServiceMinutes, Integer comeBackWhenAhead, Integer noShowGraceMinutes,
                        Integer interpreterWaveSize, Integer interpreterReplyMinutes,
                        Boolean interpreterReadyOnConfirmation) {
        this(name, smsNumber, timeZone, openingHours, staffLanguages, desks, ticketLetter, topics,
                defaultServiceMinutes, comeBackWhenAhead, noShowGraceMinutes, interpreterWaveSize,
                interpreterReplyMinutes, interpreterReadyOnConfirmation, null, null, null);
    }

    /**
     * A topic as its coordinator writes it: the word visitors text, the letter of its ticket codes and its name per
     * language code ({@code en} required).
     */
    public record TopicSettings(String word, String letter, Map<String, String> names) {

        static TopicSettings of(Topic topic) {
            return new TopicSettings(topic.word(), Character.toString(topic.letter()), topic.names());
        }
    }

    /** The settings a site has now. */
    public static SiteSettings of(Site site) {
        return of(site, LocalDate.MIN);
    }

    /** The settings a site has now, leaving out exceptions for dates before {@code today}. */
    public static SiteSettings of(Site site, LocalDate today) {
        Map<String, List<String>> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(dayName(day), site.openingHours().periods().getOrDefault(day, List.of()).stream()
                    .map(OpeningHours.Period::text).toList());
        }
        return new SiteSettings(site.name(), site.smsNumber(), Site.ZONE.getId(), hours, site.staffLanguages(),
                site.desks(), Character.toString(site.ticketLetter()),
                site.topics().stream().map(TopicSettings::of).toList(),
                (int) site.defaultServiceTime().toMinutes(), site.comeBackWhenAhead(),
                (int) site.noShowGrace().toMinutes(), site.interpreting().waveSize(),
                (int) site.interpreting().replyTimeout().toMinutes(), site.interpreting().readyOnConfirmation(),
                site.exceptions().stream().filter(e -> !e.date().isBefore(today)).map(SiteSettings::exception)
                        .toList(), (int) site.retention().toHours(),
                site.version());
    }

    private static DayException exception(OpeningException exception) {
        return new DayException(exception.date().toString(),
                exception.hours().stream().map(OpeningHours.Period::text).toList(), exception.note());
    }

    /** How a weekday is named in the settings: {@code mon} … {@code sun}. */
    public static String dayName(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }
}
