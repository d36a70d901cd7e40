package fi.vuoro.domain.sms;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.command.Command;
import fi.vuoro.domain.command.CommandParser;
import fi.vuoro.domain.command.ParsedCommand;
import fi.vuoro.domain.interpreter.InterpreterCommandParser;
import fi.vuoro.domain.interpreter.InterpreterWorld;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.language.SmsSegments;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.Topic;
import fi.vuoro.domain.testing.FigureLine;
import fi.vuoro.domain.testing.HostileText;
import fi.vuoro.domain.testing.QueueWorld;
import fi.vuoro.domain.visitor.VisitorProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Whatever a phone sends (any Unicode, any length), the SMS side never fails: the parsers return a command, and
 * every visitor and interpreter gets exactly one reply of at most two SMS segments, in a language they can read:
 * the language they chose before, the language of the keyword they wrote, the one they named, or the menu that
 * lists every language. The conversations run on the in-memory stores, where a failure could only be a bug: the
 * "try again" reply, which hides a failure from the sender, fails these properties.
 */
class HostileSmsPropertiesTest {

    private static final MessageCatalogue CATALOGUE = QueueWorld.CATALOGUE;
    private static final Instant NOON = Instant.parse("2026-11-24T10:00:00Z");
    private static final List<Topic> TOPICS = List.of(
            new Topic("KELA", 'K', Map.of("en", "Kela benefits", "fi", "Kela-etuudet", "ar", "مزايا كيلا")),
            new Topic("LUPA", 'L', Map.of("en", "Residence permit", "fi", "Oleskelulupa")));
    private static final Site PLAIN = new Site("plain", "Vuoro Demo", "+358500000001", OpeningHours.always(),
            Set.of("fi", "en"), Duration.ofMinutes(15), 2, 'A', Set.of());
    private static final Site WITH_TOPICS = new Site("topics", "Hervannan Kototori", "+358500000002",
            OpeningHours.always(), Set.of("fi", "sv", "en"), Duration.ofMinutes(15), 2, 'A', Set.of())
            .withTopics(TOPICS);
    private static final String TRY_AGAIN = CATALOGUE.render(CATALOGUE.fallbackLanguage(), MessageKey.TRY_AGAIN);
    /** Literal pieces of each language's messages that no other language's messages have. */
    private static final Map<String, Set<String>> OWN_FRAGMENTS = ownFragments();
    private static final AtomicInteger INPUTS = new AtomicInteger();
    private static final AtomicInteger REPLIES = new AtomicInteger();
    /** Replies that broke a promise, shrinking's retries included: 0 when every property holds. */
    private static final AtomicInteger VIOLATIONS = new AtomicInteger();

    private final CommandParser visitorParser = new CommandParser(CATALOGUE);
    private final InterpreterCommandParser interpreterParser = new InterpreterCommandParser(CATALOGUE);
    private final QueueWorld world = new QueueWorld(NOON).site(PLAIN).site(WITH_TOPICS).start();
    private final InterpreterWorld interpreters = new InterpreterWorld(NOON, PLAIN);
    private final AtomicInteger nextPhone = new AtomicInteger();

    @Provide
    Arbitrary<String> hostile() {
        return HostileText.texts(CATALOGUE, 2400);
    }

    @Provide
    Arbitrary<List<String>> conversations() {
        return HostileText.texts(CATALOGUE, 2400).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Optional<Language>> languages() {
        return Arbitraries.of(CATALOGUE.languages()).optional(0.7);
    }

    @Property(tries = 3000)
    void parsers_shouldReturnACommand_forAnyText(@ForAll("hostile") String text,
                                                 @ForAll("languages") Optional<Language> known) {
        INPUTS.incrementAndGet();
        assertNotNull(visitorParser.parse(text, known).command());
        assertNotNull(interpreterParser.parse(text, known).command());
    }

    @Property(tries = 1500)
    void visitor_shouldGetOneReadableReplyOfAtMostTwoSegments_toEveryMessage(
            @ForAll("conversations") List<String> messages) {
        String phone = "+3584011" + nextPhone.incrementAndGet();
        Site site = nextPhone.get() % 2 == 0 ? PLAIN : WITH_TOPICS;
        for (String body : messages) {
            INPUTS.incrementAndGet();
            Optional<Language> stored = world.queue.find(world.phones.hash(phone), world.clock.instant())
                    .map(VisitorProfile::language).flatMap(CATALOGUE::language);
            String reply = world.text(phone, site, body);
            assertReadableAndShort(reply, readableBy(body, stored), body);
        }
    }

    @Property(tries = 1000)
    void interpreter_shouldGetOneReadableReplyOfAtMostTwoSegments_toEveryMessage(
            @ForAll("conversations") List<String> messages,
            @ForAll("writtenTo") Language writtenTo) {
        String phone = "+3584022" + nextPhone.incrementAndGet();
        interpreters.add("Tulkki " + nextPhone.get(), phone, writtenTo.code(), Set.of("fa", "ar"), PLAIN);
        for (String body : messages) {
            INPUTS.incrementAndGet();
            Optional<Language> stored = interpreters.queue.queue.find(interpreters.queue.phones.hash(phone),
                    interpreters.queue.clock.instant()).map(VisitorProfile::language).flatMap(CATALOGUE::language);
            String reply = interpreters.queue.text(phone, PLAIN, body);
            // A visitor's keyword from an interpreter's number is a visitor's message (they may queue too).
            Set<String> readable = new HashSet<>(readableBy(body, stored));
            readable.add(writtenTo.code());
            interpreterParser.parse(body, Optional.of(writtenTo)).keywordLanguage()
                    .ifPresent(language -> readable.add(language.code()));
            assertReadableAndShort(reply, readable, body);
        }
    }

    @Provide
    Arbitrary<Language> writtenTo() {
        return Arbitraries.of(CATALOGUE.languages());
    }

    @AfterContainer
    static void publishFigures() {
        FigureLine.publish("hostile sms inputs=" + INPUTS.get() + " replies=" + REPLIES.get()
                + " languages=" + CATALOGUE.languages().size() + " violations=" + VIOLATIONS.get());
    }

    /** The languages a reply to this message may be in: stored, the keyword's, one named or chosen by number. */
    private Set<String> readableBy(String body, Optional<Language> stored) {
        Set<String> codes = new HashSet<>();
        stored.ifPresent(language -> codes.add(language.code()));
        ParsedCommand parsed = visitorParser.parse(body, stored);
        parsed.keywordLanguage().ifPresent(language -> codes.add(language.code()));
        Command command = parsed.command();
        if (command instanceof Command.Join join) {
            join.language().ifPresent(language -> codes.add(language.code()));
        } else if (command instanceof Command.ChangeLanguage change) {
            change.language().ifPresent(language -> codes.add(language.code()));
        } else if (command instanceof Command.MenuChoice choice) {
            CATALOGUE.menuChoice(choice.number()).ifPresent(language -> codes.add(language.code()));
        }
        if (codes.isEmpty()) {
            // Nothing tells the sender's language: the reply is the fallback language or the menu of all.
            codes.add(CATALOGUE.fallbackLanguage().code());
        }
        return codes;
    }

    private static void assertReadableAndShort(String reply, Set<String> readable, String body) {
        REPLIES.incrementAndGet();
        try {
            checkReadableAndShort(reply, readable, body);
        } catch (AssertionError violation) {
            VIOLATIONS.incrementAndGet();
            throw violation;
        }
    }

    private static void checkReadableAndShort(String reply, Set<String> readable, String body) {
        String sent = describe(body);
        assertNotNull(reply, sent);
        assertNotEquals(TRY_AGAIN, reply, "the conversation failed on " + sent);
        assertTrue(SmsSegments.segments(reply) <= SmsSegments.MAX_SEGMENTS,
                SmsSegments.segments(reply) + " segments: " + reply + " (to " + sent + ")");
        if (reply.equals(CATALOGUE.languageMenu())) {
            return;
        }
        Set<String> in = OWN_FRAGMENTS.entrySet().stream()
                .filter(language -> language.getValue().stream().anyMatch(reply::contains))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertTrue(in.stream().anyMatch(readable::contains),
                "reply in " + in + " to a sender who reads " + readable + ": " + reply + " (to " + sent + ")");
    }

    private static String describe(String body) {
        String head = body.length() > 80 ? body.substring(0, 80) + "…(" + body.length() + " chars)" : body;
        return head.codePoints().mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c)
                : String.valueOf((char) c)).collect(Collectors.joining());
    }

    private static Map<String, Set<String>> ownFragments() {
        Map<String, Set<String>> fragments = new HashMap<>();
        for (Language language : CATALOGUE.languages()) {
            Properties messages = new Properties();
            try (InputStream in = HostileSmsPropertiesTest.class.getClassLoader()
                    .getResourceAsStream("messages/" + language.code() + ".properties")) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Set<String> pieces = new HashSet<>();
            for (String key : messages.stringPropertyNames()) {
                if (key.matches("language\\.(code|name|order|direction|aliases)|name\\..*|keyword\\..*")) {
                    continue;
                }
                for (String piece : messages.getProperty(key).split("\\{[^}]*}")) {
                    if (piece.strip().length() >= 8) {
                        pieces.add(piece.strip());
                    }
                }
            }
            fragments.put(language.code(), pieces);
        }
        Map<String, Set<String>> own = new HashMap<>();
        fragments.forEach((code, pieces) -> own.put(code, pieces.stream()
                .filter(piece -> fragments.entrySet().stream().noneMatch(other -> !other.getKey().equals(code)
                        && other.getValue().stream().anyMatch(theirs -> theirs.contains(piece))))
                .collect(Collectors.toSet())));
        own.values().forEach(pieces -> assertTrue(!pieces.isEmpty(), "a language with no message of its own"));
        return own;
    }
}
