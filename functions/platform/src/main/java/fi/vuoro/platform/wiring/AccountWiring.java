package fi.vuoro.platform.wiring;

import fi.vuoro.domain.account.AccountChangeListener;
import fi.vuoro.domain.account.StaffAccountAdmin;
import fi.vuoro.domain.account.StaffDirectory;
import fi.vuoro.platform.cognito.CognitoStaffDirectory;
import fi.vuoro.platform.cognito.StaffAccountsConfiguration;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Staff accounts and their sites: the coordinators' service over the Cognito user pool in AWS (only the staff API
 * function has one configured) or the local runtime's own directory,
 * telling every listener of each change.
 */
@Factory
public class AccountWiring {

    @Singleton
    @Requires(beans = StaffDirectory.class)
    StaffAccountAdmin staffAccountAdmin(StaffDirectory directory, List<AccountChangeListener> listeners) {
        return new StaffAccountAdmin(directory, listeners);
    }

    /** Region and credentials come from the SDK's default chain, as for DynamoDB, on the first call. */
    @Singleton
    @Requires(missingBeans = StaffDirectory.class)
    @Requires(property = "vuoro.staff-accounts.user-pool-id", pattern = ".+")
    CognitoStaffDirectory cognitoStaffDirectory(StaffAccountsConfiguration config) {
        return new CognitoStaffDirectory(CognitoStaffDirectory.userPoolApi(), config.getUserPoolId());
    }
}
