package fi.vuoro.staff;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Strong ETags over a view's JSON, so a page polling an unchanged queue gets a bodiless 304 and
 * does not redraw.
 */
@Singleton
final class ETags {

    private final JsonMapper json;

    ETags(JsonMapper json) {
        this.json = json;
    }

    <T> MutableHttpResponse<T> respond(T view, String ifNoneMatch) {
        String etag = etagOf(view);
        if (etag.equals(ifNoneMatch)) {
            return HttpResponse.<T>notModified().header("ETag", etag).header("Cache-Control", "no-cache");
        }
        return HttpResponse.ok(view).header("ETag", etag).header("Cache-Control", "no-cache");
    }

    private String etagOf(Object view) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(view));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
