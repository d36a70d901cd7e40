package fi.vuoro.platform.http;

import fi.vuoro.domain.interpreter.InterpreterConflictException;
import fi.vuoro.domain.queue.QueueBusyException;
import fi.vuoro.domain.sms.InvalidSmsException;
import fi.vuoro.domain.staff.NotSignedInException;
import fi.vuoro.domain.queue.QueueConflictException;
import fi.vuoro.domain.staff.SiteAccessDeniedException;
import fi.vuoro.domain.staff.StaffRequestException;
import io.micronaut.core.reflect.exception.InstantiationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import org.slf4j.LoggerFactory;

/**
 * Maps domain exceptions to HTTP answers, in one place, for every function's controllers. Anything else is an
 * internal error: the caller gets a generic message with a reference, and the detail (which may name the AWS
 * account, a role or a request id) stays in the log line that carries the same reference.
 */
public final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    static final String INTERNAL = "Something went wrong on our side. Please try again; if it keeps happening, "
            + "give this reference to the coordinator: ";

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

    /** 400, 404 or 409: a staff request that is malformed, names nothing that exists, or lost to a change meanwhile. */
    @Singleton
    @Produces
    public static class BadStaffRequest implements ExceptionHandler<StaffRequestException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, StaffRequestException e) {
            return answer(status(e.reason()), e.getMessage());
        }

        private static HttpStatus status(StaffRequestException.Reason reason) {
            switch (reason) {
                case NOT_FOUND:
                    return HttpStatus.NOT_FOUND;
                case CONFLICT:
                    return HttpStatus.CONFLICT;
                default:
                    return HttpStatus.BAD_REQUEST;
            }
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

    /** 409: the interpreter cannot be registered so (their number belongs to another interpreter). */
    @Singleton
    @Produces
    public static class InterpreterConflict
            implements ExceptionHandler<InterpreterConflictException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, InterpreterConflictException e) {
            return answer(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    /** 503: the queue was too busy to take the change; nothing was written. */
    @Singleton
    @Produces
    public static class QueueBusy implements ExceptionHandler<QueueBusyException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, QueueBusyException e) {
            LOG.warn("Queue too busy for {} {}", request.getMethodName(), request.getPath());
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "The queue is busy right now: nothing was changed, "
                    + "please try again in a moment").header("Retry-After", "1");
        }
    }

    /**
     * 400: a JSON body of another shape than the endpoint's form (a number or a list where an object belongs, a value
     * of the wrong type), which binding finds only when it builds the form.
     */
    @Singleton
    @Produces
    public static class UnreadableBody implements ExceptionHandler<InstantiationException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, InstantiationException e) {
            LOG.warn("Refused a body of the wrong shape at {} {}", request.getMethodName(), request.getPath());
            return answer(HttpStatus.BAD_REQUEST, "The request body is not the form this endpoint reads: "
                    + "send a JSON object with the documented fields");
        }
    }

    /** 500: anything unforeseen. The caller learns nothing internal; the log has it under the reference. */
    @Singleton
    @Produces
    public static class Unexpected implements ExceptionHandler<RuntimeException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, RuntimeException e) {
            return internalError(request, e);
        }
    }

    /** AWS's own name for what went wrong (e.g. AccessDeniedException), which the exception's message leaves out. */
    private static String awsErrorCode(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
                return " (" + aws.awsErrorDetails().errorCode() + ")";
            }
        }
        return "";
    }

    static MutableHttpResponse<ApiError> internalError(HttpRequest<?> request, Throwable e) {
        // Made per error, so no two restored SnapStart instances share a sequence.
        String reference = UUID.randomUUID().toString();
        LOG.error("Internal error {} at {} {}: {}{}", reference, request.getMethodName(), request.getPath(),
                e.getClass().getName(), awsErrorCode(e), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL + reference);
    }
}
