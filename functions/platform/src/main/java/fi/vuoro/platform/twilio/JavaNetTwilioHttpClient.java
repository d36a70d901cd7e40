package fi.vuoro.platform.twilio;

import com.twilio.Twilio;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * Carries the Twilio SDK's requests with the JDK's {@code java.net.http} client instead of the SDK's Apache
 * HttpClient, which the function jars leave out (the SDK's own types still name headers with httpcore5's
 * {@link Header}). As the SDK's client: the account's Basic authorisation, the SDK's identifying headers, the
 * system's proxy settings, connection failures as {@link ApiConnectionException}.
 */
public final class JavaNetTwilioHttpClient extends HttpClient {

    /** Headers java.net.http computes itself and refuses to have set. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");
    private static final Duration LONGEST_CONNECT = Duration.ofSeconds(10);

    private final java.net.http.HttpClient http;
    private final Duration requestTimeout;
    private final URI baseUrl;

    /** @param requestTimeout the longest wait for an answer; connecting gets at most that, and at most 10 s */
    public JavaNetTwilioHttpClient(Duration requestTimeout) {
        this(requestTimeout, null);
    }

    /**
     * Sends every request to another base URL, keeping its path and query (the SDK has no base-URL setting): the
     * local runtime's fake Twilio.
     */
    public JavaNetTwilioHttpClient(Duration requestTimeout, URI baseUrl) {
        this.requestTimeout = requestTimeout;
        this.baseUrl = baseUrl;
        this.http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout.compareTo(LONGEST_CONNECT) < 0 ? requestTimeout : LONGEST_CONNECT)
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault())
                .build();
    }

    @Override
    public Response makeRequest(Request request) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(target(request.constructURL().toURI()))
                    .timeout(requestTimeout)
                    .method(request.getMethod().toString(), body(request))
                    .header("X-Twilio-Client", "java-" + Twilio.VERSION)
                    .header("User-Agent", "twilio-java/" + Twilio.VERSION + " (java.net.http)")
                    .header("Accept", "application/json");
            if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.DELETE) {
                builder.header("Content-Type", EnumConstants.ContentType.FORM_URLENCODED.getValue() + "; charset=UTF-8");
            }
            if (request.requiresAuthentication()) {
                builder.header("Authorization", request.getAuthString());
            }
            request.getHeaderParams().forEach((name, values) -> {
                if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
            HttpResponse<byte[]> answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            List<Header> headers = new ArrayList<>();
            answer.headers().map().forEach((name, values) -> values.forEach(value ->
                    headers.add(new BasicHeader(name, value))));
            return new Response(new ByteArrayInputStream(answer.body()), answer.statusCode(),
                    headers.toArray(Header[]::new));
        } catch (URISyntaxException | IOException e) {
            throw new ApiConnectionException("The request to Twilio failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("Interrupted while calling Twilio", e);
        }
    }

    private URI target(URI twilio) {
        if (baseUrl == null) {
            return twilio;
        }
        String basePath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath().replaceAll("/+$", "");
        return URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + basePath + twilio.getRawPath()
                + (twilio.getRawQuery() == null ? "" : "?" + twilio.getRawQuery()));
    }

    /** Vuoro's requests (create and list messages) carry form parameters, or nothing. */
    private static BodyPublisher body(Request request) {
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.DELETE) {
            return BodyPublishers.noBody();
        }
        if (request.getContentType() != null
                && request.getContentType() != EnumConstants.ContentType.FORM_URLENCODED) {
            throw new UnsupportedOperationException("Only form-encoded requests are sent to Twilio here, not "
                    + request.getContentType().getValue());
        }
        return BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8);
    }
}
