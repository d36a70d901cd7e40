package fi.vuoro.testkit;

import com.twilio.Twilio;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * Sends the Twilio SDK's requests to another base URL, typically a {@link FakeTwilioApi}. The SDK has no
 * base-URL setting, so each request keeps its path and query and swaps scheme, host and port.
 *
 * <pre>{@code
 * TwilioRestClient client = new TwilioRestClient.Builder(accountSid, authToken)
 *         .httpClient(new LoopbackTwilioHttpClient(fake.baseUrl()))
 *         .build();
 * }</pre>
 *
 * <p>Like the SDK's own client it answers connection failures with {@link ApiException}, and the SDK's
 * retry of 5xx answers (up to three attempts) still applies.
 */
public final class LoopbackTwilioHttpClient extends HttpClient {

    // Headers java.net.http computes itself and refuses to have set.
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final URI baseUrl;
    private final Duration requestTimeout;
    private final java.net.http.HttpClient http;

    public LoopbackTwilioHttpClient(URI baseUrl) {
        this(baseUrl, Duration.ofSeconds(30));
    }

    /** @param requestTimeout how long to wait for an answer, the SDK's socket timeout being 30 s */
    public LoopbackTwilioHttpClient(URI baseUrl, Duration requestTimeout) {
        this.baseUrl = baseUrl;
        this.requestTimeout = requestTimeout;
        this.http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Response makeRequest(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(rewrite(request.constructURL()))
                .timeout(requestTimeout)
                .header("X-Twilio-Client", "java-" + Twilio.VERSION)
                .header("User-Agent", "twilio-java/" + Twilio.VERSION + " (loopback)");
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        request.getHeaderParams().forEach((name, values) -> {
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        withBody(builder, request);
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), BodyHandlers.ofByteArray());
            return new Response(new ByteArrayInputStream(response.body()), response.statusCode(), headers(response));
        } catch (IOException e) {
            throw new ApiException("Twilio request to " + baseUrl + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("Interrupted while calling Twilio at " + baseUrl, e);
        }
    }

    private URI rewrite(URL original) {
        String basePath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath().replaceAll("/+$", "");
        String query = original.getQuery() == null ? "" : "?" + original.getQuery();
        return URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + basePath + original.getPath() + query);
    }

    private static void withBody(HttpRequest.Builder builder, Request request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            builder.method(method.toString(), BodyPublishers.noBody());
            return;
        }
        EnumConstants.ContentType type = request.getContentType() == null
                ? EnumConstants.ContentType.FORM_URLENCODED
                : request.getContentType();
        BodyPublisher body = switch (type) {
            case JSON -> BodyPublishers.ofString(request.getBody() == null ? "" : request.getBody(), StandardCharsets.UTF_8);
            case FORM_URLENCODED -> BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8);
            case MULTIPART_FORM_DATA -> throw new UnsupportedOperationException(
                    "Multipart (file upload) requests are not supported by " + LoopbackTwilioHttpClient.class.getSimpleName());
        };
        builder.header("Content-Type", type == EnumConstants.ContentType.FORM_URLENCODED
                ? type.getValue() + "; charset=UTF-8"
                : type.getValue());
        builder.method(method.toString(), body);
    }

    private static Header[] headers(HttpResponse<?> response) {
        List<Header> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) -> values.forEach(value -> headers.add(new BasicHeader(name, value))));
        return headers.toArray(Header[]::new);
    }
}
