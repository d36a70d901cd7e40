package fi.vuoro.platform.twilio;

import com.twilio.security.RequestValidator;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks X-Twilio-Signature with Twilio's own validator, against the public URL Twilio was given
 * (never one rebuilt from request headers, which a caller controls). Without a public URL every
 * webhook is refused.
 */
public final class TwilioWebhookVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(TwilioWebhookVerifier.class);

    private final Supplier<String> authToken;
    private final String publicBaseUrl;
    private volatile RequestValidator validator;

    public TwilioWebhookVerifier(String authToken, String publicBaseUrl) {
        this(() -> authToken, publicBaseUrl);
    }

    /** The auth token is read on the first webhook, so a function that takes no webhooks never reads it. */
    public TwilioWebhookVerifier(Supplier<String> authToken, String publicBaseUrl) {
        this.authToken = authToken;
        this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
        if (this.publicBaseUrl.isEmpty()) {
            LOG.warn("No public base URL is configured: every webhook will be refused");
        }
    }

    public boolean isSigned(String path, Map<String, String> params, String signature) {
        if (publicBaseUrl.isEmpty() || signature == null || signature.isBlank()) {
            return false;
        }
        return validator().validate(publicBaseUrl + path, params, signature);
    }

    private RequestValidator validator() {
        RequestValidator known = validator;
        if (known == null) {
            known = new RequestValidator(authToken.get());
            validator = known;
        }
        return known;
    }
}
