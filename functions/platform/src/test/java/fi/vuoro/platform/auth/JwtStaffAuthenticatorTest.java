package fi.vuoro.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import fi.vuoro.domain.staff.NotSignedInException;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.platform.config.VuoroConfiguration;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Staff sign-in accepts exactly a Cognito-shaped access token signed by a key of the configured JWK
 * set, for our issuer and app client, and refuses everything else with a short message.
 */
class JwtStaffAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String ISSUER = "https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_TestPool";
    private static final String CLIENT_ID = "staffpageclient123";

    private static RSAKey signingKey;
    private static RSAKey otherKey;
    private static HttpServer jwksServer;
    private static final AtomicInteger jwksFetches = new AtomicInteger();

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private JwtStaffAuthenticator authenticator;
    private ListAppender<ILoggingEvent> logLines;

    @BeforeAll
    static void publishSigningKeyOnLoopback() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("test-key-1").keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
        otherKey = new RSAKeyGenerator(2048).keyID("test-key-1").keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
        // Like Cognito's: the public key only.
        byte[] jwks = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwksServer.createContext("/.well-known/jwks.json", exchange -> {
            jwksFetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        jwksServer.start();
    }

    @AfterAll
    static void stopJwksServer() {
        jwksServer.stop(0);
    }

    @BeforeEach
    void newAuthenticator_andCaptureItsLog() {
        jwksFetches.set(0);
        authenticator = new JwtStaffAuthenticator(config(jwksUrl(), ISSUER, CLIENT_ID), clock);
        Logger logger = (Logger) LoggerFactory.getLogger(JwtStaffAuthenticator.class);
        logger.setLevel(Level.DEBUG);
        logLines = new ListAppender<>();
        logLines.start();
        logger.addAppender(logLines);
    }

    @AfterEach
    void detachLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(JwtStaffAuthenticator.class);
        logger.detachAppender(logLines);
        logger.setLevel(null);
    }

    private static String jwksUrl() {
        return "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/.well-known/jwks.json";
    }

    private static VuoroConfiguration config(String jwksUrl, String issuer, String clientId) {
        VuoroConfiguration config = new VuoroConfiguration();
        config.setStaffJwksUrl(jwksUrl);
        config.setStaffTokenIssuer(issuer);
        config.setStaffClientId(clientId);
        return config;
    }

    /** The claims of a Cognito user pool access token for a member of staff in the given groups. */
    private static JWTClaimsSet.Builder accessToken(String username, String... groups) {
        return new JWTClaimsSet.Builder()
                .subject(UUID.randomUUID().toString())
                .claim("cognito:groups", List.of(groups))
                .issuer(ISSUER)
                .claim("version", 2)
                .claim("client_id", CLIENT_ID)
                .claim("origin_jti", UUID.randomUUID().toString())
                .claim("event_id", UUID.randomUUID().toString())
                .claim("token_use", "access")
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("auth_time", NOW.minusSeconds(60).getEpochSecond())
                .expirationTime(Date.from(NOW.plus(Duration.ofHours(1))))
                .issueTime(Date.from(NOW.minusSeconds(60)))
                .jwtID(UUID.randomUUID().toString())
                .claim("username", username);
    }

    private static String signed(JWTClaimsSet.Builder claims) {
        return signed(claims, signingKey);
    }

    private static String signed(JWTClaimsSet.Builder claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    private void assertRefused(String header, String message) {
        NotSignedInException refused = assertThrows(NotSignedInException.class,
                () -> authenticator.authenticate(header));
        assertEquals(message, refused.getMessage());
    }

    private void assertNoLogLineCarries(String token) {
        String signature = token.substring(token.lastIndexOf('.') + 1);
        for (ILoggingEvent event : logLines.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertFalse(line.contains(token) || (!signature.isEmpty() && line.contains(signature)),
                    "a log line carries the token: " + line);
        }
    }

    @Test
    void acceptedAccessToken_signsInItsUsername_withTheSitesOfItsSiteGroups() {
        String token = signed(accessToken("anna", "site-demo", "site-hervanta"));
        StaffMember staff = authenticator.authenticate("Bearer " + token);
        assertEquals("anna", staff.username());
        assertEquals(Set.of("demo", "hervanta"), staff.siteIds());
        assertNoLogLineCarries(token);
    }

    @Test
    void groupsWithoutTheSitePrefix_grantNoSite() {
        StaffMember staff = authenticator.authenticate("Bearer " + signed(
                accessToken("coordinator", "admins", "site-demo", "Site-kaleva", "site-", "demo", "us-site-x")));
        assertEquals(Set.of("demo"), staff.siteIds());
    }

    @Test
    void tokenWithoutGroups_signsIn_withNoSite() {
        JWTClaimsSet.Builder claims = accessToken("olli");
        claims.claim("cognito:groups", null);
        StaffMember staff = authenticator.authenticate("Bearer " + signed(claims));
        assertEquals("olli", staff.username());
        assertTrue(staff.siteIds().isEmpty());
    }

    @Test
    void bearerScheme_isCaseInsensitive_andSurroundingSpaceIgnored() {
        String token = signed(accessToken("anna", "site-demo"));
        assertEquals("anna", authenticator.authenticate("bearer " + token).username());
        assertEquals("anna", authenticator.authenticate("  BEARER   " + token + "  ").username());
    }

    @Test
    void keys_areNotFetchedAtConstruction_butOnFirstSignIn_andThenCached() {
        assertEquals(0, jwksFetches.get(), "constructing the authenticator must not touch the network");
        for (int i = 0; i < 5; i++) {
            authenticator.authenticate("Bearer " + signed(accessToken("anna", "site-demo")));
        }
        assertEquals(1, jwksFetches.get());
    }

    @Test
    void constructing_withAnUnreachableKeySet_succeeds_andSignInIsThenRefused() {
        JwtStaffAuthenticator unreachable = new JwtStaffAuthenticator(
                config("http://127.0.0.1:9/.well-known/jwks.json", ISSUER, CLIENT_ID), clock);
        NotSignedInException refused = assertThrows(NotSignedInException.class,
                () -> unreachable.authenticate("Bearer " + signed(accessToken("anna", "site-demo"))));
        assertEquals(JwtStaffAuthenticator.NOT_ACCEPTED, refused.getMessage());
    }

    @Test
    void missingHeader_isAskedToSignInFirst() {
        assertRefused(null, "Sign in first");
        assertRefused("", "Sign in first");
        assertRefused("   ", "Sign in first");
        assertRefused("Bearer ", "Sign in first");
        assertRefused("Bearer    ", "Sign in first");
    }

    @Test
    void headerThatIsNotABearerToken_isAskedToSignInFirst() {
        String token = signed(accessToken("anna", "site-demo"));
        assertRefused("Basic YW5uYTp2dW9yby1kZW1v", "Sign in first");
        assertRefused(token, "Sign in first");
        assertRefused("Token " + token, "Sign in first");
        assertRefused("Bearer" + token, "Sign in first");
    }

    @Test
    void garbage_isNotAccepted() {
        assertRefused("Bearer not-a-token", "Sign-in not accepted");
        assertRefused("Bearer a.b.c", "Sign-in not accepted");
        assertRefused("Bearer eyJhbGciOiJSUzI1NiJ9.eyJ1c2VybmFtZSI6ImFubmEifQ.", "Sign-in not accepted");
        assertRefused("Bearer " + "x".repeat(10_000), "Sign-in not accepted");
    }

    @Test
    void tokenSignedWithAnotherKeyUnderTheSameKeyId_isNotAccepted() {
        String forged = signed(accessToken("anna", "site-demo", "site-hervanta"), otherKey);
        assertRefused("Bearer " + forged, "Sign-in not accepted");
        assertNoLogLineCarries(forged);
    }

    @Test
    void tokenSignedWithAKeyTheKeySetDoesNotHold_isNotAccepted() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        assertRefused("Bearer " + signed(accessToken("anna", "site-demo"), stranger), "Sign-in not accepted");
        assertRefused("Bearer " + signed(accessToken("anna", "site-demo"), stranger), "Sign-in not accepted");
    }

    @Test
    void changedClaimsUnderAValidSignature_areNotAccepted() {
        String token = signed(accessToken("olli", "site-hervanta"));
        String[] parts = token.split("\\.");
        String otherClaims = signed(accessToken("olli", "site-demo")).split("\\.")[1];
        assertRefused("Bearer " + parts[0] + "." + otherClaims + "." + parts[2], "Sign-in not accepted");
    }

    @Test
    void unsignedToken_isNotAccepted() {
        String unsigned = new PlainJWT(accessToken("anna", "site-demo").build()).serialize();
        assertRefused("Bearer " + unsigned, "Sign-in not accepted");
    }

    @Test
    void tokenSignedWithHmacOverThePublicKey_isNotAccepted() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey.getKeyID()).build(),
                accessToken("anna", "site-demo").build());
        jwt.sign(new MACSigner(signingKey.toRSAPublicKey().getEncoded()));
        assertRefused("Bearer " + jwt.serialize(), "Sign-in not accepted");
    }

    @Test
    void expiredToken_isToldItsSignInHasExpired() {
        JWTClaimsSet.Builder claims = accessToken("anna", "site-demo")
                .issueTime(Date.from(NOW.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(NOW.minus(Duration.ofHours(1))));
        String token = signed(claims);
        assertRefused("Bearer " + token, "Your sign-in has expired");
        assertNoLogLineCarries(token);
    }

    @Test
    void tokenJustPastItsExpiry_isAcceptedWithinTheClockSkew() {
        JWTClaimsSet.Builder claims = accessToken("anna", "site-demo")
                .expirationTime(Date.from(NOW.minusSeconds(30)));
        assertEquals("anna", authenticator.authenticate("Bearer " + signed(claims)).username());
    }

    @Test
    void tokenWithoutExpiry_isNotAccepted() {
        assertRefused("Bearer " + signed(accessToken("anna", "site-demo").expirationTime(null)),
                "Sign-in not accepted");
    }

    @Test
    void tokenIssuedInTheFuture_isNotAccepted() {
        JWTClaimsSet.Builder claims = accessToken("anna", "site-demo")
                .issueTime(Date.from(NOW.plus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(70))));
        assertRefused("Bearer " + signed(claims), "Sign-in not accepted");
    }

    @Test
    void tokenOfAnotherIssuer_isNotAccepted() {
        assertRefused("Bearer " + signed(accessToken("anna", "site-demo")
                .issuer("https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_OtherPool")), "Sign-in not accepted");
        assertRefused("Bearer " + signed(accessToken("anna", "site-demo").issuer(null)), "Sign-in not accepted");
    }

    @Test
    void tokenForAnotherAppClient_isNotAccepted() {
        assertRefused("Bearer " + signed(accessToken("anna", "site-demo").claim("client_id", "another-client")),
                "Sign-in not accepted");
        assertRefused("Bearer " + signed(accessToken("anna", "site-demo").claim("client_id", null)),
                "Sign-in not accepted");
    }

    @Test
    void idToken_isNotAccepted() {
        // Cognito's ID token: token_use=id, the app client in aud rather than client_id.
        JWTClaimsSet.Builder idToken = accessToken("anna", "site-demo")
                .claim("token_use", "id")
                .claim("client_id", null)
                .audience(CLIENT_ID)
                .claim("cognito:username", "anna");
        assertRefused("Bearer " + signed(idToken), "Sign-in not accepted");
        // Even one that also names the app client in client_id.
        assertRefused("Bearer " + signed(accessToken("anna", "site-demo").claim("token_use", "id")),
                "Sign-in not accepted");
        assertRefused("Bearer " + signed(accessToken("anna", "site-demo").claim("token_use", null)),
                "Sign-in not accepted");
    }

    @Test
    void tokenWithoutUsername_isNotAccepted() {
        assertRefused("Bearer " + signed(accessToken("anna", "site-demo").claim("username", null)),
                "Sign-in not accepted");
        assertRefused("Bearer " + signed(accessToken(" ", "site-demo")), "Sign-in not accepted");
    }

    @Test
    void groupsThatAreNotAListOfNames_areNotAccepted() {
        assertRefused("Bearer " + signed(accessToken("anna").claim("cognito:groups", "site-demo")),
                "Sign-in not accepted");
    }

    @Test
    void withoutTheKeySetUrl_everyRequestIsRefused_andTheLogSaysSoOnce() {
        authenticator = new JwtStaffAuthenticator(config("", ISSUER, CLIENT_ID), clock);
        String token = signed(accessToken("anna", "site-demo"));
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            messages.add(assertThrows(NotSignedInException.class,
                    () -> authenticator.authenticate("Bearer " + token)).getMessage());
        }
        assertEquals(List.of("Staff sign-in is not set up", "Staff sign-in is not set up",
                "Staff sign-in is not set up"), messages);
        List<String> errors = logLines.list.stream().filter(e -> e.getLevel() == Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, errors.size(), "one log line, not one per request: " + errors);
        assertTrue(errors.get(0).contains("VUORO_STAFF_JWKS_URL"), errors.get(0));
        assertEquals(0, jwksFetches.get());
    }

    @Test
    void withoutIssuerOrClientId_everyRequestIsRefused() {
        String token = signed(accessToken("anna", "site-demo"));
        for (JwtStaffAuthenticator incomplete : List.of(
                new JwtStaffAuthenticator(config(jwksUrl(), null, CLIENT_ID), clock),
                new JwtStaffAuthenticator(config(jwksUrl(), ISSUER, " "), clock),
                new JwtStaffAuthenticator(config("not a url", ISSUER, CLIENT_ID), clock),
                new JwtStaffAuthenticator(config("file:///etc/passwd", ISSUER, CLIENT_ID), clock))) {
            assertThrows(NotSignedInException.class, () -> incomplete.authenticate("Bearer " + token));
        }
        assertEquals(0, jwksFetches.get());
    }

    @Test
    void refusals_neverRepeatTheToken() {
        List<Consumer<JWTClaimsSet.Builder>> spoilers = List.of(
                c -> c.issuer("elsewhere"), c -> c.claim("token_use", "id"),
                c -> c.expirationTime(Date.from(NOW.minus(Duration.ofDays(1)))));
        for (Consumer<JWTClaimsSet.Builder> spoil : spoilers) {
            JWTClaimsSet.Builder claims = accessToken("anna", "site-demo");
            spoil.accept(claims);
            String token = signed(claims);
            NotSignedInException refused = assertThrows(NotSignedInException.class,
                    () -> authenticator.authenticate("Bearer " + token));
            assertFalse(refused.getMessage().contains(token));
            assertTrue(refused.getMessage().length() < 40, refused.getMessage());
            assertNoLogLineCarries(token);
        }
    }

    @Test
    void constructing_withTheBeanConstructor_usesTheSystemClock() {
        JWTClaimsSet.Builder claims = accessToken("anna", "site-demo")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))));
        assertEquals("anna", new JwtStaffAuthenticator(config(jwksUrl(), ISSUER, CLIENT_ID))
                .authenticate("Bearer " + signed(claims)).username());
    }
}
