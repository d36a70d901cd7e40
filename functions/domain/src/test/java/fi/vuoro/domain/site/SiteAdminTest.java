package fi.vuoro.domain.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.staff.SiteAccessDeniedException;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.staff.StaffRequestException;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SiteAdminTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();
    private static final StaffMember COORDINATOR = new StaffMember("coordinator", Set.of(),
            Set.of("demo", "hervanta"));
    private static final StaffMember STAFF = new StaffMember("anna", Set.of("demo"));

    private final InMemorySites store = new InMemorySites();
    private final SiteAdmin admin = new SiteAdmin(store, CATALOGUE);

    private static Map<String, List<String>> weekdays(String... periods) {
        Map<String, List<String>> hours = new LinkedHashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri")) {
            hours.put(day, List.of(periods));
        }
        return hours;
    }

    private static SiteSettings form(String name, String number, Map<String, List<String>> hours) {
        return new SiteSettings(name, number, "Europe/Helsinki", hours, Set.of("fi", "en"), null, null, null, null,
                null, null, null, null, null);
    }

    private static SiteSettings hervanta() {
        return form("Hervanta", "+358401110001", weekdays("09:00-12:00", "13:00-16:00"));
    }

    private static SiteSettings.TopicSettings kela(String letter) {
        return new SiteSettings.TopicSettings("kela", letter, Map.of("en", "Kela benefits", "fi", "Kela-etuudet"));
    }

    private static SiteSettings withTopics(SiteSettings.TopicSettings... topics) {
        SiteSettings form = hervanta();
        return new SiteSettings(form.name(), form.smsNumber(), form.timeZone(), form.openingHours(),
                form.staffLanguages(), null, null, List.of(topics), null, null, null, null, null, null);
    }

    private String refusal(Executable save) {
        StaffRequestException e = assertThrows(StaffRequestException.class, save);
        assertEquals(StaffRequestException.Reason.INVALID, e.reason());
        return e.getMessage();
    }

    private void assertNothingSaved() {
        assertEquals(Optional.empty(), store.findById("hervanta"));
    }

    @Test
    void save_shouldCreateTheSite_withDefaultsForWhatIsLeftOut() {
        SiteAdmin.Saved saved = admin.save(COORDINATOR, "hervanta", hervanta());

        assertTrue(saved.created());
        Site site = store.findById("hervanta").orElseThrow();
        assertEquals("Hervanta", site.name());
        assertEquals(Optional.of("hervanta"), store.siteIdOfNumber("+358401110001"));
        assertTrue(site.openingHours().isOpen(ZonedDateTime.parse("2026-11-23T13:30:00+02:00[Europe/Helsinki]")));
        assertFalse(site.openingHours().isOpen(ZonedDateTime.parse("2026-11-23T12:30:00+02:00[Europe/Helsinki]")));
        assertFalse(site.openingHours().isOpen(ZonedDateTime.parse("2026-11-28T10:00:00+02:00[Europe/Helsinki]")));
        assertEquals(1, site.desks());
        assertEquals('A', site.ticketLetter());
        assertEquals(InterpreterPolicy.DEFAULT, site.interpreting());
        assertEquals(List.of(), saved.settings().openingHours().get("sun"), "every day is shown, closed ones empty");
    }

    @Test
    void save_shouldKeepTheCurrentValue_ofEverySettingLeftOut() {
        admin.save(COORDINATOR, "hervanta", new SiteSettings("Hervanta", "+358401110001", "Europe/Helsinki",
                weekdays("09:00-16:00"), Set.of("fi"), 3, "h", List.of(kela("k")), 20, 5, 7, 3, 9, true));

        SiteAdmin.Saved saved = admin.save(COORDINATOR, "hervanta", form("Hervanta Centre", "+358401110001",
                Map.of("mon", List.of("00:00-24:00"))));

        assertFalse(saved.created());
        assertEquals(new SiteSettings("Hervanta Centre", "+358401110001", "Europe/Helsinki",
                        Map.of("mon", List.of("00:00-24:00"), "tue", List.of(), "wed", List.of(), "thu", List.of(),
                                "fri", List.of(), "sat", List.of(), "sun", List.of()),
                        Set.of("fi", "en"), 3, "H", List.of(new SiteSettings.TopicSettings("KELA", "K",
                                Map.of("en", "Kela benefits", "fi", "Kela-etuudet"))), 20, 5, 7, 3, 9, true, List.of(), 48, 2L),
                admin.settings(COORDINATOR, "hervanta"));
    }

    @Test
    void save_shouldMoveTheNumber_whenTheSiteGetsANewOne() {
        admin.save(COORDINATOR, "hervanta", hervanta());

        admin.save(COORDINATOR, "hervanta", form("Hervanta", "+358401110002", weekdays("09:00-16:00")));

        assertEquals(Optional.of("hervanta"), store.siteIdOfNumber("+358401110002"));
        assertEquals(Optional.empty(), store.siteIdOfNumber("+358401110001"));
    }

    @Test
    void save_shouldBeRefused_forStaffWhoDoNotCoordinateTheSite() {
        assertThrows(SiteAccessDeniedException.class, () -> admin.save(STAFF, "demo", hervanta()));
        assertThrows(SiteAccessDeniedException.class, () -> admin.save(COORDINATOR, "kaleva", hervanta()));
        assertThrows(SiteAccessDeniedException.class, () -> admin.settings(STAFF, "demo"));
    }

    @Test
    void settings_shouldBeNotFound_forASiteNotCreatedYet() {
        StaffRequestException e = assertThrows(StaffRequestException.class,
                () -> admin.settings(COORDINATOR, "hervanta"));
        assertEquals(StaffRequestException.Reason.NOT_FOUND, e.reason());
    }

    @Test
    void save_shouldRefuseHours_thatOverlap() {
        String message = refusal(() -> admin.save(COORDINATOR, "hervanta", form("Hervanta", "+358401110001",
                Map.of("tue", List.of("13:00-16:00", "09:00-13:30")))));
        assertEquals("openingHours.tue: 09:00-13:30 and 13:00-16:00 overlap", message);
        assertNothingSaved();
    }

    @Test
    void save_shouldRefuseHours_thatEndBeforeTheyStart() {
        assertEquals("openingHours.mon: 16:00-09:00 ends before it starts", refusal(() -> admin.save(COORDINATOR,
                "hervanta", form("Hervanta", "+358401110001", Map.of("mon", List.of("16:00-09:00"))))));
        assertNothingSaved();
    }

    @Test
    void save_shouldRefuseHours_notWrittenAsPeriodsOrOnUnknownDays() {
        assertTrue(refusal(() -> admin.save(COORDINATOR, "hervanta", form("Hervanta", "+358401110001",
                Map.of("wed", List.of("9-16"))))).startsWith("openingHours.wed: \"9-16\" is not a period"));
        assertTrue(refusal(() -> admin.save(COORDINATOR, "hervanta", form("Hervanta", "+358401110001",
                Map.of("monday", List.of("09:00-16:00"))))).startsWith("openingHours: unknown day \"monday\""));
        assertNothingSaved();
    }

    @Test
    void save_shouldRefuseANumber_notInE164Form() {
        assertTrue(refusal(() -> admin.save(COORDINATOR, "hervanta", form("Hervanta", "0401110001",
                weekdays("09:00-16:00")))).startsWith("smsNumber: "));
        assertNothingSaved();
    }

    @Test
    void save_shouldRefuseANumber_thatIsAnotherSites() {
        admin.save(COORDINATOR, "demo", form("Demo", "+358401110001", weekdays("09:00-16:00")));

        assertTrue(refusal(() -> admin.save(COORDINATOR, "hervanta", hervanta()))
                .startsWith("smsNumber: the number is already another site's"));
        assertNothingSaved();
    }

    @Test
    void save_shouldRefuseEveryTimeZoneButHelsinki_sayingSo() {
        SiteSettings stockholm = new SiteSettings("Hervanta", "+358401110001", "Europe/Stockholm",
                weekdays("09:00-16:00"), Set.of("fi"), null, null, null, null, null, null, null, null, null);

        String message = refusal(() -> admin.save(COORDINATOR, "hervanta", stockholm));

        assertTrue(message.startsWith("timeZone: only Europe/Helsinki is supported for now"), message);
        assertNothingSaved();
    }

    @Test
    void save_shouldRefuseAnUnknownLanguage() {
        SiteSettings klingon = new SiteSettings("Hervanta", "+358401110001", "Europe/Helsinki",
                weekdays("09:00-16:00"), Set.of("fi", "tlh"), null, null, null, null, null, null, null, null, null);

        assertTrue(refusal(() -> admin.save(COORDINATOR, "hervanta", klingon))
                .startsWith("staffLanguages: unknown language \"tlh\"; known: "));
        assertNothingSaved();
    }

    @Test
    void save_shouldRefuseANameThatCannotAppearInAnSms() {
        assertTrue(refusal(() -> admin.save(COORDINATOR, "hervanta", form("Hervanta ☺", "+358401110001",
                weekdays("09:00-16:00")))).startsWith("name: "));
        assertTrue(refusal(() -> admin.save(COORDINATOR, "hervanta", form("A name far too long for an SMS",
                "+358401110001", weekdays("09:00-16:00")))).startsWith("name: "));
        assertEquals("name: required", refusal(() -> admin.save(COORDINATOR, "hervanta", form(null,
                "+358401110001", weekdays("09:00-16:00")))));
        assertNothingSaved();
    }

    @Test
    void save_shouldRefuseNumbersOutOfRange_namingTheField() {
        SiteSettings noDesks = new SiteSettings("Hervanta", "+358401110001", "Europe/Helsinki",
                weekdays("09:00-16:00"), Set.of("fi"), 0, null, null, null, null, null, null, null, null);
        SiteSettings hugeWave = new SiteSettings("Hervanta", "+358401110001", "Europe/Helsinki",
                weekdays("09:00-16:00"), Set.of("fi"), null, null, null, null, null, null, 11, null, null);

        assertEquals("desks: a whole number from 1 to 50", refusal(() -> admin.save(COORDINATOR, "hervanta", noDesks)));
        assertTrue(refusal(() -> admin.save(COORDINATOR, "hervanta", hugeWave)).startsWith("interpreterWaveSize: "));
        assertNothingSaved();
    }

    @Test
    void save_shouldKeepTopicsInTheirOrder_withTheirLettersAndNames() {
        SiteSettings.TopicSettings lupa = new SiteSettings.TopicSettings("Lupa", "l",
                Map.of("en", "Residence permit", "ar", "تصريح الإقامة"));

        admin.save(COORDINATOR, "hervanta", withTopics(lupa, kela("K")));

        Site site = store.findById("hervanta").orElseThrow();
        assertEquals(List.of("LUPA", "KELA"), site.topics().stream().map(Topic::word).toList());
        assertEquals(List.of('L', 'K'), site.topics().stream().map(Topic::letter).toList());
        assertEquals("تصريح الإقامة", site.topics().get(0).name("ar"));
        assertEquals("Residence permit", site.topics().get(0).name("fi"), "a missing name falls back to English");
    }

    @Test
    void save_shouldRefuseATopicLetter_thatAnotherTopicHas() {
        SiteSettings.TopicSettings koti = new SiteSettings.TopicSettings("KOTI", "K", Map.of("en", "Home"));

        assertEquals("topics[1].letter: K is already the letter of topic KELA",
                refusal(() -> admin.save(COORDINATOR, "hervanta", withTopics(kela("K"), koti))));
        assertEquals("topics[0].letter: A is already the ticketLetter of tickets without a topic",
                refusal(() -> admin.save(COORDINATOR, "hervanta", withTopics(kela("A")))));
        assertNothingSaved();
    }

    @Test
    void save_shouldRefuseTwoTopics_withTheSameWordInAnyCase() {
        assertEquals("topics[1].word: KELA is already the word of topic KELA",
                refusal(() -> admin.save(COORDINATOR, "hervanta", withTopics(kela("K"), kela("L")))));
        assertNothingSaved();
    }

    @Test
    void save_shouldRefuseTopicNames_inAnUnknownLanguage_withoutEnglish_orTooLong() {
        SiteSettings.TopicSettings klingon = new SiteSettings.TopicSettings("KELA", "K",
                Map.of("en", "Kela", "tlh", "Kela"));
        SiteSettings.TopicSettings noEnglish = new SiteSettings.TopicSettings("KELA", "K", Map.of("fi", "Kela"));
        SiteSettings.TopicSettings tooLong = new SiteSettings.TopicSettings("KELA", "K",
                Map.of("en", "K".repeat(Topic.MAX_NAME_LENGTH + 1)));

        assertTrue(refusal(() -> admin.save(COORDINATOR, "hervanta", withTopics(klingon)))
                .startsWith("topics[0].names.tlh: unknown language \"tlh\""));
        assertTrue(refusal(() -> admin.save(COORDINATOR, "hervanta", withTopics(noEnglish)))
                .startsWith("topics[0].names: an English name (\"en\") is required"));
        assertTrue(refusal(() -> admin.save(COORDINATOR, "hervanta", withTopics(tooLong)))
                .startsWith("topics[0].names.en: 1-30 characters"));
        assertNothingSaved();
    }

    @Test
    void save_shouldRefuseATopicWord_thatIsNotOneWord_orOnlyDigits_orAPlainWordWithoutLetterAndNames() {
        assertTrue(refusal(() -> admin.save(COORDINATOR, "hervanta", withTopics(
                new SiteSettings.TopicSettings("KELA ETUUS", "K", Map.of("en", "Kela"))))).startsWith("topics[0].word:"));
        assertTrue(refusal(() -> admin.save(COORDINATOR, "hervanta", withTopics(
                new SiteSettings.TopicSettings("12", "K", Map.of("en", "Kela"))))).startsWith("topics[0].word:"));
        assertTrue(refusal(() -> admin.save(COORDINATOR, "hervanta", withTopics(
                new SiteSettings.TopicSettings("KELA", null, null))))
                .startsWith("topics[0]: a topic is an object like {\"word\": \"KELA\""));
        assertNothingSaved();
    }
}
