package fi.vuoro.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fi.vuoro.platform.config.VuoroConfiguration;
import io.micronaut.context.annotation.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The local stand-in for the Cognito user pool: signs access tokens of the same shape (RS256,
 * {@code token_use=access}, {@code client_id}, {@code username}, {@code cognito:groups}) with an RSA
 * key pair made at start-up and kept in memory only, and publishes the public key as a JWK set, so
 * staff requests are checked locally exactly as in AWS.
 */
@Context
public final class LocalTokenIssuer {

    /** The app client id local tokens are issued to. */
    public static final String CLIENT_ID = "vuoro-local-staff";
    public static final Duration LIFETIME = Duration.ofHours(1);

    private final RSAKey key;
    private final RSASSASigner signer;
    private final String issuer;
    private final String clientId;
    private final Clock clock;

    public LocalTokenIssuer(VuoroConfiguration config, Clock clock) {
        this.issuer = config.getStaffTokenIssuer();
        this.clientId = config.getStaffClientId();
        if (issuer == null || issuer.isBlank() || clientId == null || clientId.isBlank()) {
            throw new IllegalStateException("The local runtime sets vuoro.staff-token-issuer and vuoro.staff-client-id");
        }
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048)
                    .keyID("local-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not make the local sign-in key", e);
        }
    }

    /** An access token for the account, valid for {@link #LIFETIME} from now. */
    public String issue(LocalStaffAccounts.Account account) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(UUID.nameUUIDFromBytes(("vuoro-local-staff:" + account.username())
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .claim("cognito:groups", account.groups())
                .issuer(issuer)
                .claim("version", 2)
                .claim("client_id", clientId)
                .claim("token_use", "access")
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("auth_time", now.getEpochSecond())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("username", account.username())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a local access token", e);
        }
        return jwt.serialize();
    }

    /** The public key as a JWK set, as a user pool publishes its keys; never the private part. */
    public String publicKeys() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public String keyId() {
        return key.getKeyID();
    }
}
