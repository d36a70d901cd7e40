package fi.vuoro.platform.cognito;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** Where staff accounts are kept in AWS: the Cognito user pool the template makes (VUORO_STAFF_USER_POOL_ID). */
@ConfigurationProperties("vuoro.staff-accounts")
public class StaffAccountsConfiguration {

    private String userPoolId;

    @Nullable
    public String getUserPoolId() {
        return userPoolId;
    }

    public void setUserPoolId(@Nullable String userPoolId) {
        this.userPoolId = userPoolId;
    }
}
