package fi.vuoro.domain.site;

import fi.vuoro.domain.language.PlaceholderLimits;
import fi.vuoro.domain.language.TextNormalizer;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One drop-in advice point. Its SMS number selects it for an inbound message; its name appears in
 * SMS, so it is short and written in GSM-7 characters to keep every reply within two segments.
 */
public record Site(
        String id,
        String name,
        String smsNumber,
        OpeningHours openingHours,
        Set<String> staffLanguages,
        Duration defaultServiceTime,
        int desks,
        char ticketLetter,
        List<Topic> topics,
        int comeBackWhenAhead,
        Duration noShowGrace,
        InterpreterPolicy interpreting,
        List<OpeningException> exceptions,
        Duration retention,
        long version) {

    public static final int DEFAULT_COME_BACK_WHEN_AHEAD = 3;
    public static final Duration DEFAULT_NO_SHOW_GRACE = Duration.ofMinutes(10);
    public static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
    /** How long a visit is kept after its service day when nobody said otherwise (the template's default). */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(48);
    /** Personal data is kept a few days at most, whatever a site or deployment asks. */
    public static final Duration MAX_RETENTION = Duration.ofHours(72);
    public static final int MAX_NAME_LENGTH = 24;
    /** Topics are chosen by one digit from the topic menu. */
    public static final int MAX_TOPICS = PlaceholderLimits.MAX_TOPICS;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern GSM_SAFE_NAME = Pattern.compile("[A-Za-z0-9ÄÖÅäöåÜüÉé .,'()/&-]+");

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(openingHours, "openingHours");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("A site name is 1-" + MAX_NAME_LENGTH + " plain letters, digits and spaces");
        }
        if (!isE164(smsNumber)) {
            throw new IllegalArgumentException("A site's SMS number is in E.164 form, e.g. +358401234567");
        }
        if (desks < 1) {
            throw new IllegalArgumentException("A site has at least one desk");
        }
        if (defaultServiceTime == null || defaultServiceTime.isNegative() || defaultServiceTime.isZero()) {
            throw new IllegalArgumentException("A site's default service time is positive");
        }
        if (ticketLetter < 'A' || ticketLetter > 'Z') {
            throw new IllegalArgumentException("A ticket letter is one of A-Z");
        }
        if (comeBackWhenAhead < 0) {
            throw new IllegalArgumentException("The come-back threshold cannot be negative");
        }
        if (noShowGrace == null || noShowGrace.isNegative() || noShowGrace.isZero()) {
            throw new IllegalArgumentException("A site's no-show grace time is positive");
        }
        Objects.requireNonNull(interpreting, "interpreting");
        exceptions = exceptions.stream().sorted(Comparator.comparing(OpeningException::date)).toList();
        if (retention == null || retention.compareTo(Duration.ofHours(1)) < 0
                || retention.compareTo(MAX_RETENTION) > 0) {
            throw new IllegalArgumentException("A site keeps a visit 1-72 hours after its day");
        }
        staffLanguages = Set.copyOf(staffLanguages);
        topics = List.copyOf(topics);
        checkTopics(topics);
    }

    private static void checkTopics(List<Topic> topics) {
        if (topics.size() > MAX_TOPICS) {
            throw new IllegalArgumentException("A site has at most " + MAX_TOPICS + " topics");
        }
        Set<Character> letters = new HashSet<>();
        Set<String> words = new HashSet<>();
        for (Topic topic : topics) {
            if (!letters.add(topic.letter())) {
                throw new IllegalArgumentException("Two topics have the ticket letter " + topic.letter());
            }
            if (!words.add(TextNormalizer.normalize(topic.word()))) {
                throw new IllegalArgumentException("Two topics have the word " + topic.word());
            }
        }
    }

    /**
     * The topics a site stored as plain words had (the oldest form): each word becomes a topic, in order, with the
     * first letter of it that neither an earlier topic nor the site's own ticket letter has.
     */
    public static List<Topic> topicsOfWords(Iterable<String> words, char siteTicketLetter) {
        List<Topic> topics = new ArrayList<>();
        Set<Character> taken = new HashSet<>(Set.of(siteTicketLetter));
        for (String word : words) {
            Topic topic = Topic.fromWord(word, taken);
            taken.add(topic.letter());
            topics.add(topic);
        }
        return topics;
    }

    /** A name a site can have: it appears in SMS, so it is short and GSM-7 only. */
    public static boolean isValidName(String name) {
        return name != null && name.length() <= MAX_NAME_LENGTH && GSM_SAFE_NAME.matcher(name).matches();
    }

    /** A number in E.164 form, e.g. +358401234567. */
    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /** The site's topic named by the first word of what the visitor wrote (after the join word), if any. */
    public Optional<Topic> topicNamedIn(String text) {
        List<String> words = TextNormalizer.words(text);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        return topics.stream().filter(topic -> topic.isNamedBy(words.get(0))).findFirst();
    }

    /** The site's topic with this word (any case), if it has one. */
    public Optional<Topic> topic(String word) {
        return topics.stream().filter(topic -> topic.word().equalsIgnoreCase(word.strip())).findFirst();
    }

    /** The letter of a ticket's code: its topic's letter, or the site's for a ticket without a topic. */
    public char ticketLetterFor(Optional<String> topicWord) {
        return topicWord.flatMap(this::topic).map(Topic::letter).orElse(ticketLetter);
    }

    /** A site with no exceptions to its weekly hours, the default retention, not saved by a coordinator yet. */
    public Site(String id, String name, String smsNumber, OpeningHours openingHours, Set<String> staffLanguages,
                Duration defaultServiceTime, int desks, char ticketLetter, List<Topic> topics, int comeBackWhenAhead,
                Duration noShowGrace, InterpreterPolicy interpreting) {
        this(id, name, smsNumber, openingHours, staffLanguages, defaultServiceTime, desks, ticketLetter, topics,
                comeBackWhenAhead, noShowGrace, interpreting, List.of(), DEFAULT_RETENTION, 0);
    }

    /** When the site is open: its weekly hours with its exceptions (holidays, "closed today"). */
    public OpeningCalendar calendar() {
        return new OpeningCalendar(openingHours, exceptions);
    }

    /** The same site, keeping its visits this long after their day. */
    public Site withRetention(Duration keep) {
        return new Site(id, name, smsNumber, openingHours, staffLanguages, defaultServiceTime, desks, ticketLetter,
                topics, comeBackWhenAhead, noShowGrace, interpreting, exceptions, keep, version);
    }

    /** A site with the default way of finding interpreters, its topics given by their words only. */
    public Site(String id, String name, String smsNumber, OpeningHours openingHours, Set<String> staffLanguages,
                Duration defaultServiceTime, int desks, char ticketLetter, Set<String> topicWords, int comeBackWhenAhead,
                Duration noShowGrace) {
        this(id, name, smsNumber, openingHours, staffLanguages, defaultServiceTime, desks, ticketLetter,
                topicsOfWords(topicWords.stream().sorted().toList(), ticketLetter), comeBackWhenAhead, noShowGrace,
                InterpreterPolicy.DEFAULT);
    }

    /** The same site with these topics. */
    public Site withTopics(List<Topic> newTopics) {
        return new Site(id, name, smsNumber, openingHours, staffLanguages, defaultServiceTime, desks, ticketLetter,
                newTopics, comeBackWhenAhead, noShowGrace, interpreting, exceptions, retention, version);
    }

    /** The same site, finding interpreters this way. */
    public Site withInterpreting(InterpreterPolicy policy) {
        return new Site(id, name, smsNumber, openingHours, staffLanguages, defaultServiceTime, desks, ticketLetter,
                topics, comeBackWhenAhead, noShowGrace, policy, exceptions, retention, version);
    }

    /** A site with the default come-back threshold and no-show grace time. */
    public Site(String id, String name, String smsNumber, OpeningHours openingHours, Set<String> staffLanguages,
                Duration defaultServiceTime, int desks, char ticketLetter, Set<String> topicWords) {
        this(id, name, smsNumber, openingHours, staffLanguages, defaultServiceTime, desks, ticketLetter, topicWords,
                DEFAULT_COME_BACK_WHEN_AHEAD, DEFAULT_NO_SHOW_GRACE);
    }

    /** Whether the site's own staff speak the language, so no interpreter is needed. */
    public boolean staffSpeak(String languageCode) {
        return staffLanguages.contains(languageCode);
    }
}
