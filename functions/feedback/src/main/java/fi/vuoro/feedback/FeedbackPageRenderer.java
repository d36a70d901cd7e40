package fi.vuoro.feedback;

import static fi.vuoro.feedback.Html.escape;

import fi.vuoro.domain.feedback.FeedbackAnswers;
import fi.vuoro.domain.feedback.FeedbackPage;
import fi.vuoro.domain.feedback.FeedbackQuestion;
import fi.vuoro.domain.feedback.FeedbackSubmission;
import fi.vuoro.domain.feedback.VolunteerOffer;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.PageText;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * The feedback pages as HTML, built on the server: no script at all, so the form works on any phone's browser, and
 * one small stylesheet from the same origin. Every text comes from the message catalogue in the page's language and
 * is escaped; the direction comes from the language.
 */
@Singleton
public class FeedbackPageRenderer {

    /** Where the problem of a refused submission is said; the field it names points here. */
    static final String PROBLEM_ID = "problem";
    static final String STYLESHEET = "feedback.css";
    // Unicode isolates keep a site name in one script from reordering a title in another (a Latin name in Arabic).
    private static final String ISOLATE = "\u2068";
    private static final String END_ISOLATE = "\u2069";

    private final MessageCatalogue catalogue;

    public FeedbackPageRenderer(MessageCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The page in its own language. */
    public String render(FeedbackPage page) {
        return render(page, page.language());
    }

    /** The page in {@code language}: the one the visitor picked from the language links, or the page's own. */
    public String render(FeedbackPage page, Language language) {
        if (page instanceof FeedbackPage.Form form) {
            return form(form, language);
        }
        if (page instanceof FeedbackPage.Thanks) {
            return notice(language, text(language, PageText.FEEDBACK_THANKS_TITLE),
                    Optional.of(text(language, PageText.FEEDBACK_THANKS_BODY)));
        }
        if (page instanceof FeedbackPage.AlreadyAnswered) {
            return notice(language, text(language, PageText.FEEDBACK_ALREADY), Optional.empty());
        }
        if (page instanceof FeedbackPage.Expired) {
            return notice(language, text(language, PageText.FEEDBACK_EXPIRED), Optional.empty());
        }
        return notice(language, text(language, PageText.FEEDBACK_INVALID), Optional.empty());
    }

    /**
     * The page shown when the form could not be served at all. The message files have no text for it, so it is in
     * the fallback language, and says only that the visitor may try again.
     */
    public String failure(Language language) {
        return notice(language, text(language, PageText.FEEDBACK_FAILED), Optional.empty());
    }

    private String form(FeedbackPage.Form form, Language language) {
        String title = catalogue.page(language, PageText.FEEDBACK_TITLE, Map.of("site", isolated(form.siteName())));
        StringBuilder html = start(language, title);
        html.append("<h1>").append(escape(title)).append("</h1>\n")
                .append("<p>").append(escape(text(language, PageText.FEEDBACK_INTRO))).append("</p>\n")
                .append("<p class=\"note\">").append(escape(text(language, PageText.FEEDBACK_REQUIRED_NOTE)))
                .append("</p>\n");
        Optional<PageText> problem = form.problem();
        boolean contactMissing = problem.filter(PageText.FEEDBACK_CONTACT_MISSING::equals).isPresent();
        // Without an action the form posts back to the address it came from, the token and any ?lang= with it.
        html.append("<form method=\"post\"");
        if (problem.isPresent()) {
            html.append(" aria-describedby=\"").append(PROBLEM_ID).append('"');
        }
        html.append(">\n");
        if (problem.isPresent() && !contactMissing) {
            problem(html, language, problem.get());
        }
        FeedbackSubmission previous = form.previous();
        for (FeedbackQuestion question : FeedbackQuestion.values()) {
            question(html, language, question, previous.points().get(question));
        }
        html.append("<div class=\"field\">\n<label for=\"comment\">")
                .append(escape(text(language, PageText.FEEDBACK_COMMENT))).append("</label>\n")
                .append("<p id=\"comment-hint\" class=\"hint\">")
                .append(escape(text(language, PageText.FEEDBACK_COMMENT_HINT))).append("</p>\n")
                .append("<textarea id=\"comment\" name=\"comment\" rows=\"4\" maxlength=\"")
                .append(FeedbackAnswers.MAX_COMMENT_LENGTH).append("\" aria-describedby=\"comment-hint\">")
                .append(escape(previous.comment())).append("</textarea>\n</div>\n");
        volunteer(html, language, form.siteName(), previous, contactMissing ? problem : Optional.empty());
        html.append("<button type=\"submit\">").append(escape(text(language, PageText.FEEDBACK_SEND)))
                .append("</button>\n</form>\n");
        return end(html);
    }

    private void question(StringBuilder html, Language language, FeedbackQuestion question, String previous) {
        String name = question.field();
        html.append("<fieldset class=\"question\">\n<legend>").append(escape(text(language, question.text())))
                .append("</legend>\n<div class=\"scale\">\n");
        for (int point = 1; point <= PageText.SCALE_POINTS; point++) {
            String value = String.valueOf(point);
            String id = name + "-" + point;
            html.append("<div class=\"choice\"><input type=\"radio\" id=\"").append(id).append("\" name=\"")
                    .append(name).append("\" value=\"").append(value).append('"');
            if (value.equals(previous)) {
                html.append(" checked");
            }
            html.append("><label for=\"").append(id).append("\">").append(Smileys.face(point))
                    .append("<span>").append(escape(text(language, PageText.feedbackScale(point))))
                    .append("</span></label></div>\n");
        }
        html.append("</div>\n</fieldset>\n");
    }

    private void volunteer(StringBuilder html, Language language, String siteName, FeedbackSubmission previous,
                           Optional<PageText> problem) {
        html.append("<fieldset class=\"volunteer\">\n<legend>")
                .append(escape(text(language, PageText.FEEDBACK_VOLUNTEER_TITLE))).append("</legend>\n")
                .append("<div class=\"check\"><input type=\"checkbox\" id=\"volunteer\" name=\"volunteer\" value=\"yes\"");
        if (previous.volunteer()) {
            html.append(" checked");
        }
        html.append("><label for=\"volunteer\">").append(escape(catalogue.page(language,
                        PageText.FEEDBACK_VOLUNTEER_CONSENT, Map.of("site", isolated(siteName)))))
                .append("</label></div>\n<div class=\"field\">\n<label for=\"contact\">")
                .append(escape(text(language, PageText.FEEDBACK_VOLUNTEER_CONTACT))).append("</label>\n");
        problem.ifPresent(text -> problem(html, language, text));
        html.append("<input type=\"text\" id=\"contact\" name=\"contact\" maxlength=\"")
                .append(VolunteerOffer.MAX_CONTACT_LENGTH).append("\" value=\"").append(escape(previous.contact()))
                .append('"');
        if (problem.isPresent()) {
            // The page opens at the top; the field the problem names is deep down a phone's screen: go there.
            html.append(" aria-invalid=\"true\" aria-describedby=\"").append(PROBLEM_ID).append("\" autofocus");
        }
        html.append(">\n</div>\n</fieldset>\n");
    }

    private void problem(StringBuilder html, Language language, PageText problem) {
        html.append("<p id=\"").append(PROBLEM_ID).append("\" class=\"problem\" role=\"alert\">")
                .append(escape(text(language, problem))).append("</p>\n");
    }

    private String notice(Language language, String heading, Optional<String> body) {
        StringBuilder html = start(language, heading);
        html.append("<h1>").append(escape(heading)).append("</h1>\n");
        body.ifPresent(text -> html.append("<p>").append(escape(text)).append("</p>\n"));
        return end(html);
    }

    private StringBuilder start(Language language, String title) {
        StringBuilder html = new StringBuilder(16 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(language.code())).append("\" dir=\"")
                .append(language.rightToLeft() ? "rtl" : "ltr").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(STYLESHEET).append("\">\n</head>\n<body>\n");
        languages(html, language);
        html.append("<main>\n");
        return html;
    }

    /** Links to the page in every language, each named in itself; plain links, so no script is needed. */
    private void languages(StringBuilder html, Language current) {
        html.append("<header>\n<nav aria-label=\"").append(escape(text(current, PageText.FEEDBACK_LANGUAGE)))
                .append("\">\n<ul class=\"languages\">\n");
        for (Language language : catalogue.languages()) {
            String code = escape(language.code());
            html.append("<li><a href=\"?lang=").append(code).append("\" hreflang=\"").append(code)
                    .append("\" lang=\"").append(code).append("\" dir=\"")
                    .append(language.rightToLeft() ? "rtl" : "ltr").append('"');
            if (language.code().equals(current.code())) {
                html.append(" aria-current=\"page\"");
            }
            html.append('>').append(escape(language.name())).append("</a></li>\n");
        }
        html.append("</ul>\n</nav>\n</header>\n");
    }

    private static String end(StringBuilder html) {
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private String text(Language language, PageText text) {
        return catalogue.page(language, text);
    }

    private static String isolated(String text) {
        return ISOLATE + text + END_ISOLATE;
    }
}
