package fi.vuoro.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.vuoro.testkit.FormEncoding;
import fi.vuoro.testkit.TwilioInboundSms;
import fi.vuoro.testkit.TwilioWebhookSigner;
import fi.vuoro.testkit.lambda.ScheduledEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The first event each function gets in the cold-start benchmark, shaped as its event source delivers it: API
 * Gateway HTTP API (payload 2.0) requests, a signed Twilio webhook among them, and EventBridge's scheduled event.
 * (The DynamoDB stream's event is read from DynamoDB Local's own stream, in {@link ColdStart}.)
 */
final class ColdStartEvents {

    static final String REGION = "eu-north-1";
    static final String ACCOUNT = "123456789012";
    private static final Path WEBHOOK_FIXTURE = Path.of("functions/sms-webhook/src/test/resources/events/twilio-inbound-sms.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String publicBaseUrl;
    private final String authToken;
    private final String siteNumber;
    private final String siteId;
    private final ScheduledEvents schedules = new ScheduledEvents(REGION, ACCOUNT);

    ColdStartEvents(String publicBaseUrl, String authToken, String siteNumber, String siteId) {
        this.publicBaseUrl = publicBaseUrl;
        this.authToken = authToken;
        this.siteNumber = siteNumber;
        this.siteId = siteId;
    }

    /** A join ("JONO") from a new number, signed for the public URL, in the webhook's fixture's shape. */
    String signedJoin(int n) {
        Map<String, String> params = TwilioInboundSms.params("AC00000000000000000000000000000001",
                String.format(Locale.ROOT, "+3584090%05d", n), siteNumber, "JONO");
        String signature = new TwilioWebhookSigner(authToken).sign(publicBaseUrl + "/sms/inbound", params);
        String form = FormEncoding.encode(params);
        try {
            return Files.readString(WEBHOOK_FIXTURE, StandardCharsets.UTF_8)
                    .replace("${signature}", signature)
                    .replace("${body}", Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET on the route, its path parameters filled in: a lobby screen's poll of the site, or a feedback link. */
    String get(String route, int n) {
        String routePath = route.substring(route.indexOf(' ') + 1);
        String path = routePath
                .replace("/lobby/{proxy+}", "/lobby/api/sites/" + siteId + "/calls")
                .replace("{token}", "coldstart-link-" + n)
                .replaceAll("\\{[^}]+}", "coldstart");
        String host = publicBaseUrl.replaceFirst("^https?://", "");
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "GET " + routePath);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        ObjectNode headers = event.putObject("headers");
        headers.put("accept", "*/*");
        headers.put("host", host);
        headers.put("user-agent", "Mozilla/5.0 (Linux; Android 14) Mobile");
        headers.put("x-forwarded-for", "198.51.100.7");
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", ACCOUNT);
        context.put("apiId", host.substring(0, host.indexOf('.')));
        context.put("domainName", host);
        context.put("domainPrefix", host.substring(0, host.indexOf('.')));
        ObjectNode http = context.putObject("http");
        http.put("method", "GET");
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "198.51.100.7");
        http.put("userAgent", "Mozilla/5.0 (Linux; Android 14) Mobile");
        context.put("requestId", "coldstart-" + n);
        context.put("routeKey", "GET " + routePath);
        context.put("stage", "$default");
        context.put("timeEpoch", System.currentTimeMillis());
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    /** What the function's schedule rule delivers (SAM names the rule after the function and the event). */
    String scheduled(String function, String eventName) {
        String rule = function + eventName;
        return schedules.event(rule.length() > 64 ? rule.substring(0, 64) : rule);
    }
}
