package fi.vuoro.platform.http;

import fi.vuoro.domain.sms.InvalidSmsException;
import fi.vuoro.domain.staff.NotSignedInException;
import fi.vuoro.domain.staff.QueueConflictException;
import fi.vuoro.domain.staff.SiteAccessDeniedException;
import fi.vuoro.domain.staff.StaffRequestException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
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

    static MutableHttpResponse<ApiError> answer(HttpStatus status, String message) {
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

    /** 401: a staff request without a valid sign-in. */
    @Singleton
    @Produces
    public static class NotSignedIn implements ExceptionHandler<NotSignedInException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, NotSignedInException e) {
            return answer(HttpStatus.UNAUTHORIZED, e.getMessage()).header("WWW-Authenticate", "Bearer");
        }
    }

    /** 403: staff of one site asking for another site's queue. */
    @Singleton
    @Produces
    public static class SiteDenied implements ExceptionHandler<SiteAccessDeniedException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, SiteAccessDeniedException e) {
            return answer(HttpStatus.FORBIDDEN, e.getMessage());
        }
    }

    /** 400 or 404: a staff request that is malformed or names nothing that exists. */
    @Singleton
    @Produces
    public static class BadStaffRequest implements ExceptionHandler<StaffRequestException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, StaffRequestException e) {
            return answer(e.reason() == StaffRequestException.Reason.NOT_FOUND ? HttpStatus.NOT_FOUND
                    : HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /** 409: the queue changed under the action (another desk was quicker, nobody waits). */
    @Singleton
    @Produces
    public static class QueueConflict implements ExceptionHandler<QueueConflictException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, QueueConflictException e) {
            return answer(HttpStatus.CONFLICT, e.getMessage());
        }
    }
}
