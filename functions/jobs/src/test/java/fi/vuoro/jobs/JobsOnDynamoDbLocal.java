package fi.vuoro.jobs;

import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.testing.DirectChanges;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.platform.dynamodb.DynamoQueueStore;
import fi.vuoro.platform.dynamodb.OutboxItems;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.platform.outbox.OutboxIndex;
import fi.vuoro.platform.twilio.JavaNetTwilioHttpClient;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.FakeTwilioApi;
import fi.vuoro.testkit.TemplateTables;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The job functions' world: DynamoDB Local with the template's table and the outbox index, and a fake Twilio. */
abstract class JobsOnDynamoDbLocal {

    static final String TABLE = "VuoroTable";
    static final String TOKEN = "jobs-test-auth-token";

    static DynamoDbLocalServer dynamo;
    static FakeTwilioApi twilio;

    @BeforeAll
    static void startDynamoAndTwilio() {
        dynamo = DynamoDbLocalServer.start();
        TemplateTables.createAllWithoutTimeToLive(dynamo.client(), CloudFormationTemplate.load(CloudFormationTemplate.locate()));
        OutboxIndex.ensure(dynamo.client(), TABLE);
        twilio = FakeTwilioApi.start(0);
        twilio.requireAuthToken(TOKEN);
    }

    @AfterAll
    static void stopDynamoAndTwilio() {
        twilio.close();
        dynamo.close();
    }

    /** The deployment's settings as the template's environment gives them, Twilio reached on loopback. */
    static ApplicationContextBuilder context() {
        return ApplicationContext.builder()
                .properties(Map.of(
                        "vuoro.table-name", TABLE,
                        "vuoro.dynamodb-endpoint", dynamo.endpoint().toString(),
                        "vuoro.public-base-url", "https://jobs.example",
                        "vuoro.twilio-account-sid", "AC00000000000000000000000000000042",
                        "vuoro.twilio-auth-token", TOKEN,
                        "vuoro.phone-hash-key", "jobs-test-phone-hash-key",
                        "vuoro.phone-encryption-key", "jobs-test-phone-encryption-key"))
                .singletons(new JavaNetTwilioHttpClient(Duration.ofSeconds(30), twilio.baseUrl()));
    }

    /** Calls a fresh ticket, which owes its visitor the "your turn" SMS, written with the call. */
    static OutboundSms oweYourTurn(ApplicationContext context, String siteId, String phone, String from, Instant at) {
        DynamoQueueStore queue = new DynamoQueueStore(dynamo.client(), new TableName(TABLE));
        PhoneProtector phones = context.getBean(PhoneProtector.class);
        ServiceDay day = ServiceDay.of(at);
        Instant expires = day.expiresAt(Duration.ofHours(48));
        int number = queue.nextTicketNumber(siteId, day, expires);
        Ticket ticket = Ticket.joinedBySms(siteId, day, number, TicketCode.of('J', number), "fi", Optional.empty(),
                false, phones.hash(phone), phones.encrypt(phone), at, expires);
        queue.createTicket(ticket);
        OutboundSms sms = new OutboundSms(siteId + "." + day.date() + "." + number + ".called-" + at.toEpochMilli(),
                siteId, phones.encrypt(phone), from, TicketCode.of('J', number) + ": your turn, desk 1", at);
        DirectChanges.call(queue, ticket, "1", at, Optional.of(sms));
        return sms;
    }

    static Map<String, AttributeValue> outboxItem(String id) {
        return dynamo.client().getItem(b -> b.tableName(TABLE).consistentRead(true).key(Map.of(
                "PK", AttributeValue.fromS(OutboxItems.pk(id)), "SK", AttributeValue.fromS(OutboxItems.SK)))).item();
    }
}
