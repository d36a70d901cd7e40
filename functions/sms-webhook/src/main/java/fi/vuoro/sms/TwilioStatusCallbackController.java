package fi.vuoro.sms;

import fi.vuoro.domain.outbox.DeliveryReports;
import fi.vuoro.platform.http.WebhookNotSignedException;
import fi.vuoro.platform.twilio.TwilioStatusCallbacks;
import fi.vuoro.platform.twilio.TwilioWebhookVerifier;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.QueryValue;
import java.util.HashMap;
import java.util.Map;

/**
 * Twilio's message status callback for the SMS Vuoro sent ({@code /sms/status?outbox=<id>}). Twilio signs the
 * full callback URL, query included; an unsigned report is refused before anything is written. A signed one
 * moves the outbox message forward (never back) and is answered 200 with nothing, also when the message is
 * unknown or the report changes nothing, so that Twilio does not repeat it.
 */
@Controller
// DynamoDB calls block: keep them off the HTTP event loop where the controller runs on Netty (locally).
@ExecuteOn(TaskExecutors.BLOCKING)
public class TwilioStatusCallbackController {

    private final TwilioWebhookVerifier verifier;
    private final DeliveryReports reports;

    public TwilioStatusCallbackController(TwilioWebhookVerifier verifier, DeliveryReports reports) {
        this.verifier = verifier;
        this.reports = reports;
    }

    @Post(uri = TwilioStatusCallbacks.PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<Void> status(@Nullable @QueryValue(TwilioStatusCallbacks.OUTBOX_PARAMETER) String outbox,
                                     @Body Map<String, String> form,
                                     @Nullable @Header("X-Twilio-Signature") String signature) {
        String signedPath = outbox == null ? TwilioStatusCallbacks.PATH : TwilioStatusCallbacks.pathAndQuery(outbox);
        if (!verifier.isSigned(signedPath, postedOnly(form, outbox), signature)) {
            throw new WebhookNotSignedException();
        }
        if (outbox != null && !outbox.isBlank()) {
            TwilioStatusCallbacks.status(form.get("MessageStatus")).ifPresent(status -> reports.report(outbox, status));
        }
        return HttpResponse.ok();
    }

    /**
     * Twilio signs the posted parameters only, the query being part of the URL. Behind API Gateway the query's
     * {@code outbox} also arrives among the form's parameters, so it is taken out again.
     */
    private static Map<String, String> postedOnly(Map<String, String> form, String outbox) {
        if (outbox == null || !outbox.equals(form.get(TwilioStatusCallbacks.OUTBOX_PARAMETER))) {
            return form;
        }
        Map<String, String> posted = new HashMap<>(form);
        posted.remove(TwilioStatusCallbacks.OUTBOX_PARAMETER);
        return posted;
    }
}
