package fi.vuoro.platform.wiring;

import fi.vuoro.domain.audit.Audit;
import fi.vuoro.domain.estimate.ServiceHistorySource;
import fi.vuoro.domain.estimate.ServiceLog;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.sms.ReplyCounter;
import fi.vuoro.domain.sms.ReplyLog;
import fi.vuoro.domain.queue.QueueEvents;
import fi.vuoro.domain.queue.QueueListener;
import fi.vuoro.domain.queue.TicketLifecycle;
import fi.vuoro.domain.sms.InboundSmsRouter;
import fi.vuoro.domain.sms.SenderRecordsSource;
import fi.vuoro.domain.sms.SenderRouting;
import fi.vuoro.domain.sms.VisitorConversation;
import fi.vuoro.domain.staff.CallOrder;
import fi.vuoro.domain.staff.CallReadiness;
import fi.vuoro.domain.staff.ComeBackNotifier;
import fi.vuoro.domain.staff.NoShowSweep;
import fi.vuoro.domain.staff.QueueSms;
import fi.vuoro.domain.staff.ServiceTimes;
import fi.vuoro.domain.staff.StaffInput;
import fi.vuoro.domain.staff.StaffQueueService;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.domain.visitor.VisitorStore;
import fi.vuoro.platform.config.ReplyBudgetConfiguration;
import fi.vuoro.platform.config.Secrets;
import fi.vuoro.platform.config.SsmParameters;
import fi.vuoro.platform.config.VuoroConfiguration;
import fi.vuoro.platform.crypto.KeyedPhoneProtector;
import fi.vuoro.platform.dynamodb.DynamoQueueStore;
import fi.vuoro.platform.dynamodb.DynamoReplyCounter;
import fi.vuoro.platform.dynamodb.DynamoReplyLog;
import fi.vuoro.platform.dynamodb.DynamoSenderRecords;
import fi.vuoro.platform.dynamodb.CachedServiceHistory;
import fi.vuoro.platform.dynamodb.DynamoServiceHistory;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import fi.vuoro.platform.dynamodb.DynamoVisitorStore;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.platform.twilio.TwilioWebhookVerifier;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the adapters once, at start-up (Lambda init, before a SnapStart snapshot), and wires them
 * into the domain services.
 */
@Factory
public class PlatformFactory {

    /** Tests and the local runtime may register their own clock. */
    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    Secrets secrets() {
        return new Secrets(new SsmParameters()::read);
    }

    /** The local runtime may register its own client, e.g. one whose HTTP client injects faults. */
    @Singleton
    @Requires(missingBeans = DynamoDbClient.class)
    @Bean(preDestroy = "close")
    DynamoDbClient dynamoDbClient(VuoroConfiguration config) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        String endpoint = config.getDynamodbEndpoint();
        if (endpoint != null && !endpoint.isBlank()) {
            // DynamoDB Local accepts any credentials and region.
            builder.endpointOverride(URI.create(endpoint))
                    .region(Region.EU_NORTH_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        // Otherwise the SDK's default chain: in Lambda with SnapStart that is the container credentials endpoint
        // (AWS_CONTAINER_CREDENTIALS_FULL_URI), as a SnapStart function gets no access-key variables.
        return builder.build();
    }

    @Singleton
    TableName tableName(VuoroConfiguration config) {
        return new TableName(config.getTableName());
    }

    @Singleton
    DynamoSiteDirectory siteDirectory(DynamoDbClient dynamo, TableName table, Clock clock, VuoroConfiguration config) {
        return new DynamoSiteDirectory(dynamo, table, clock, config.defaultSiteRetention());
    }

    @Singleton
    QueueStore queueStore(DynamoDbClient dynamo, TableName table, Clock clock) {
        return new DynamoQueueStore(dynamo, table, clock);
    }

    @Singleton
    SenderRecordsSource senderRecords(DynamoDbClient dynamo, TableName table) {
        return new DynamoSenderRecords(dynamo, table);
    }

    @Singleton
    VisitorStore visitorStore(DynamoDbClient dynamo, TableName table) {
        return new DynamoVisitorStore(dynamo, table);
    }

    @Singleton
    ReplyLog replyLog(DynamoDbClient dynamo, TableName table) {
        return new DynamoReplyLog(dynamo, table);
    }

    @Singleton
    ReplyCounter replyCounter(DynamoDbClient dynamo, TableName table) {
        return new DynamoReplyCounter(dynamo, table);
    }

    @Singleton
    DynamoServiceHistory serviceHistory(DynamoDbClient dynamo, TableName table, Clock clock) {
        return new DynamoServiceHistory(dynamo, table, clock);
    }

    /** Every join and status reply needs a wait estimate; a site's pace changes over minutes, not seconds. */
    @Primary
    @Singleton
    ServiceHistorySource recentServiceHistory(DynamoServiceHistory history, Clock clock) {
        return new CachedServiceHistory(history, clock, CachedServiceHistory.DEFAULT_TIME);
    }

    @Singleton
    PhoneProtector phoneProtector(VuoroConfiguration config, Secrets secrets) {
        return new KeyedPhoneProtector(
                secrets.secret("phone hash key", config.getPhoneHashKey(), config.getPhoneHashKeyParameter()),
                secrets.reloadable("phone encryption key", config.getPhoneEncryptionKey(),
                        config.getPhoneEncryptionKeyParameter()),
                config.getPhoneEncryptionKeyVersion());
    }

    @Singleton
    MessageCatalogue messageCatalogue() {
        return MessageCatalogue.loadDefault();
    }

    @Singleton
    TwilioWebhookVerifier twilioWebhookVerifier(VuoroConfiguration config, Secrets secrets) {
        return new TwilioWebhookVerifier(
                secrets.secret("Twilio auth token", config.getTwilioAuthToken(), config.getTwilioAuthTokenParameter()),
                config.getPublicBaseUrl());
    }

    @Singleton
    TicketLifecycle ticketLifecycle(MessageCatalogue catalogue) {
        return new TicketLifecycle(new QueueSms(catalogue));
    }

    /** Every listener of the queue's events, whatever capability it belongs to. */
    @Singleton
    QueueEvents queueEvents(List<QueueListener> listeners) {
        return new QueueEvents(listeners);
    }

    @Singleton
    ComeBackNotifier comeBackNotifier(QueueStore queue, TicketLifecycle lifecycle) {
        return new ComeBackNotifier(queue, lifecycle);
    }

    @Singleton
    ServiceTimes serviceTimes(ServiceLog serviceLog) {
        return new ServiceTimes(serviceLog);
    }

    @Singleton
    VisitorConversation visitorConversation(SiteDirectory sites, QueueStore queue, VisitorStore visitors,
                                            PhoneProtector phones, ServiceHistorySource history,
                                            TicketLifecycle lifecycle, QueueEvents events,
                                            MessageCatalogue catalogue) {
        return new VisitorConversation(sites, queue, visitors, phones, history, lifecycle, events, catalogue);
    }

    @Singleton
    InboundSmsRouter inboundSmsRouter(SiteDirectory sites, SenderRecordsSource records, ReplyLog replies,
                                      PhoneProtector phones, List<SenderRouting> routings,
                                      VisitorConversation visitors, MessageCatalogue catalogue,
                                      ReplyBudgetConfiguration budget, ReplyCounter counter, Clock clock) {
        return new InboundSmsRouter(sites, records, replies, phones, routings, visitors, catalogue, budget.budget(),
                counter, clock);
    }

    @Singleton
    StaffQueueService staffQueueService(SiteDirectory sites, QueueStore queue, TicketLifecycle lifecycle,
                                        QueueEvents events, MessageCatalogue catalogue, List<CallReadiness> readiness,
                                        Clock clock, Audit audit) {
        return new StaffQueueService(sites, queue, lifecycle, events, new StaffInput(catalogue),
                new CallOrder(readiness), clock, audit);
    }

    @Singleton
    NoShowSweep noShowSweep(SiteDirectory sites, QueueStore queue, StaffQueueService staff, Clock clock) {
        return new NoShowSweep(sites, queue, staff, clock);
    }
}
