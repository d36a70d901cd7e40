package fi.vuoro.platform.wiring;

import fi.vuoro.domain.audit.Audit;
import fi.vuoro.domain.estimate.ServiceHistorySource;
import fi.vuoro.domain.interpreter.InterpreterAdmin;
import fi.vuoro.domain.interpreter.InterpreterDesk;
import fi.vuoro.domain.interpreter.InterpreterQueueListener;
import fi.vuoro.domain.interpreter.InterpreterReadiness;
import fi.vuoro.domain.interpreter.InterpreterRouting;
import fi.vuoro.domain.interpreter.InterpreterService;
import fi.vuoro.domain.interpreter.InterpreterSms;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.platform.dynamodb.interpreter.DynamoInterpreterStores;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Interpreter matching, in one place: its stores, the service, and how it hooks into the rest: it listens to the
 * queue's events, holds "call next" back until an interpreter is there, and claims interpreters' SMS.
 */
@Factory
public class InterpreterWiring {

    @Singleton
    DynamoInterpreterStores interpreterStores(DynamoDbClient dynamo, TableName table) {
        return new DynamoInterpreterStores(dynamo, table);
    }

    @Singleton
    InterpreterService interpreterService(SiteDirectory sites, QueueStore queue, DynamoInterpreterStores stores,
                                          MessageCatalogue catalogue, ServiceHistorySource history, Clock clock) {
        return new InterpreterService(sites, queue, stores, stores, new InterpreterSms(catalogue), history, clock);
    }

    @Singleton
    InterpreterQueueListener interpreterQueueListener(InterpreterService interpreters) {
        return new InterpreterQueueListener(interpreters);
    }

    @Singleton
    InterpreterReadiness interpreterReadiness(InterpreterService interpreters) {
        return new InterpreterReadiness(interpreters);
    }

    @Singleton
    InterpreterRouting interpreterRouting(DynamoInterpreterStores stores, InterpreterService interpreters,
                                          MessageCatalogue catalogue) {
        return new InterpreterRouting(stores, interpreters, catalogue);
    }

    @Singleton
    InterpreterDesk interpreterDesk(SiteDirectory sites, QueueStore queue, InterpreterService interpreters,
                                    Clock clock, Audit audit) {
        return new InterpreterDesk(sites, queue, interpreters, clock, audit);
    }

    @Singleton
    InterpreterAdmin interpreterAdmin(DynamoInterpreterStores stores, PhoneProtector phones,
                                      MessageCatalogue catalogue) {
        return new InterpreterAdmin(stores, phones, catalogue);
    }
}
