package fi.vuoro.platform.wiring;

import fi.vuoro.domain.account.AccountChangeListener;
import fi.vuoro.domain.account.StaffAccountAdmin;
import fi.vuoro.domain.account.StaffDirectory;
import fi.vuoro.platform.cognito.CognitoStaffDirectory;
import fi.vuoro.platform.cognito.StaffAccountsConfiguration;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Staff accounts and their sites: the coordinators' service over the Cognito user pool in AWS (only the staff API
 * function has one configured, and only its jar carries the Cognito SDK) or the local runtime's own directory,
 * telling every listener of each change.
 */
@Factory
public class AccountWiring {

    @Singleton
    @Requires(beans = StaffDirectory.class)
    StaffAccountAdmin staffAccountAdmin(StaffDirectory directory, List<AccountChangeListener> listeners) {
        return new StaffAccountAdmin(directory, listeners);
    }

    /** The client is built once at init; region and credentials come from the SDK's default chain, as for DynamoDB. */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(missingBeans = StaffDirectory.class)
    @Requires(classes = CognitoIdentityProviderClient.class)
    @Requires(property = "vuoro.staff-accounts.user-pool-id", pattern = ".+")
    CognitoStaffDirectory cognitoStaffDirectory(StaffAccountsConfiguration config) {
        return new CognitoStaffDirectory(
                CognitoIdentityProviderClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                config.getUserPoolId());
    }
}
