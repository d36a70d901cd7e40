package fi.vuoro.domain.language;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken message file must stop loading, with the file and the entry named. */
class MessageFileRulesTest {

    @TempDir
    Path temp;

    @Test
    void load_shouldFailNamingFileAndKey_whenAMessageIsMissing() {
        assertFailure("fi.properties", c -> MessageFileFixture.withoutEntry(c, "status.called"),
                "messages/fi.properties", "status.called");
    }

    @Test
    void load_shouldFailNamingFileAndKey_whenAMessageUsesAnUndeclaredPlaceholder() {
        assertFailure("sv.properties", c -> MessageFileFixture.withEntry(c, "left", "Du lämnade kön {site}. Skicka KÖ."),
                "messages/sv.properties", "left", "{site}");
    }

    @Test
    void load_shouldFailNamingTheLink_whenTheFeedbackInvitationHasNone() {
        assertFailure("uk.properties", c -> MessageFileFixture.withEntry(c, "feedback.invite", "Ваш відгук? Напишіть 1-5."),
                "messages/uk.properties", "feedback.invite", "{link}", "0 times");
    }

    @Test
    void load_shouldFailNamingTheLink_whenTheFeedbackInvitationHasItTwice() {
        assertFailure("en.properties", c -> MessageFileFixture.withEntry(c, "feedback.invite", "{link} Or: {link}"),
                "messages/en.properties", "feedback.invite", "{link}", "2 times");
    }

    @Test
    void load_shouldFail_whenAMessageThatHasNoLinkUsesOne() {
        assertFailure("fi.properties", c -> MessageFileFixture.withEntry(c, "feedback.thanks", "Kiitos! {link}"),
                "messages/fi.properties", "feedback.thanks", "{link}");
    }

    @Test
    void load_shouldFailNamingFileAndKey_whenAPageTextIsMissing() {
        assertFailure("so.properties", c -> MessageFileFixture.withoutEntry(c, "page.feedback.send"),
                "messages/so.properties", "page.feedback.send");
    }

    @Test
    void load_shouldFailNamingFileAndKey_whenAPageTextUsesAnUndeclaredPlaceholder() {
        assertFailure("fa.properties", c -> MessageFileFixture.withEntry(c, "page.feedback.thanks.title", "تشکر از {site}!"),
                "messages/fa.properties", "page.feedback.thanks.title", "{site}");
    }

    @Test
    void load_shouldFail_whenAPageTextIsMisspelt() {
        assertFailure("ru.properties", c -> c + "\npage.feedback.tittle=Как прошёл визит?\n",
                "messages/ru.properties", "page.feedback.tittle");
    }

    @Test
    void load_shouldFail_whenABraceIsNotAPlaceholder() {
        assertFailure("en.properties", c -> MessageFileFixture.withEntry(c, "error.retry", "Sorry {oops"),
                "messages/en.properties", "error.retry");
    }

    @Test
    void load_shouldFailNamingFileAndKey_whenAKeywordListIsEmpty() {
        assertFailure("so.properties", c -> MessageFileFixture.withEntry(c, "keyword.status", ""),
                "messages/so.properties", "keyword.status");
    }

    @Test
    void load_shouldFail_whenAKeywordListHasAnEmptyItem() {
        assertFailure("fi.properties", c -> MessageFileFixture.withEntry(c, "keyword.join", "JONO,,JONOON"),
                "messages/fi.properties", "keyword.join");
    }

    @Test
    void load_shouldFail_whenOneWordIsTheKeywordOfTwoCommands() {
        assertFailure("sv.properties", c -> MessageFileFixture.withEntry(c, "keyword.leave", "LÄMNA,KÖ"),
                "messages/sv.properties", "keyword.leave", "KÖ", "keyword.join");
    }

    @Test
    void load_shouldFail_whenAWordIsTheKeywordOfTwoCommandsInTwoLanguages() {
        assertFailure("ru.properties", c -> MessageFileFixture.withEntry(c, "keyword.help", "ПОМОЩЬ,POIS"),
                "messages/ru.properties", "keyword.help", "POIS");
    }

    @Test
    void load_shouldFail_whenCancelIsUsedForLeaving() {
        assertFailure("en.properties", c -> MessageFileFixture.withEntry(c, "keyword.leave", "LEAVE,CANCEL"),
                "messages/en.properties", "keyword.leave", "CANCEL");
    }

    @Test
    void load_shouldFail_whenAnInterpretersWordIsAVisitorsKeyword() {
        assertFailure("sv.properties", c -> MessageFileFixture.withEntry(c, "keyword.yes", "JA,KÖ"),
                "messages/sv.properties", "keyword.yes", "KÖ", "keyword.join");
    }

    @Test
    void load_shouldFail_whenTwoInterpretersCommandsShareAWord() {
        assertFailure("fi.properties", c -> MessageFileFixture.withEntry(c, "keyword.away", "POISSA,EI"),
                "messages/fi.properties", "keyword.away", "EI", "keyword.no");
    }

    @Test
    void load_shouldFail_whenAnInterpretersWordIsACarrierOptOutWord() {
        assertFailure("en.properties", c -> MessageFileFixture.withEntry(c, "keyword.away", "OUT,AWAY,QUIT"),
                "messages/en.properties", "keyword.away", "QUIT");
    }

    @Test
    void load_shouldFail_whenAnInterpretersMessageDoesNotNameTheShownKeyword() {
        assertFailure("ar.properties", c -> MessageFileFixture.withEntry(c, "interpreter.away", "سجلنا أنك مشغول اليوم."),
                "messages/ar.properties", "interpreter.away", "متاح");
    }

    @Test
    void load_shouldFail_whenAMessageDoesNotNameTheShownKeyword() {
        assertFailure("fi.properties", c -> MessageFileFixture.withEntry(c, "status.none", "Et ole jonossa."),
                "messages/fi.properties", "status.none", "JONO");
    }

    @Test
    void load_shouldFail_whenTheCodeDiffersFromTheFileName() {
        assertFailure("fi.properties", c -> MessageFileFixture.withEntry(c, "language.code", "sv"),
                "messages/fi.properties", "language.code");
    }

    @Test
    void load_shouldFail_whenTheDirectionIsNeitherLtrNorRtl() {
        assertFailure("ar.properties", c -> MessageFileFixture.withEntry(c, "language.direction", "right"),
                "messages/ar.properties", "language.direction");
    }

    @Test
    void load_shouldFail_whenTwoLanguagesShareAMenuPosition() {
        assertFailure("uk.properties", c -> MessageFileFixture.withEntry(c, "language.order", "7"),
                "language.order", "messages/ru.properties");
    }

    @Test
    void load_shouldFail_whenAnAliasNamesTwoLanguages() {
        assertFailure("uk.properties", c -> MessageFileFixture.withEntry(c, "language.aliases", "UK,RUSSIAN"),
                "language.aliases", "RUSSIAN");
    }

    @Test
    void load_shouldFail_whenALanguageIsNamedThatHasNoMessageFile() {
        assertFailure("en.properties", c -> MessageFileFixture.withEntry(c, "name.de", "German"),
                "messages/en.properties", "name.de");
    }

    @Test
    void load_shouldFail_whenALanguageNameEntryHasNoIsoCode() {
        assertFailure("fi.properties", c -> MessageFileFixture.withEntry(c, "name.farsi", "persia"),
                "messages/fi.properties", "name.farsi");
    }

    @Test
    void load_shouldFail_whenALanguageNameIsLongerThanMessagesAllow() {
        assertFailure("fi.properties", c -> MessageFileFixture.withEntry(c, "name.fa", "dari eli persia eli farsi"),
                "messages/fi.properties", "name.fa", String.valueOf(PlaceholderLimits.LANGUAGE_MAX_LENGTH));
    }

    @Test
    void load_shouldFail_whenALanguageNameIsEmpty() {
        assertFailure("sv.properties", c -> MessageFileFixture.withEntry(c, "name.ar", " "),
                "messages/sv.properties", "name.ar");
    }

    @Test
    void load_shouldFail_whenALanguagesOwnNameIsLongerThanMessagesAllow() {
        assertFailure("so.properties", c -> MessageFileFixture.withEntry(c, "language.name", "Af-Soomaali oo fudud"),
                "messages/so.properties", "language.name");
    }

    @Test
    void load_shouldFail_whenAnEntryIsMisspelt() {
        assertFailure("en.properties", c -> c + "\njoined.nxt=Hello\n", "messages/en.properties", "joined.nxt");
    }

    @Test
    void load_shouldFail_whenAnEntryIsWrittenTwice() {
        assertFailure("en.properties", c -> c + "\nerror.retry=Again\n", "messages/en.properties", "error.retry");
    }

    @Test
    void load_shouldFail_whenTheFallbackLanguageIsMissing() throws IOException {
        Map<String, String> files = new TreeMap<>(MessageFileFixture.realFiles());
        files.remove("en.properties");

        MessageCatalogueException failure = assertThrows(MessageCatalogueException.class,
                () -> MessageFileFixture.loadFrom(temp, files));
        assertTrue(failure.getMessage().contains("en.properties"), failure.getMessage());
    }

    private void assertFailure(String file, UnaryOperator<String> change, String... expectedInMessage) {
        Map<String, String> files = new TreeMap<>(MessageFileFixture.realFiles());
        files.put(file, change.apply(files.get(file)));

        MessageCatalogueException failure = assertThrows(MessageCatalogueException.class,
                () -> MessageFileFixture.loadFrom(temp, files));
        for (String expected : expectedInMessage) {
            assertTrue(failure.getMessage().contains(expected),
                    () -> "'" + failure.getMessage() + "' should mention " + expected);
        }
    }
}
