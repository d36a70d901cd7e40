package fi.vuoro.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.testkit.TableItems;
import fi.vuoro.testkit.TwilioWebhookClient;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local runtime started as a newcomer starts it, with a settable clock, for integration tests
 * that text it through the signed webhook exactly as Twilio would.
 */
public abstract class RunningService {

    /** A Tuesday, 12:00 in Helsinki. */
    protected static final Instant TUESDAY_NOON = Instant.parse("2026-11-24T10:00:00Z");
    protected static final String TOKEN = "test-auth-token-for-signatures";
    protected static final String TABLE = LocalRuntime.TABLE;
    private static final Pattern CODE = Pattern.compile("\\b([A-Z][0-9]{1,3})\\b");
    private static final AtomicLong NEXT_PHONE = new AtomicLong(1_000_000);

    protected static MutableClock clock;
    protected static LocalRuntime runtime;
    protected static LogCapture logs;
    protected static TwilioWebhookClient twilio;
    /** Every phone number and message body the suite sent: none may appear in a log line. */
    protected static final Set<String> personalData = ConcurrentHashMap.newKeySet();

    public record Reply(int status, String body, String text) {
        public String ticketCode() {
            Matcher matcher = CODE.matcher(text);
            assertTrue(matcher.find(), "no ticket code in: " + text);
            return matcher.group(1);
        }
    }

    @BeforeAll
    protected static void startService() throws IOException {
        logs = LogCapture.attach();
        clock = new MutableClock(TUESDAY_NOON);
        runtime = LocalRuntime.start(new LocalSettings(freePort(), TOKEN, clock));
        twilio = new TwilioWebhookClient(TOKEN);
    }

    @AfterAll
    protected static void stopService_andProveNoLogLineCarriesAPhoneNumberOrMessageBody() {
        runtime.close();
        logs.detach();
        List<String> lines = logs.lines();
        assertTrue(!lines.isEmpty(), "the service logged nothing: the check below would prove nothing");
        for (String line : lines) {
            assertTrue(!line.matches(".*\\+358[0-9]{6,}.*"), "a log line carries a phone number: " + line);
            for (String secret : personalData) {
                assertTrue(!line.contains(secret), "a log line carries personal data: " + line);
            }
        }
    }

    protected static String newPhone() {
        String phone = "+35840" + NEXT_PHONE.incrementAndGet();
        personalData.add(phone);
        PersonalDataScan.knownNumber(phone);
        personalData.add(phone.substring(1));
        return phone;
    }

    protected static URI webhook() {
        return URI.create(runtime.baseUrl() + "/sms/inbound");
    }

    protected static Map<String, String> inbound(String from, String to, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "FI");
        params.put("SmsMessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        params.put("NumMedia", "0");
        params.put("SmsStatus", "received");
        if (body != null) {
            params.put("Body", body);
        }
        if (to != null) {
            params.put("To", to);
        }
        params.put("MessageSid", params.get("SmsMessageSid"));
        params.put("AccountSid", LocalSettings.DEV_TWILIO_ACCOUNT_SID);
        if (from != null) {
            params.put("From", from);
        }
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    protected static Reply text(String from, String body) {
        return deliver(inbound(from, DemoSite.NUMBER, body));
    }

    protected static Reply deliver(Map<String, String> params) {
        if (params.containsKey("Body") && params.get("Body").length() > 3) {
            personalData.add(params.get("Body"));
        }
        TwilioWebhookClient.WebhookResponse response = twilio.post(webhook(), webhook().toString(), params);
        return new Reply(response.status(), response.body(),
                response.status() == 200 ? messageText(response.body()) : "");
    }

    protected static String messageText(String twiml) {
        try {
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(twiml)));
            NodeList messages = xml.getElementsByTagName("Message");
            return messages.getLength() == 0 ? "" : messages.item(0).getTextContent();
        } catch (Exception e) {
            throw new AssertionError("not TwiML: " + twiml, e);
        }
    }

    protected static DynamoDbClient dynamo() {
        return runtime.dynamo().client();
    }

    protected static String phoneHash(String phone) {
        return runtime.context().getBean(PhoneProtector.class).hash(phone);
    }

    protected static List<Map<String, AttributeValue>> itemsOfPhone(String phone) {
        return dynamo().query(b -> b.tableName(TABLE)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("PHONE#" + phoneHash(phone)))))
                .items();
    }

    /** Whether a reply to the message is stored, under whichever sender (a test-only Scan: the sender may be unknown). */
    protected static boolean replyStored(String messageSid) {
        return TableItems.all(dynamo(), TABLE).stream()
                .anyMatch(item -> ("REPLY#" + messageSid).equals(item.get("SK").s()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
