package fi.vuoro.local;

import fi.vuoro.testkit.FakeTwilioApi;
import fi.vuoro.testkit.TwilioWebhookClient;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stand-in for a phone network and Twilio: the simulator page texts a site through here,
 * signed exactly as Twilio signs, and reads what was sent back.
 */
@Controller
public class SimulatorController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FakeTwilioApi twilio;
    private final TwilioWebhookClient webhookClient;
    private final String publicBaseUrl;

    public SimulatorController(FakeTwilioApi twilio,
                               @Value("${vuoro.twilio-auth-token}") String authToken,
                               @Value("${vuoro.public-base-url}") String publicBaseUrl) {
        this.twilio = twilio;
        this.webhookClient = new TwilioWebhookClient(authToken);
        this.publicBaseUrl = publicBaseUrl;
    }

    private static final URI SIMULATOR_PAGE = URI.create("/simulator/index.html");

    @Get
    public HttpResponse<?> home() {
        return HttpResponse.seeOther(SIMULATOR_PAGE);
    }

    @Get("/simulator")
    public HttpResponse<?> simulator() {
        return HttpResponse.seeOther(SIMULATOR_PAGE);
    }

    /** The messages the fake Twilio has sent, oldest first; {@code phone} keeps one conversation. */
    @Get("/local/messages")
    public List<SentMessage> messages(@Nullable @QueryValue String phone) {
        return twilio.messages().stream()
                .filter(m -> phone == null || phone.equals(m.to()) || phone.equals(m.from()))
                .map(m -> new SentMessage(m.sid(), m.to(), m.from(), m.body(), m.createdAt().toString()))
                .toList();
    }

    @Get("/local/demo")
    public Map<String, String> demo() {
        return Map.of("siteNumber", DemoSite.NUMBER, "siteName", DemoSite.create().name());
    }

    /** Texts a site as a visitor would: Twilio's inbound parameters, signed, to the webhook. */
    @Post("/local/simulate")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<SimulatedDelivery> simulate(@Body SimulatedSms sms) {
        if (sms.from() == null || !sms.from().matches("\\+[1-9][0-9]{6,14}")) {
            return HttpResponse.badRequest(new SimulatedDelivery(400, "From must be a phone number like +358401234567"));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "FI");
        params.put("SmsMessageSid", messageSid());
        params.put("NumMedia", "0");
        params.put("SmsSid", params.get("SmsMessageSid"));
        params.put("SmsStatus", "received");
        params.put("Body", sms.body() == null ? "" : sms.body());
        params.put("To", sms.to() == null || sms.to().isBlank() ? DemoSite.NUMBER : sms.to());
        params.put("NumSegments", "1");
        params.put("MessageSid", params.get("SmsMessageSid"));
        params.put("AccountSid", LocalSettings.DEV_TWILIO_ACCOUNT_SID);
        params.put("From", sms.from());
        params.put("ApiVersion", "2010-04-01");
        String webhook = publicBaseUrl + "/sms/inbound";
        TwilioWebhookClient.WebhookResponse response = webhookClient.post(URI.create(webhook), webhook, params);
        return HttpResponse.ok(new SimulatedDelivery(response.status(), response.body()));
    }

    private static String messageSid() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "SM" + HexFormat.of().formatHex(bytes);
    }

    @Introspected
    public record SimulatedSms(String from, @Nullable String to, @Nullable String body) {
    }

    @Introspected
    public record SimulatedDelivery(int webhookStatus, String webhookResponse) {
    }

    @Introspected
    public record SentMessage(String sid, String to, String from, String body, String createdAt) {
    }
}
