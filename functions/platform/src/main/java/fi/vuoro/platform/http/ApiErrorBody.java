package fi.vuoro.platform.http;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * Errors the framework raises itself (a malformed body, a missing parameter, an unknown route) get
 * the same {@code {"status", "error"}} shape as the domain's, so every client reads one error form. A server-side
 * error never repeats its internal message: the caller gets a generic one with a reference that the log names.
 */
@Primary
@Singleton
public class ApiErrorBody implements JsonErrorResponseBodyProvider<ApiError> {

    @Override
    public ApiError body(ErrorContext context, HttpResponse<?> response) {
        if (response.code() >= 500) {
            return ErrorMapping.internalError(context.getRequest(),
                    context.getRootCause().orElseGet(() -> new IllegalStateException(response.reason()))).body();
        }
        String message = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return new ApiError(response.code(), message.isBlank() ? response.reason() : message);
    }
}
