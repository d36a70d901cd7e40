package fi.vuoro.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.feedback.FeedbackPage;
import fi.vuoro.domain.feedback.FeedbackQuestion;
import fi.vuoro.domain.feedback.FeedbackSubmission;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.PageText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FeedbackPageRendererTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();
    private static final FeedbackPageRenderer RENDERER = new FeedbackPageRenderer(CATALOGUE);
    private static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAAAA";

    private static Language language(String code) {
        return CATALOGUE.language(code).orElseThrow();
    }

    private static FeedbackPage.Form form(String code) {
        return new FeedbackPage.Form(language(code), "Vuoro Demo", TOKEN, Optional.empty(), FeedbackSubmission.empty());
    }

    private static List<FeedbackPage> everyPage(Language language) {
        FeedbackSubmission longest = new FeedbackSubmission(Map.of(FeedbackQuestion.HELPED, "5"), "x".repeat(1000),
                true, "y".repeat(120));
        return List.of(
                new FeedbackPage.Form(language, "Vuoro Demo", TOKEN, Optional.empty(), FeedbackSubmission.empty()),
                new FeedbackPage.Form(language, "Vuoro Demo", TOKEN, Optional.of(PageText.FEEDBACK_MISSING), longest),
                new FeedbackPage.Form(language, "Vuoro Demo", TOKEN, Optional.of(PageText.FEEDBACK_CONTACT_MISSING),
                        longest),
                new FeedbackPage.Thanks(language), new FeedbackPage.AlreadyAnswered(language),
                new FeedbackPage.Expired(language), new FeedbackPage.Invalid(language));
    }

    @Test
    void render_shouldEscapeEveryText_whenTheSiteNameAndTheVisitorsOwnWordsCarryMarkup() {
        FeedbackSubmission previous = new FeedbackSubmission(Map.of(FeedbackQuestion.HELPED, "\"><script>x</script>"),
                "</textarea><script>alert('hi')</script> & more", true, "\"><img src=x onerror=alert(1)>");
        String html = RENDERER.render(new FeedbackPage.Form(language("fi"), "<b>Kotouttamo</b> & \"Co's\"", TOKEN,
                Optional.of(PageText.FEEDBACK_CONTACT_MISSING), previous));

        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("&lt;b&gt;Kotouttamo&lt;/b&gt; &amp; &quot;Co&#39;s&quot;"), html);
        assertTrue(html.contains("&lt;/textarea&gt;&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; &amp; more</textarea>"),
                html);
        assertTrue(html.contains("value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""), html);
        assertEquals(1, count(html, "</textarea>"), "the comment cannot close its own field");
    }

    @Test
    void escape_shouldReplaceTheFiveCharactersThatMeanSomethingInHtml() {
        assertEquals("&amp;&lt;&gt;&quot;&#39; ä ع", Html.escape("&<>\"' ä ع"));
    }

    @Test
    void render_shouldSetLanguageAndRightToLeft_forArabicAndPersian() {
        for (String code : List.of("ar", "fa")) {
            for (FeedbackPage page : everyPage(language(code))) {
                assertTrue(RENDERER.render(page).startsWith("<!DOCTYPE html>\n<html lang=\"" + code + "\" dir=\"rtl\">"),
                        code + " " + page);
            }
        }
    }

    @Test
    void render_shouldSetLanguageAndLeftToRight_forFinnish() {
        for (FeedbackPage page : everyPage(language("fi"))) {
            assertTrue(RENDERER.render(page).startsWith("<!DOCTYPE html>\n<html lang=\"fi\" dir=\"ltr\">"), page.toString());
        }
    }

    @Test
    void render_shouldStayUnder30Kilobytes_forEveryPageInEveryLanguage() {
        assertEquals(8, CATALOGUE.languages().size(), "every language of the catalogue is measured");
        for (Language language : CATALOGUE.languages()) {
            for (FeedbackPage page : everyPage(language)) {
                int bytes = RENDERER.render(page).getBytes(StandardCharsets.UTF_8).length;
                assertTrue(bytes < 30 * 1024, language.code() + " " + page + ": " + bytes + " bytes");
            }
        }
    }

    @Test
    void render_shouldOfferFiveRadiosPerQuestion_namedAndValuedAsTheFormContract() {
        String html = RENDERER.render(form("fi"));
        for (String name : List.of("helped", "understood", "knows")) {
            for (int point = 1; point <= 5; point++) {
                String id = name + "-" + point;
                assertTrue(html.contains("<input type=\"radio\" id=\"" + id + "\" name=\"" + name + "\" value=\""
                        + point + "\">"), id);
                assertTrue(html.contains("<label for=\"" + id + "\"><svg class=\"face\""), "a smiley labels " + id);
            }
            assertEquals(5, count(html, "name=\"" + name + "\""), name);
        }
        assertTrue(html.contains("<span>Ei lainkaan</span>") && html.contains("<span>Täysin</span>"),
                "the scale is labelled in words");
        assertEquals(3, count(html, "<fieldset class=\"question\">\n<legend>"), "each question is a fieldset with a legend");
        assertTrue(html.contains("<legend>Saitko apua asiaasi?</legend>"), html);
        assertTrue(html.contains("<textarea id=\"comment\" name=\"comment\" rows=\"4\" maxlength=\"1000\""), html);
        assertTrue(html.contains("<input type=\"checkbox\" id=\"volunteer\" name=\"volunteer\" value=\"yes\">"), html);
        assertTrue(html.contains("<input type=\"text\" id=\"contact\" name=\"contact\" maxlength=\"120\""), html);
        assertTrue(html.contains("<form method=\"post\">"), html);
        assertTrue(html.contains("<button type=\"submit\">Lähetä</button>"), html);
    }

    @Test
    void render_shouldCarryNoScriptNoInlineStyleAndNothingFromElsewhere_onAnyPage() {
        for (Language language : CATALOGUE.languages()) {
            for (FeedbackPage page : everyPage(language)) {
                String html = RENDERER.render(page);
                assertFalse(html.contains("<script"), "no script: " + page);
                assertFalse(html.contains("style="), "no inline style: " + page);
                assertFalse(html.contains("<style"), "no style element: " + page);
                assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), "no event handler: " + page);
                assertFalse(html.contains("http:") || html.contains("https:") || html.contains("//"),
                        "nothing from another origin: " + page);
                assertTrue(html.contains("<link rel=\"stylesheet\" href=\"feedback.css\">"), page.toString());
            }
        }
    }

    @Test
    void render_shouldGiveEveryPageItsLandmarksAndOneHeading_inTheVisitorsLanguage() {
        for (Language language : CATALOGUE.languages()) {
            for (FeedbackPage page : everyPage(language)) {
                String html = RENDERER.render(page);
                assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
                assertEquals(1, count(html, "<main>"), page.toString());
                assertEquals(1, count(html, "<h1>"), page.toString());
                assertFalse(html.contains("<h2") || html.contains("<h3"), "one heading level only: " + page);
                assertTrue(html.contains("<nav aria-label=\"" + Html.escape(CATALOGUE.page(language,
                        PageText.FEEDBACK_LANGUAGE)) + "\">"), page.toString());
            }
        }
        assertTrue(RENDERER.render(new FeedbackPage.Thanks(language("fi"))).contains("<h1>Kiitos!</h1>"));
        assertTrue(RENDERER.render(new FeedbackPage.AlreadyAnswered(language("fi")))
                .contains("<h1>Olet jo vastannut. Kiitos!</h1>"));
        assertTrue(RENDERER.render(new FeedbackPage.Expired(language("ar")))
                .contains("<h1>" + CATALOGUE.page(language("ar"), PageText.FEEDBACK_EXPIRED) + "</h1>"));
        assertTrue(RENDERER.render(new FeedbackPage.Invalid(language("en"))).contains("<h1>This link"),
                "the invalid link page in English");
    }

    @Test
    void render_shouldTitleTheFormWithTheSiteName_isolatedFromTheTextAroundIt() {
        String html = RENDERER.render(form("ar"));
        String title = "كيف كانت زيارتك إلى \u2068Vuoro Demo\u2069؟";
        assertTrue(html.contains("<title>" + title + "</title>"), html);
        assertTrue(html.contains("<h1>" + title + "</h1>"), html);
    }

    @Test
    void render_shouldKeepTheVisitorsChoices_whenTheSubmissionWasRefused() {
        FeedbackSubmission previous = new FeedbackSubmission(Map.of(FeedbackQuestion.HELPED, "4",
                FeedbackQuestion.KNOWS, "1", FeedbackQuestion.UNDERSTOOD, "9"), "Hyvä palvelu", true, "");
        String html = RENDERER.render(new FeedbackPage.Form(language("fi"), "Vuoro Demo", TOKEN,
                Optional.of(PageText.FEEDBACK_CONTACT_MISSING), previous));

        assertTrue(html.contains("id=\"helped-4\" name=\"helped\" value=\"4\" checked>"), html);
        assertTrue(html.contains("id=\"knows-1\" name=\"knows\" value=\"1\" checked>"), html);
        assertEquals(3, count(html, " checked>"), "two radios and the advisor box are ticked, nothing else");
        assertTrue(html.contains("aria-describedby=\"comment-hint\">Hyvä palvelu</textarea>"), html);
        assertTrue(html.contains("name=\"volunteer\" value=\"yes\" checked>"), html);
    }

    @Test
    void render_shouldSayAMissingContactAtTheContactField_asAnAlertTheFieldPointsTo() {
        FeedbackSubmission previous = new FeedbackSubmission(Map.of(), "", true, "");
        String html = RENDERER.render(new FeedbackPage.Form(language("fi"), "Vuoro Demo", TOKEN,
                Optional.of(PageText.FEEDBACK_CONTACT_MISSING), previous));

        String problem = "<p id=\"problem\" class=\"problem\" role=\"alert\">"
                + CATALOGUE.page(language("fi"), PageText.FEEDBACK_CONTACT_MISSING) + "</p>\n";
        assertEquals(1, count(html, problem), html);
        assertTrue(html.indexOf(problem) > html.indexOf("<label for=\"contact\">")
                && html.indexOf(problem) < html.indexOf("<input type=\"text\" id=\"contact\""), "said at the contact field");
        assertTrue(html.contains("id=\"contact\" name=\"contact\" maxlength=\"120\" value=\"\" aria-invalid=\"true\""
                + " aria-describedby=\"problem\" autofocus>"), html);
        assertTrue(html.contains("<form method=\"post\" aria-describedby=\"problem\">"), html);
    }

    @Test
    void render_shouldSayNothingAnsweredAtTheTopOfTheForm_whenNoQuestionWasAnswered() {
        String html = RENDERER.render(new FeedbackPage.Form(language("fi"), "Vuoro Demo", TOKEN,
                Optional.of(PageText.FEEDBACK_MISSING), FeedbackSubmission.empty()));

        assertTrue(html.contains("<form method=\"post\" aria-describedby=\"problem\">\n"
                + "<p id=\"problem\" class=\"problem\" role=\"alert\">Vastaa ainakin yhteen kysymykseen.</p>\n"
                + "<fieldset class=\"question\">"), html);
        assertFalse(html.contains("aria-invalid"), "no single field is wrong");
    }

    @Test
    void render_shouldLabelEveryFieldAndUseEachIdOnce() {
        String html = RENDERER.render(new FeedbackPage.Form(language("so"), "Vuoro Demo", TOKEN,
                Optional.of(PageText.FEEDBACK_CONTACT_MISSING), FeedbackSubmission.empty()));
        List<String> ids = all(html, " id=\"([^\"]+)\"");
        assertEquals(new HashSet<>(ids).size(), ids.size(), "duplicate ids: " + ids);
        Set<String> labelled = new HashSet<>(all(html, "<label for=\"([^\"]+)\""));
        for (String field : all(html, "<(?:input|textarea)[^>]* id=\"([^\"]+)\"")) {
            assertTrue(labelled.contains(field), field + " has a label");
        }
        assertEquals(18, labelled.size(), "15 radios, the comment, the box and the contact: " + labelled);
    }

    @Test
    void render_shouldLinkThePageInEveryLanguage_markingTheCurrentOne() {
        String html = RENDERER.render(form("fa"), language("uk"));

        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"uk\" dir=\"ltr\">"), html);
        for (Language language : CATALOGUE.languages()) {
            assertTrue(html.contains("<a href=\"?lang=" + language.code() + "\" hreflang=\"" + language.code()
                    + "\" lang=\"" + language.code() + "\" dir=\"" + (language.rightToLeft() ? "rtl" : "ltr") + "\""),
                    language.code());
        }
        assertTrue(html.contains("lang=\"uk\" dir=\"ltr\" aria-current=\"page\">"), html);
        assertEquals(1, count(html, "aria-current"));
    }

    @Test
    void failure_shouldBeAPlainPage_inTheLanguageItIsGiven() {
        String english = RENDERER.failure(CATALOGUE.language("en").orElseThrow());
        assertTrue(english.startsWith("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"), english);
        assertTrue(english.contains("<h1>Sorry, something went wrong on our side. Please try again later.</h1>"), english);
        String arabic = RENDERER.failure(CATALOGUE.language("ar").orElseThrow());
        assertTrue(arabic.startsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"), arabic);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
