package fi.vuoro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.twilio.security.RequestValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwilioWebhookClientTest {

    private static final String AUTH_TOKEN = "fedcba9876543210fedcba9876543210";
    private static final String PUBLIC_URL = "https://vuoro.example.fi/sms";
    private static final String TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
            + "أنت رقم 4 في الطابور</Message></Response>";

    private final TwilioWebhookClient webhook = new TwilioWebhookClient(AUTH_TOKEN);
    private final RequestValidator validator = new RequestValidator(AUTH_TOKEN);
    private final AtomicReference<CapturedRequest> captured = new AtomicReference<>();
    private HttpServer server;
    private URI target;

    record CapturedRequest(String contentType, String userAgent, String signature, Map<String, String> params) {}

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sms", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = new LinkedHashMap<>();
            FormEncoding.decode(form).forEach((name, values) -> params.put(name, values.get(0)));
            captured.set(new CapturedRequest(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("User-Agent"),
                    exchange.getRequestHeaders().getFirst("X-Twilio-Signature"), params));
            byte[] body = TWIML.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        target = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    @Test
    void post_shouldSendFormSignedForPublicUrl() {
        Map<String, String> params = TwilioWebhookSignerTest.incomingSms("أريد مترجما 🙏");

        TwilioWebhookClient.WebhookResponse response = webhook.post(target, PUBLIC_URL, params);

        CapturedRequest request = captured.get();
        assertEquals(200, response.status());
        assertEquals(TWIML, response.body());
        assertEquals("text/xml; charset=utf-8", response.header("content-type"));
        assertEquals(params, request.params());
        assertEquals(List.copyOf(params.keySet()), List.copyOf(request.params().keySet()));
        assertEquals("application/x-www-form-urlencoded", request.contentType());
        assertEquals("TwilioProxy/1.1", request.userAgent());
        assertTrue(validator.validate(PUBLIC_URL, request.params(), request.signature()));
        assertFalse(validator.validate(target.toString(), request.params(), request.signature()));
    }

    @Test
    void post_shouldSignForContactedUrlWhenNoPublicUrlGiven() {
        webhook.post(target, TwilioWebhookSignerTest.incomingSms("JONO"));

        CapturedRequest request = captured.get();
        assertTrue(validator.validate(target.toString(), request.params(), request.signature()));
    }

    @Test
    void postUnsigned_shouldOmitSignatureHeader() {
        webhook.postUnsigned(target, TwilioWebhookSignerTest.incomingSms("JONO"));

        assertNull(captured.get().signature());
    }

    @Test
    void postWithTamperedSignature_shouldSendSignatureThatFailsValidation() {
        webhook.postWithTamperedSignature(target, PUBLIC_URL, TwilioWebhookSignerTest.incomingSms("JONO"));

        CapturedRequest request = captured.get();
        assertEquals(28, request.signature().length());
        assertFalse(validator.validate(PUBLIC_URL, request.params(), request.signature()));
    }
}
