package fi.vuoro.platform.twilio;

import com.twilio.security.RequestValidator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks X-Twilio-Signature with Twilio's own validator, against the public URL Twilio was given
 * (never one rebuilt from request headers, which a caller controls). Without a public URL every
 * webhook is refused.
 */
public final class TwilioWebhookVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(TwilioWebhookVerifier.class);

    private final RequestValidator validator;
    private final String publicBaseUrl;

    public TwilioWebhookVerifier(String authToken, String publicBaseUrl) {
        this.validator = new RequestValidator(authToken);
        this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
        if (this.publicBaseUrl.isEmpty()) {
            LOG.warn("No public base URL is configured: every webhook will be refused");
        }
    }

    public boolean isSigned(String path, Map<String, String> params, String signature) {
        if (publicBaseUrl.isEmpty() || signature == null || signature.isBlank()) {
            return false;
        }
        return validator.validate(publicBaseUrl + path, params, signature);
    }
}
