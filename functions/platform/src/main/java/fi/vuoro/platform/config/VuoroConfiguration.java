package fi.vuoro.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Everything a function needs to know about its deployment. In AWS the values arrive as the
 * template's environment variables (VUORO_*; see application.yml); locally the runtime sets them.
 * Secrets come either as a value (local only) or as the name of an SSM SecureString parameter.
 */
@ConfigurationProperties("vuoro")
public class VuoroConfiguration {

    private String tableName;
    private String publicBaseUrl;
    private int retentionHours = 48;
    private String dynamodbEndpoint;
    private String twilioAccountSid;
    private String twilioAuthToken;
    private String twilioAuthTokenParameter;
    private String phoneHashKey;
    private String phoneHashKeyParameter;
    private String phoneEncryptionKey;
    private String phoneEncryptionKeyParameter;

    /** The single DynamoDB table (VUORO_TABLE_NAME). */
    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    /** The public base URL Twilio calls; webhook signatures are checked against it. */
    @Nullable
    public String getPublicBaseUrl() {
        return publicBaseUrl;
    }

    public void setPublicBaseUrl(@Nullable String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    /** How long tickets are kept after their service day. */
    public int getRetentionHours() {
        return retentionHours;
    }

    public void setRetentionHours(int retentionHours) {
        if (retentionHours < 1) {
            throw new IllegalArgumentException("Retention is at least one hour");
        }
        this.retentionHours = retentionHours;
    }

    /** A DynamoDB endpoint other than AWS's, e.g. DynamoDB Local; empty in AWS. */
    @Nullable
    public String getDynamodbEndpoint() {
        return dynamodbEndpoint;
    }

    public void setDynamodbEndpoint(@Nullable String dynamodbEndpoint) {
        this.dynamodbEndpoint = dynamodbEndpoint;
    }

    @Nullable
    public String getTwilioAccountSid() {
        return twilioAccountSid;
    }

    public void setTwilioAccountSid(@Nullable String twilioAccountSid) {
        this.twilioAccountSid = twilioAccountSid;
    }

    @Nullable
    public String getTwilioAuthToken() {
        return twilioAuthToken;
    }

    public void setTwilioAuthToken(@Nullable String twilioAuthToken) {
        this.twilioAuthToken = twilioAuthToken;
    }

    @Nullable
    public String getTwilioAuthTokenParameter() {
        return twilioAuthTokenParameter;
    }

    public void setTwilioAuthTokenParameter(@Nullable String twilioAuthTokenParameter) {
        this.twilioAuthTokenParameter = twilioAuthTokenParameter;
    }

    @Nullable
    public String getPhoneHashKey() {
        return phoneHashKey;
    }

    public void setPhoneHashKey(@Nullable String phoneHashKey) {
        this.phoneHashKey = phoneHashKey;
    }

    @Nullable
    public String getPhoneHashKeyParameter() {
        return phoneHashKeyParameter;
    }

    public void setPhoneHashKeyParameter(@Nullable String phoneHashKeyParameter) {
        this.phoneHashKeyParameter = phoneHashKeyParameter;
    }

    @Nullable
    public String getPhoneEncryptionKey() {
        return phoneEncryptionKey;
    }

    public void setPhoneEncryptionKey(@Nullable String phoneEncryptionKey) {
        this.phoneEncryptionKey = phoneEncryptionKey;
    }

    @Nullable
    public String getPhoneEncryptionKeyParameter() {
        return phoneEncryptionKeyParameter;
    }

    public void setPhoneEncryptionKeyParameter(@Nullable String phoneEncryptionKeyParameter) {
        this.phoneEncryptionKeyParameter = phoneEncryptionKeyParameter;
    }
}
