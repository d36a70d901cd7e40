package fi.vuoro.platform.auth;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The claims a staff access token must carry, shaped as an AWS Cognito user pool's access token:
 * our issuer, our app client ({@code client_id}; access tokens carry no {@code aud}),
 * {@code token_use=access} (an ID token is refused), a {@code username}, and a time window that
 * includes now, give or take a small clock skew. Checked only after the signature has been.
 */
final class CognitoAccessTokenClaims implements JWTClaimsSetVerifier<SecurityContext> {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final String issuer;
    private final String clientId;
    private final Clock clock;

    CognitoAccessTokenClaims(String issuer, String clientId, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clock = clock;
    }

    /** A signed, well-formed token whose time is over: the only refusal worth a message of its own. */
    static final class ExpiredException extends BadJWTException {
        ExpiredException() {
            super("Expired access token");
        }
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw new BadJWTException("No expiry");
        }
        if (now.isAfter(expires.toInstant().plus(CLOCK_SKEW))) {
            throw new ExpiredException();
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore.toInstant())) {
            throw new BadJWTException("Not valid yet");
        }
        Date issuedAt = claims.getIssueTime();
        if (issuedAt != null && now.plus(CLOCK_SKEW).isBefore(issuedAt.toInstant())) {
            throw new BadJWTException("Issued in the future");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new BadJWTException("Another issuer");
        }
        if (!"access".equals(stringClaim(claims, "token_use"))) {
            throw new BadJWTException("Not an access token");
        }
        if (!clientId.equals(stringClaim(claims, "client_id"))) {
            throw new BadJWTException("Another app client");
        }
        String username = stringClaim(claims, "username");
        if (username == null || username.isBlank()) {
            throw new BadJWTException("No username");
        }
    }

    static String stringClaim(JWTClaimsSet claims, String name) throws BadJWTException {
        try {
            return claims.getStringClaim(name);
        } catch (java.text.ParseException e) {
            throw new BadJWTException("Claim " + name + " is not a string");
        }
    }
}
