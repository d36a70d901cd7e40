package fi.vuoro.feedback;

import fi.vuoro.domain.feedback.FeedbackPage;
import fi.vuoro.domain.feedback.FeedbackQuestion;
import fi.vuoro.domain.feedback.FeedbackService;
import fi.vuoro.domain.feedback.FeedbackSubmission;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feedback form a visitor opens from the link in their post-visit SMS, and its answer. The token in the path is
 * the only key: it says the language, and the service says what the link shows. Each answer is an HTML page.
 */
@Controller(FeedbackFormController.PATH)
// DynamoDB calls block: keep them off the HTTP event loop where the controller runs on Netty (locally).
@ExecuteOn(TaskExecutors.BLOCKING)
public class FeedbackFormController {

    static final String PATH = "/f";
    static final String HTML = "text/html; charset=utf-8";
    static final String CSS = "text/css; charset=utf-8";
    /** No script, no frames, nothing from elsewhere; the stylesheet and the form's answer stay on this origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackFormController.class);
    private static final String STYLESHEET = load("/feedback/" + FeedbackPageRenderer.STYLESHEET);

    private final FeedbackService feedback;
    private final FeedbackPageRenderer renderer;
    private final MessageCatalogue catalogue;
    private final Clock clock;

    public FeedbackFormController(FeedbackService feedback, FeedbackPageRenderer renderer, MessageCatalogue catalogue,
                                  Clock clock) {
        this.feedback = feedback;
        this.renderer = renderer;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Get(uri = "/{token}", produces = HTML)
    public HttpResponse<String> open(String token, @Nullable @QueryValue String lang) {
        return page(feedback.open(token, clock.instant()), lang);
    }

    @Post(uri = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = HTML)
    public HttpResponse<String> submit(String token, @Nullable @QueryValue String lang,
                                       @Nullable @Body Map<String, String> form) {
        return page(feedback.submit(token, submission(form == null ? Map.of() : form), clock.instant()), lang);
    }

    /** The form's one stylesheet; a file of its own, as the page's policy allows no inline style. */
    @Get(uri = "/" + FeedbackPageRenderer.STYLESHEET, produces = CSS)
    public HttpResponse<String> stylesheet() {
        return HttpResponse.ok(STYLESHEET).contentType(CSS)
                .header("Cache-Control", "public, max-age=86400")
                .header("X-Content-Type-Options", "nosniff");
    }

    /** Anything unforeseen on these pages: a plain page, never a stack trace; the detail stays in the log. */
    @Error
    public HttpResponse<String> failure(HttpRequest<?> request, RuntimeException e) {
        Optional<HttpStatus> refused = unreadable(e);
        if (refused.isPresent()) {
            LOG.warn("Refused a request to the feedback form that it cannot read ({}): {}", refused.get().getCode(),
                    e.getClass().getName());
        } else {
            LOG.error("Internal error {} on the feedback form at {}: {}", UUID.randomUUID(), request.getMethodName(),
                    e.getClass().getName(), e);
        }
        String path = request.getPath();
        String token = path.substring(path.lastIndexOf('/') + 1);
        Language language;
        try {
            language = feedback.languageOfLink(token);
        } catch (RuntimeException unreadable) {
            language = catalogue.fallbackLanguage();
        }
        return secured(HttpResponse.status(refused.orElse(HttpStatus.INTERNAL_SERVER_ERROR)), renderer.failure(language));
    }

    /**
     * The 4xx for a request refused before the form was read: the wrong content type, a body over the size limit, or
     * a form body whose escapes do not decode (the server's form decoder names its exception so). Anything else
     * failed on our side.
     */
    private static Optional<HttpStatus> unreadable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpStatusException status && status.getStatus().getCode() < 500) {
                return Optional.of(status.getStatus());
            }
            if (cause instanceof ContentLengthExceededException) {
                return Optional.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE);
            }
            if (cause.getClass().getSimpleName().endsWith("DecoderException")) {
                return Optional.of(HttpStatus.BAD_REQUEST);
            }
        }
        return Optional.empty();
    }

    private HttpResponse<String> page(FeedbackPage page, @Nullable String lang) {
        Language language = lang == null ? page.language() : catalogue.language(lang).orElse(page.language());
        return secured(HttpResponse.status(status(page)), renderer.render(page, language));
    }

    static HttpStatus status(FeedbackPage page) {
        if (page instanceof FeedbackPage.Form form) {
            return form.problem().isPresent() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK;
        }
        if (page instanceof FeedbackPage.Expired) {
            return HttpStatus.GONE;
        }
        if (page instanceof FeedbackPage.Invalid) {
            return HttpStatus.NOT_FOUND;
        }
        return HttpStatus.OK;
    }

    /** The form as posted: the radio values, the comment, the advisor box (sent only when ticked) and the contact. */
    static FeedbackSubmission submission(Map<String, String> form) {
        Map<FeedbackQuestion, String> points = new EnumMap<>(FeedbackQuestion.class);
        for (FeedbackQuestion question : FeedbackQuestion.values()) {
            String point = form.get(question.field());
            if (point != null) {
                points.put(question, point);
            }
        }
        String volunteer = form.get("volunteer");
        return new FeedbackSubmission(points, form.get("comment"), volunteer != null && !volunteer.isBlank(),
                form.get("contact"));
    }

    /** The token is in the address: nothing may cache the page or pass the address on. */
    private static HttpResponse<String> secured(MutableHttpResponse<String> response, String html) {
        return response.body(html).contentType(HTML)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    private static String load(String resource) {
        try (InputStream in = FeedbackFormController.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
