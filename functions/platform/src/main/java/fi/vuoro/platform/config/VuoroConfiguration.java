package fi.vuoro.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import fi.vuoro.domain.site.Site;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

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
    private int phoneEncryptionKeyVersion = 1;
    private String staffJwksUrl;
    private String staffTokenIssuer;
    private String staffClientId;
    private String staffLoginUrl;
    private String staffRefreshUrl;
    private String staffSignOutUrl;
    private String cognitoClientId;
    private String cognitoRegion;
    private String cognitoEndpoint;

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

    /** How long tickets are kept after their service day, unless a site says otherwise. */
    public int getRetentionHours() {
        return retentionHours;
    }

    /** What a site keeps its visits for unless its coordinator says otherwise: this deployment's, at most 72 hours. */
    public Duration defaultSiteRetention() {
        return Duration.ofHours(Math.min(retentionHours, Site.MAX_RETENTION.toHours()));
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

    /**
     * The version of the phone encryption key new numbers are sealed with (VUORO_PHONE_ENCRYPTION_KEY_VERSION); the
     * encryption key secret lists it, and may list older versions that still open numbers sealed before a rotation.
     */
    public int getPhoneEncryptionKeyVersion() {
        return phoneEncryptionKeyVersion;
    }

    public void setPhoneEncryptionKeyVersion(int phoneEncryptionKeyVersion) {
        if (phoneEncryptionKeyVersion < 1) {
            throw new IllegalArgumentException("Phone encryption key versions start at 1");
        }
        this.phoneEncryptionKeyVersion = phoneEncryptionKeyVersion;
    }

    /**
     * Where the staff sign-in keys are published (a JWK set), e.g. the Cognito user pool's
     * {@code https://cognito-idp.<region>.amazonaws.com/<poolId>/.well-known/jwks.json}
     * (VUORO_STAFF_JWKS_URL). Without it every staff request is refused.
     */
    @Nullable
    public String getStaffJwksUrl() {
        return staffJwksUrl;
    }

    public void setStaffJwksUrl(@Nullable String staffJwksUrl) {
        this.staffJwksUrl = staffJwksUrl;
    }

    /**
     * The issuer ({@code iss}) every staff access token must name, e.g.
     * {@code https://cognito-idp.<region>.amazonaws.com/<poolId>} (VUORO_STAFF_TOKEN_ISSUER).
     */
    @Nullable
    public String getStaffTokenIssuer() {
        return staffTokenIssuer;
    }

    public void setStaffTokenIssuer(@Nullable String staffTokenIssuer) {
        this.staffTokenIssuer = staffTokenIssuer;
    }

    /** The app client ({@code client_id}) staff access tokens must be issued to (VUORO_STAFF_CLIENT_ID). */
    @Nullable
    public String getStaffClientId() {
        return staffClientId;
    }

    public void setStaffClientId(@Nullable String staffClientId) {
        this.staffClientId = staffClientId;
    }

    /**
     * Where the staff page posts a username and password to sign in, locally {@code /local/login};
     * empty in AWS, where the page signs in against Cognito.
     */
    @Nullable
    public String getStaffLoginUrl() {
        return staffLoginUrl;
    }

    public void setStaffLoginUrl(@Nullable String staffLoginUrl) {
        this.staffLoginUrl = staffLoginUrl;
    }

    /** Where the staff page renews an access token with its refresh token, locally {@code /local/refresh}. */
    @Nullable
    public String getStaffRefreshUrl() {
        return staffRefreshUrl;
    }

    public void setStaffRefreshUrl(@Nullable String staffRefreshUrl) {
        this.staffRefreshUrl = staffRefreshUrl;
    }

    /** Where the staff page revokes its refresh token on sign-out, locally {@code /local/sign-out}. */
    @Nullable
    public String getStaffSignOutUrl() {
        return staffSignOutUrl;
    }

    public void setStaffSignOutUrl(@Nullable String staffSignOutUrl) {
        this.staffSignOutUrl = staffSignOutUrl;
    }

    /** The Cognito user pool app client the staff page signs in with (VUORO_COGNITO_CLIENT_ID). */
    @Nullable
    public String getCognitoClientId() {
        return cognitoClientId;
    }

    public void setCognitoClientId(@Nullable String cognitoClientId) {
        this.cognitoClientId = cognitoClientId;
    }

    /** The region of the Cognito user pool: the function's own (AWS_REGION). */
    @Nullable
    public String getCognitoRegion() {
        return cognitoRegion;
    }

    public void setCognitoRegion(@Nullable String cognitoRegion) {
        this.cognitoRegion = cognitoRegion;
    }

    /**
     * Where the staff pages send their Cognito sign-in requests; unset in AWS, where it is the region's
     * {@code https://cognito-idp.<region>.amazonaws.com/}. Tests point it at a loopback stand-in.
     */
    @Nullable
    public String getCognitoEndpoint() {
        if (cognitoEndpoint != null && !cognitoEndpoint.isBlank()) {
            return cognitoEndpoint;
        }
        return cognitoRegion == null || cognitoRegion.isBlank() ? null
                : "https://cognito-idp." + cognitoRegion + ".amazonaws.com/";
    }

    public void setCognitoEndpoint(@Nullable String cognitoEndpoint) {
        this.cognitoEndpoint = cognitoEndpoint;
    }
}
