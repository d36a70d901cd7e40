package fi.vuoro.platform.wiring;

import fi.vuoro.domain.account.AccountChangeListener;
import fi.vuoro.domain.account.StaffAccountAdmin;
import fi.vuoro.domain.account.StaffDirectory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Staff accounts and their sites: the coordinators' service over the Cognito user pool in AWS (only the staff API
 * function has one configured) or the local runtime's own directory, telling every listener of each change.
 */
@Factory
public class AccountWiring {

    @Singleton
    @Requires(beans = StaffDirectory.class)
    StaffAccountAdmin staffAccountAdmin(StaffDirectory directory, List<AccountChangeListener> listeners) {
        return new StaffAccountAdmin(directory, listeners);
    }
}
