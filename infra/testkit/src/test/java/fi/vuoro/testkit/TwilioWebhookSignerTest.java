package fi.vuoro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.security.RequestValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioWebhookSignerTest {

    private static final String AUTH_TOKEN = "fedcba9876543210fedcba9876543210";
    private static final String PUBLIC_URL = "https://abc123.execute-api.eu-north-1.amazonaws.com/sms";

    private final TwilioWebhookSigner signer = new TwilioWebhookSigner(AUTH_TOKEN);
    private final RequestValidator validator = new RequestValidator(AUTH_TOKEN);

    @Test
    void sign_shouldReproduceTwilioPublishedExample() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("Caller", "+14158675309");
        params.put("Digits", "1234");
        params.put("From", "+14158675309");
        params.put("To", "+18005551212");

        String signature = new TwilioWebhookSigner("12345").sign("https://mycompany.com/myapp.php?foo=1&bar=2", params);

        assertEquals("RSOYDt4T1cUTdK1PDd93/VVr8B8=", signature);
    }

    @Test
    void sign_shouldBeAcceptedBySdkValidator() {
        Map<String, String> params = incomingSms("JONO");

        assertTrue(validator.validate(PUBLIC_URL, params, signer.sign(PUBLIC_URL, params)));
    }

    @Test
    void sign_shouldNotValidateTamperedBody() {
        String signature = signer.sign(PUBLIC_URL, incomingSms("JONO"));

        assertFalse(validator.validate(PUBLIC_URL, incomingSms("JONO 2"), signature));
    }

    @Test
    void sign_shouldNotValidateForDifferentUrl() {
        Map<String, String> params = incomingSms("JONO");
        String signature = signer.sign(PUBLIC_URL, params);

        assertFalse(validator.validate("https://abc123.execute-api.eu-north-1.amazonaws.com/sms-other", params, signature));
    }

    @Test
    void sign_shouldNotValidateWithAnotherAccountsToken() {
        Map<String, String> params = incomingSms("JONO");

        String signature = new TwilioWebhookSigner("0000000000000000000000000000000").sign(PUBLIC_URL, params);

        assertFalse(validator.validate(PUBLIC_URL, params, signature));
    }

    @Test
    void sign_shouldHandleArabicAndEmojiBodies() {
        Map<String, String> params = incomingSms("أريد موعدا مع مترجم 🙏🏽");

        assertTrue(validator.validate(PUBLIC_URL, params, signer.sign(PUBLIC_URL, params)));
    }

    @Test
    void sign_shouldNotDependOnParameterOrder() {
        Map<String, String> reversed = new LinkedHashMap<>();
        incomingSms("JONO").entrySet().stream()
                .sorted(Map.Entry.<String, String>comparingByKey().reversed())
                .forEach(entry -> reversed.put(entry.getKey(), entry.getValue()));

        assertEquals(signer.sign(PUBLIC_URL, incomingSms("JONO")), signer.sign(PUBLIC_URL, reversed));
    }

    static Map<String, String> incomingSms(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "FI");
        params.put("SmsMessageSid", "SM" + "0123456789abcdef0123456789abcdef");
        params.put("NumMedia", "0");
        params.put("From", "+358401234567");
        params.put("To", "+358451112222");
        params.put("Body", body);
        params.put("AccountSid", "AC" + "0123456789abcdef0123456789abcdef");
        params.put("MessageSid", "SM" + "0123456789abcdef0123456789abcdef");
        params.put("ApiVersion", "2010-04-01");
        return params;
    }
}
