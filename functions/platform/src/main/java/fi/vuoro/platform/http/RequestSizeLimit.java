package fi.vuoro.platform.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses a staff or feedback request whose body is larger than any of their forms can be (413), before it is read: a
 * large body is never a desk action or an answer to the feedback form, and it must not reach storage. A body that
 * declares no length is held to the server's own limit ({@code micronaut.server.max-request-size}).
 */
@ServerFilter({"/staff/api/**", "/f/**"})
public class RequestSizeLimit {

    static final long MAX_BYTES = 64 * 1024;

    @RequestFilter
    @Nullable
    public HttpResponse<ApiError> limit(HttpRequest<?> request) {
        if (request.getContentLength() > MAX_BYTES) {
            return ErrorMapping.answer(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "The request is too large: at most " + MAX_BYTES / 1024 + " KB");
        }
        return null;
    }
}
