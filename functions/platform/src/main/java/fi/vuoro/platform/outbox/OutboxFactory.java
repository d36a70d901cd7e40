package fi.vuoro.platform.outbox;

import fi.vuoro.domain.outbox.DeliveryReports;
import fi.vuoro.domain.outbox.OutboxDispatcher;
import fi.vuoro.domain.outbox.OutboxStore;
import fi.vuoro.domain.outbox.Pause;
import fi.vuoro.domain.outbox.SmsGateway;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.platform.config.Secrets;
import fi.vuoro.platform.config.VuoroConfiguration;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.platform.logging.EmbeddedMetrics;
import fi.vuoro.platform.twilio.TwilioSmsGateway;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import fi.vuoro.domain.interpreter.InterpreterRequestStore;
import fi.vuoro.domain.interpreter.OfferPremises;
import fi.vuoro.domain.outbox.Premise;
import fi.vuoro.domain.outbox.PremiseCheck;
import fi.vuoro.domain.outbox.PremiseChecks;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.QueueEvents;
import fi.vuoro.domain.queue.TicketLifecycle;
import fi.vuoro.domain.queue.TicketPremises;
import fi.vuoro.domain.queue.TicketReachability;
import fi.vuoro.domain.outbox.UnreachableRecipients;
import fi.vuoro.domain.visitor.VisitorStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.apache.hc.client5.http.config.RequestConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the outbox: the DynamoDB store, the Twilio gateway, the dispatcher that sends owed SMS and the
 * delivery reports from Twilio's status callbacks.
 *
 * <p>The outbox runs on the application's clock, the one that stamped each message when it was owed; waiting
 * (for a send slot, a retry) is real time. A {@code com.twilio.http.HttpClient} bean, if any, carries the
 * requests to Twilio (the local runtime's goes to the fake Twilio).
 */
@Factory
public class OutboxFactory {

    @Singleton
    OutboxStore outboxStore(DynamoDbClient dynamo, TableName table) {
        return new DynamoOutboxStore(dynamo, table);
    }

    @Singleton
    DeliveryReports deliveryReports(OutboxStore store, Clock clock) {
        return new DeliveryReports(store, clock);
    }

    /**
     * Only where the Twilio SDK's HTTP client can start: its base class initialises with httpclient5's request
     * configuration, which only the jobs function (the outbox sender) and the local runtime carry.
     */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(classes = RequestConfig.class)
    TwilioSmsGateway smsGateway(VuoroConfiguration config, OutboxConfiguration outbox, Secrets secrets,
                                @Nullable com.twilio.http.HttpClient transport) {
        return new TwilioSmsGateway(config.getTwilioAccountSid(),
                secrets.secret("Twilio auth token", config.getTwilioAuthToken(),
                        config.getTwilioAuthTokenParameter()),
                transport, outbox.getRequestTimeout(), config.getPublicBaseUrl());
    }

    /** What an owed SMS announces is checked by the capability that owes it: the queue, or interpreter matching. */
    @Singleton
    PremiseCheck premiseCheck(QueueStore queue, InterpreterRequestStore interpreterRequests) {
        return new PremiseChecks(Map.of(
                Premise.TicketState.class, new TicketPremises(queue),
                Premise.OfferOpen.class, new OfferPremises(interpreterRequests)));
    }

    @Singleton
    @Requires(beans = SmsGateway.class)
    OutboxDispatcher outboxDispatcher(OutboxStore store, SmsGateway gateway, PhoneProtector phones, Clock clock,
                                      OutboxConfiguration outbox, PremiseCheck premises,
                                      UnreachableRecipients unreachable) {
        // Jitter from a generator made per draw: a SnapStart snapshot holds no random state every restore shares.
        return new OutboxDispatcher(store, gateway, phones, clock, Pause.threadSleep(),
                () -> new SecureRandom().nextLong(), outbox.policy(), premises, outbox.siteSendCap(),
                new EmbeddedMetricSendCapAlarm(new EmbeddedMetrics(), clock), unreachable);
    }

    /** A visitor Twilio will not text (STOP, a number without SMS): their ticket and number are marked. */
    @Singleton
    UnreachableRecipients unreachableRecipients(QueueStore queue, VisitorStore visitors, TicketLifecycle lifecycle,
                                                QueueEvents events) {
        return new TicketReachability(queue, visitors, lifecycle, events);
    }
}
