package fi.vuoro.platform.http;

import fi.vuoro.domain.sms.InvalidSmsException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps domain exceptions to HTTP answers, in one place, for every function's controllers. */
public final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static HttpResponse<ApiError> answer(HttpStatus status, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(status.getCode(), message));
    }

    /** 403: a webhook not signed by Twilio. */
    @Singleton
    @Produces
    public static class NotSigned implements ExceptionHandler<WebhookNotSignedException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, WebhookNotSignedException e) {
            LOG.warn("Refused an unsigned or wrongly signed webhook at {}", request.getPath());
            return answer(HttpStatus.FORBIDDEN, e.getMessage());
        }
    }

    /** 400: an inbound SMS lacking a required field. */
    @Singleton
    @Produces
    public static class InvalidSms implements ExceptionHandler<InvalidSmsException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, InvalidSmsException e) {
            return answer(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
