package fi.vuoro.platform.http;

import io.micronaut.core.annotation.Introspected;

/** The one error shape every endpoint answers with. */
@Introspected
public record ApiError(int status, String error) {
}
