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
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local stand-in for the Cognito user pool: signs access tokens of the same shape (RS256,
 * {@code token_use=access}, {@code client_id}, {@code username}, {@code cognito:groups}) with an RSA
 * key pair made at start-up and kept in memory only, and publishes the public key as a JWK set, so
 * staff requests are checked locally exactly as in AWS.
 *
 * <p>Lifetimes and sign-out are the template's app client's: an access token lasts {@link #LIFETIME}, a refresh token
 * {@link #REFRESH_LIFETIME} and buys new access tokens (with the account's sites as they are then) until it is
 * revoked. As with Cognito, revoking a refresh token does not recall the access tokens it bought: they are checked
 * against the published key alone, and stay valid until they expire.
 */
@Context
public final class LocalTokenIssuer {

    /** The app client id local tokens are issued to. */
    public static final String CLIENT_ID = "vuoro-local-staff";
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    public static final Duration REFRESH_LIFETIME = Duration.ofHours(12);

    /** A refresh token: whose, until when. Kept in memory only, as the signing key. */
    private record Refresh(String username, Instant expiresAt) {
    }

    private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();

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

    /** A new refresh token of the account, valid for {@link #REFRESH_LIFETIME} from now unless revoked. */
    public String refreshToken(LocalStaffAccounts.Account account) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        refreshTokens.put(token, new Refresh(account.username(), clock.instant().plus(REFRESH_LIFETIME)));
        return token;
    }

    /** The username of a refresh token that is known, not revoked and not expired. */
    public Optional<String> refreshed(String refreshToken) {
        Refresh refresh = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (refresh == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(refresh.expiresAt())) {
            refreshTokens.remove(refreshToken);
            return Optional.empty();
        }
        return Optional.of(refresh.username());
    }

    /** Ends a refresh token: it buys no access token any more. Unknown tokens are ignored, as Cognito does. */
    public void revoke(String refreshToken) {
        if (refreshToken != null) {
            refreshTokens.remove(refreshToken);
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
