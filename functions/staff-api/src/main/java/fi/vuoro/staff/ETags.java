package fi.vuoro.staff;

import fi.vuoro.domain.staff.QueueVersion;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Strong ETags of the views of a site's day, made from the day's version rather than from the view, so that an
 * unchanged queue is answered 304 after reading the version alone (one small read), and the page does not redraw.
 * The same version gives the same tag in every function instance.
 */
@Singleton
final class ETags {

    /** Changes whenever the views' JSON changes shape, so a page open across a deployment reads the new one. */
    private static final String VIEW_FORMAT = "1";
    private static final String UNSETTLED = "-unsettled";

    /** The tag of a view ({@code "queue"}, {@code "lobby"}) of the day at that version. */
    String of(String view, QueueVersion version) {
        String text = String.join("|", VIEW_FORMAT, view, version.siteId(), version.day().date().toString(),
                Integer.toString(version.version().lastNumber()), Long.toString(version.version().changes()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the page already has the view of this version: never for a day with nothing written yet (a site that
     * does not exist has no version either, and is answered by the full read: 404).
     */
    boolean unchanged(String etag, QueueVersion version, String ifNoneMatch) {
        return !version.version().nothingYet() && etag.equals(ifNoneMatch);
    }

    <T> MutableHttpResponse<T> notModified(String etag) {
        return HttpResponse.<T>notModified().header("ETag", etag).header("Cache-Control", "no-store");
    }

    /**
     * The view with its version's tag; if the read may lack a ticket the version counts (see
     * {@code QueueDay.settledUpTo}), with a tag no later poll matches, so the next poll reads it again.
     */
    <T> MutableHttpResponse<T> ok(T view, String etag, boolean settled) {
        String tag = settled ? etag : etag.substring(0, etag.length() - 1) + UNSETTLED + "\"";
        return HttpResponse.ok(view).header("ETag", tag).header("Cache-Control", "no-store");
    }
}
