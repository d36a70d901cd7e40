package fi.vuoro.fidelity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.platform.dynamodb.DynamoQueueStore;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.testkit.FormEncoding;
import fi.vuoro.testkit.TwilioWebhookSigner;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** What every scenario against the deployed stack shares: its API, a site of its own, signed SMS, staff tokens. */
abstract class DeployedScenarios {

    static final Pattern CODE = Pattern.compile("\\b([A-Z][0-9]{1,3})\\b");
    private static final AtomicLong NEXT_PHONE = new AtomicLong(7_000_000);
    private static final AtomicLong NEXT_SITE_NUMBER = new AtomicLong(500);

    final DeployedStack stack = DeployedStack.shared();
    final HttpApiGateway api = new HttpApiGateway(stack);

    /** A site open all day, with its own number and these topics (a site with one joins every visitor to it). */
    Site newSite(char ticketLetter, String... topicWords) {
        String id = "fidelity" + UUID.randomUUID().toString().substring(0, 8);
        Site site = new Site(id, "Fidelity", "+358500000" + NEXT_SITE_NUMBER.incrementAndGet(), OpeningHours.always(),
                Set.of("fi", "en"), Duration.ofMinutes(15), 2, ticketLetter, Set.of(topicWords), 3, Duration.ofMinutes(10));
        new DynamoSiteDirectory(stack.dynamo.client(), new TableName(DeployedStack.TABLE), Clock.systemUTC()).save(site);
        return site;
    }

    DynamoQueueStore queue() {
        return new DynamoQueueStore(stack.dynamo.client(), new TableName(DeployedStack.TABLE));
    }

    static String newPhone() {
        return "+35841" + NEXT_PHONE.incrementAndGet();
    }

    /** A visitor's SMS to the site, as Twilio posts it to the webhook: form body, signed for the public URL. */
    HttpApiGateway.Response text(String from, Site site, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "FI");
        form.put("SmsMessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("NumMedia", "0");
        form.put("SmsStatus", "received");
        form.put("Body", body);
        form.put("To", site.smsNumber());
        form.put("MessageSid", form.get("SmsMessageSid"));
        form.put("AccountSid", DeployedStack.TWILIO_ACCOUNT_SID);
        form.put("From", from);
        form.put("ApiVersion", "2010-04-01");
        return postSigned("/sms/inbound", form);
    }

    HttpApiGateway.Response postSigned(String pathAndQuery, Map<String, String> form) {
        String signature = new TwilioWebhookSigner(DeployedStack.TWILIO_AUTH_TOKEN)
                .sign(stack.publicBaseUrl() + pathAndQuery, form);
        return api.send("POST", pathAndQuery, Map.of("content-type", "application/x-www-form-urlencoded",
                "user-agent", "TwilioProxy/1.1", "x-twilio-signature", signature,
                "i-twilio-idempotency-token", UUID.randomUUID().toString()), FormEncoding.encode(form));
    }

    /** The text of the TwiML reply's message. */
    static String messageText(HttpApiGateway.Response response) {
        try {
            NodeList messages = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(response.body()))).getElementsByTagName("Message");
            return messages.getLength() == 0 ? "" : messages.item(0).getTextContent();
        } catch (Exception e) {
            throw new AssertionError("not TwiML: " + response.body(), e);
        }
    }

    static String ticketCode(String text) {
        Matcher matcher = CODE.matcher(text);
        assertTrue(matcher.find(), "no ticket code in: " + text);
        return matcher.group(1);
    }

    String staffToken(String username, Site... sites) {
        return stack.cognito.accessToken(username, java.util.Arrays.stream(sites).map(s -> "site-" + s.id()).toList());
    }

    static Map<String, String> bearer(String token) {
        return Map.of("authorization", "Bearer " + token);
    }

    /** Every message the fake Twilio has received for this number, oldest first. */
    List<String> smsTo(String phone) {
        return stack.twilio.messages().stream().filter(m -> phone.equals(m.to())).map(m -> m.body()).toList();
    }
}
