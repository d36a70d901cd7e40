package fi.vuoro.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Plays Twilio calling a webhook: a form POST with Twilio's headers, signed with the account's auth token.
 * The URL that is signed is passed separately from the one contacted, because a server behind a proxy or
 * API gateway is signed for its public URL while the test reaches it directly.
 *
 * <p>Parameters are sent in the map's iteration order (use a {@link java.util.LinkedHashMap}), UTF-8 encoded,
 * with a bare {@code application/x-www-form-urlencoded} content type as Twilio sends it.
 */
public final class TwilioWebhookClient {

    /** The webhook's answer; header names are as the server sent them, see {@link #header(String)}. */
    public record WebhookResponse(int status, String body, Map<String, List<String>> headers) {

        /** The first value of a header, matched case-insensitively, or null. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final TwilioWebhookSigner signer;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public TwilioWebhookClient(String authToken) {
        this.signer = new TwilioWebhookSigner(authToken);
    }

    /** Posts to {@code target}, signed for {@code target} itself. */
    public WebhookResponse post(URI target, Map<String, String> params) {
        return post(target, target.toString(), params);
    }

    /** Posts to {@code target}, signed for {@code signedUrl} (the public URL configured in Twilio). */
    public WebhookResponse post(URI target, String signedUrl, Map<String, String> params) {
        return send(target, params, signer.sign(signedUrl, params));
    }

    /** Posts without an {@code X-Twilio-Signature} header, as a forger who knows nothing would. */
    public WebhookResponse postUnsigned(URI target, Map<String, String> params) {
        return send(target, params, null);
    }

    /**
     * Posts with a well-formed signature that does not match the request, as when a body was altered in transit
     * or signed with another account's token.
     */
    public WebhookResponse postWithTamperedSignature(URI target, String signedUrl, Map<String, String> params) {
        return send(target, params, signer.sign(signedUrl + "#tampered", params));
    }

    private WebhookResponse send(URI target, Map<String, String> params, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "TwilioProxy/1.1")
                .header("Accept", "*/*")
                .POST(BodyPublishers.ofString(FormEncoding.encode(params), StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new WebhookResponse(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException("Webhook POST to " + target + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while posting to " + target, e);
        }
    }
}
