package fi.vuoro.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import fi.vuoro.domain.staff.NotSignedInException;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.platform.config.VuoroConfiguration;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs staff in with the {@code Authorization: Bearer} access token of an AWS Cognito user pool (or
 * the local runtime's stand-in, which issues the same shape): an RS256 signature by a key of the
 * configured JWK set, and the claims {@link CognitoAccessTokenClaims} checks. The sites come from the
 * {@code cognito:groups} claim: a group {@code site-<siteId>} grants that site, other groups grant nothing.
 *
 * <p>The key set is fetched on the first sign-in, not at start-up, and then cached; an unknown key id
 * refetches it (rate limited), so a rotated key is picked up. Tokens are never logged.
 *
 * <p>Only where Nimbus JOSE is on the class path: the staff API's jar (and the local runtime) carry it.
 */
@Singleton
@Requires(classes = SignedJWT.class)
public class JwtStaffAuthenticator implements StaffAuthenticator {

    static final String SIGN_IN_FIRST = "Sign in first";
    static final String EXPIRED = "Your sign-in has expired";
    static final String NOT_ACCEPTED = "Sign-in not accepted";
    static final String NOT_SET_UP = "Staff sign-in is not set up";
    /** A group named {@code site-<siteId>} grants that site. */
    static final String SITE_GROUP_PREFIX = "site-";
    /** A group named {@code coordinator-<siteId>} makes its members coordinators (and staff) of that site. */
    static final String COORDINATOR_GROUP_PREFIX = "coordinator-";
    static final String GROUPS_CLAIM = "cognito:groups";

    private static final Logger LOG = LoggerFactory.getLogger(JwtStaffAuthenticator.class);
    private static final String BEARER = "Bearer ";
    /** Cognito access tokens are about 1 KB; anything this long is not one. */
    private static final int MAX_TOKEN_LENGTH = 8 * 1024;
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int READ_TIMEOUT_MS = 2_000;
    private static final int JWKS_SIZE_LIMIT = 50 * 1024;
    private static final long KEYS_CACHED_MS = 15 * 60 * 1000L;
    private static final long KEYS_REFRESH_TIMEOUT_MS = 5_000L;

    /** Null when the deployment lacks a setting: then every request is refused. */
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final String jwksUrl;
    private final String missingSettings;
    private final AtomicBoolean toldNotSetUp = new AtomicBoolean();

    @Inject
    public JwtStaffAuthenticator(VuoroConfiguration config, Clock clock) {
        String url = blankToNull(config.getStaffJwksUrl());
        String issuer = blankToNull(config.getStaffTokenIssuer());
        String clientId = blankToNull(config.getStaffClientId());
        List<String> missing = new ArrayList<>();
        if (url == null) {
            missing.add("vuoro.staff-jwks-url (VUORO_STAFF_JWKS_URL)");
        }
        if (issuer == null) {
            missing.add("vuoro.staff-token-issuer (VUORO_STAFF_TOKEN_ISSUER)");
        }
        if (clientId == null) {
            missing.add("vuoro.staff-client-id (VUORO_STAFF_CLIENT_ID)");
        }
        URL keysAt = url == null ? null : toUrl(url, missing);
        this.jwksUrl = url;
        this.missingSettings = missing.isEmpty() ? null : String.join(", ", missing);
        this.processor = missing.isEmpty() ? processor(keysAt, issuer, clientId, clock) : null;
    }

    /** With the system clock. */
    public JwtStaffAuthenticator(VuoroConfiguration config) {
        this(config, Clock.systemUTC());
    }

    private static DefaultJWTProcessor<SecurityContext> processor(URL keysAt, String issuer, String clientId,
                                                                 Clock clock) {
        // Building the source fetches nothing: the first verification does.
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(keysAt,
                        new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, JWKS_SIZE_LIMIT))
                .cache(KEYS_CACHED_MS, KEYS_REFRESH_TIMEOUT_MS)
                .retrying(true)
                .build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new CognitoAccessTokenClaims(issuer, clientId, clock));
        return processor;
    }

    @Override
    public StaffMember authenticate(String authorizationHeader) {
        if (processor == null) {
            if (toldNotSetUp.compareAndSet(false, true)) {
                LOG.error("Staff sign-in is not set up: every staff request is refused until {} is configured",
                        missingSettings);
            }
            throw new NotSignedInException(NOT_SET_UP);
        }
        String token = bearerToken(authorizationHeader);
        JWTClaimsSet claims;
        try {
            claims = processor.process(SignedJWT.parse(token), null);
        } catch (CognitoAccessTokenClaims.ExpiredException e) {
            throw refused(EXPIRED, "expired");
        } catch (RateLimitReachedException e) {
            throw refused(NOT_ACCEPTED, "unknown signing key");
        } catch (KeySourceException e) {
            LOG.warn("Could not read the staff sign-in keys from {}: {}", jwksUrl, e.getMessage());
            throw refused(NOT_ACCEPTED, "signing keys unavailable");
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            // The exception's message may quote the token's content: only its kind is logged.
            throw refused(NOT_ACCEPTED, e.getClass().getSimpleName());
        }
        try {
            List<String> groups = claims.getStringListClaim(GROUPS_CLAIM);
            return new StaffMember(claims.getStringClaim("username"), sites(groups, SITE_GROUP_PREFIX),
                    sites(groups, COORDINATOR_GROUP_PREFIX));
        } catch (ParseException e) {
            throw refused(NOT_ACCEPTED, "groups are not a list of names");
        }
    }

    private static String bearerToken(String header) {
        if (header == null || header.isBlank()) {
            throw new NotSignedInException(SIGN_IN_FIRST);
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw refused(SIGN_IN_FIRST, "not a bearer token");
        }
        String token = value.substring(BEARER.length()).strip();
        if (token.isEmpty()) {
            throw new NotSignedInException(SIGN_IN_FIRST);
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw refused(NOT_ACCEPTED, "token too long");
        }
        return token;
    }

    /** The sites the groups grant, in the order given; groups without the prefix grant nothing. */
    static Set<String> sites(List<String> groups) {
        return sites(groups, SITE_GROUP_PREFIX);
    }

    /** The sites groups with the prefix name ({@code site-} for staff, {@code coordinator-} for coordinators). */
    static Set<String> sites(List<String> groups, String prefix) {
        Set<String> sites = new LinkedHashSet<>();
        if (groups != null) {
            for (String group : groups) {
                if (group != null && group.startsWith(prefix) && group.length() > prefix.length()) {
                    sites.add(group.substring(prefix.length()));
                }
            }
        }
        return sites;
    }

    private static NotSignedInException refused(String message, String why) {
        LOG.debug("Refused a staff sign-in: {}", why);
        return new NotSignedInException(message);
    }

    private static URL toUrl(String url, List<String> missing) {
        try {
            URI uri = URI.create(url);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
            return uri.toURL();
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            missing.add("a valid vuoro.staff-jwks-url (an http(s) URL, not '" + url + "')");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
