package fi.vuoro.sms;

import fi.vuoro.domain.sms.InboundSms;
import fi.vuoro.domain.sms.InboundSmsRouter;
import fi.vuoro.platform.http.WebhookNotSignedException;
import fi.vuoro.platform.twilio.TwilioWebhookVerifier;
import fi.vuoro.platform.twilio.TwimlReplies;
import fi.vuoro.platform.twilio.TwimlReplyListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;

/**
 * Twilio's "a message comes in" webhook for a site's number. The signature is checked before
 * anything is read or written; the reply goes back as TwiML, which Twilio sends to the visitor.
 */
@Controller
// DynamoDB calls block: keep them off the HTTP event loop where the controller runs on Netty (locally).
@ExecuteOn(TaskExecutors.BLOCKING)
public class TwilioSmsWebhookController {

    static final String PATH = "/sms/inbound";

    private final TwilioWebhookVerifier verifier;
    private final InboundSmsRouter router;
    private final List<TwimlReplyListener> listeners;

    public TwilioSmsWebhookController(TwilioWebhookVerifier verifier, InboundSmsRouter router,
                                      List<TwimlReplyListener> listeners) {
        this.verifier = verifier;
        this.router = router;
        this.listeners = listeners;
    }

    @Post(uri = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_XML)
    public String inbound(@Body Map<String, String> form,
                          @Nullable @Header("X-Twilio-Signature") String signature) {
        if (!verifier.isSigned(PATH, form, signature)) {
            throw new WebhookNotSignedException();
        }
        InboundSms sms = new InboundSms(form.get("MessageSid"), form.get("From"), form.get("To"), form.get("Body"));
        String reply = router.handle(sms);
        if (reply.equals(InboundSmsRouter.NO_REPLY)) {
            // A silenced sender: Twilio gets its 200 and an empty answer, and texts nothing back.
            return TwimlReplies.empty();
        }
        listeners.forEach(listener -> listener.replied(sms.from(), sms.to(), reply));
        return TwimlReplies.message(reply);
    }
}
