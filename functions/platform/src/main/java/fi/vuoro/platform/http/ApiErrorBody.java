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
 * the same {@code {"status", "error"}} shape as the domain's, so every client reads one error form.
 */
@Primary
@Singleton
public class ApiErrorBody implements JsonErrorResponseBodyProvider<ApiError> {

    @Override
    public ApiError body(ErrorContext context, HttpResponse<?> response) {
        String message = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return new ApiError(response.code(), message.isBlank() ? response.reason() : message);
    }
}
