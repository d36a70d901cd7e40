package fi.vuoro.fidelity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import fi.vuoro.testkit.lambda.FakeCognito;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The staff user pool as Cognito runs it, for the parts a deployed function and API Gateway see: the pool's public
 * keys at {@code https://cognito-idp.<region>.amazonaws.com/<poolId>/.well-known/jwks.json} (served here, reached
 * through the {@link fi.vuoro.testkit.lambda.HttpsFrontDoor}), access tokens shaped exactly like Cognito's, and the
 * admin API a coordinator's staff accounts go through ({@link FakeCognito}).
 */
final class CognitoUserPool implements AutoCloseable {

    private final RSAKey key;
    private final String issuer;
    private final String clientId;
    private final HttpServer server;
    private final FakeCognito admin;

    CognitoUserPool(String region, String poolId, String clientId) {
        try {
            this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.issuer = "https://cognito-idp." + region + ".amazonaws.com/" + poolId;
        this.clientId = clientId;
        this.admin = FakeCognito.unserved(poolId, 60);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/" + poolId + "/.well-known/jwks.json", exchange -> {
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                out.write(jwks);
            }
        });
        // The admin API the staff API function manages accounts with (POST / with X-Amz-Target).
        server.createContext("/", admin::handle);
        server.start();
    }

    /** The pool's accounts and groups, as the staff API function's admin calls left them. */
    FakeCognito admin() {
        return admin;
    }

    /** Where the front door sends {@code cognito-idp.<region>.amazonaws.com}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    String issuer() {
        return issuer;
    }

    /** An access token of a signed-in member of staff, with their groups ({@code site-<siteId>}). */
    String accessToken(String username, List<String> groups) {
        return accessToken(username, groups, Instant.now().plus(Duration.ofHours(1)));
    }

    String accessToken(String username, List<String> groups, Instant expires) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(UUID.randomUUID().toString())
                .claim("cognito:groups", groups)
                .issuer(issuer)
                .claim("client_id", clientId)
                .claim("origin_jti", UUID.randomUUID().toString())
                .claim("event_id", UUID.randomUUID().toString())
                .claim("token_use", "access")
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("auth_time", now.getEpochSecond())
                .expirationTime(Date.from(expires))
                .issueTime(Date.from(now))
                .jwtID(UUID.randomUUID().toString())
                .claim("username", username)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * What API Gateway's JWT authorizer does with a bearer token: signature by the pool's key, issuer, a client in
     * the audience ({@code client_id} for an access token), not expired. On success, the claims it passes on.
     */
    java.util.Optional<Map<String, Object>> authorize(String authorization, List<String> audience) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return java.util.Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()).strip());
            if (!jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                return java.util.Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean audienceOk = audience.contains(claims.getStringClaim("client_id"))
                    || claims.getAudience().stream().anyMatch(audience::contains);
            if (!issuer.equals(claims.getIssuer()) || !audienceOk || claims.getExpirationTime() == null
                    || claims.getExpirationTime().toInstant().isBefore(Instant.now())) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(claims.getClaims());
        } catch (ParseException | JOSEException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
