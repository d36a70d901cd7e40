package fi.vuoro.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes {@code X-Twilio-Signature} as Twilio does for a form POST: Base64 of HMAC-SHA1, keyed with the auth
 * token, over the full public URL followed by each parameter name and value, names in sorted order.
 */
public final class TwilioWebhookSigner {

    private final SecretKeySpec key;

    public TwilioWebhookSigner(String authToken) {
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
    }

    /**
     * @param url    the URL exactly as configured in Twilio (the public one when the server sits behind a proxy)
     * @param params the form parameters of the POST; a null value signs as the empty string
     */
    public String sign(String url, Map<String, String> params) {
        StringBuilder payload = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> payload.append(name).append(value == null ? "" : value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(payload.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable in this JVM", e);
        }
    }
}
