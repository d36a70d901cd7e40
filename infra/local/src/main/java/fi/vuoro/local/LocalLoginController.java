package fi.vuoro.local;

import fi.vuoro.platform.http.ApiError;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local staff sign-in: a username and password of a local account ({@link LocalStaffAccounts}) buys an
 * access token shaped as Cognito's, which the staff endpoints check against {@code /local/jwks.json}, and a refresh
 * token, which {@code /local/refresh} takes for a new access token until {@code /local/sign-out} revokes it (as
 * Cognito's REFRESH_TOKEN_AUTH and RevokeToken do for the staff page in AWS).
 */
@Controller("/local")
public class LocalLoginController {

    public static final String LOGIN_PATH = "/local/login";
    public static final String JWKS_PATH = "/local/jwks.json";
    public static final String REFRESH_PATH = "/local/refresh";
    public static final String SIGN_OUT_PATH = "/local/sign-out";
    static final String SIGNED_OUT = "The sign-in has ended: please sign in again";
    static final String WRONG_PASSWORD = "Wrong username or password";

    private static final Logger LOG = LoggerFactory.getLogger(LocalLoginController.class);

    private final LocalStaffAccounts accounts;
    private final LocalTokenIssuer issuer;

    public LocalLoginController(LocalStaffAccounts accounts, LocalTokenIssuer issuer) {
        this.accounts = accounts;
        this.issuer = issuer;
    }

    @Get(value = "/jwks.json", produces = MediaType.APPLICATION_JSON)
    public String jwks() {
        return issuer.publicKeys();
    }

    @Post("/login")
    public HttpResponse<?> login(@Body LoginRequest request) {
        return accounts.signIn(request.username(), request.password())
                .<HttpResponse<?>>map(account -> HttpResponse.ok(new LoginResponse(issuer.issue(account),
                                issuer.refreshToken(account), LocalTokenIssuer.LIFETIME.toSeconds(), account.username(),
                                account.sites()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store"))
                .orElseGet(() -> {
                    LOG.info("Refused a local staff sign-in: wrong username or password");
                    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                            .body(new ApiError(HttpStatus.UNAUTHORIZED.getCode(), WRONG_PASSWORD));
                });
    }

    /** A new access token for a refresh token that is still good, with the account's sites as they are now. */
    @Post("/refresh")
    public HttpResponse<?> refresh(@Body RefreshRequest request) {
        return issuer.refreshed(request.refreshToken()).flatMap(accounts::account)
                .<HttpResponse<?>>map(account -> HttpResponse.ok(new LoginResponse(issuer.issue(account), null,
                                LocalTokenIssuer.LIFETIME.toSeconds(), account.username(), account.sites()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store"))
                .orElseGet(() -> {
                    LOG.info("Refused a local token refresh: the refresh token is unknown, revoked or expired");
                    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                            .body(new ApiError(HttpStatus.UNAUTHORIZED.getCode(), SIGNED_OUT));
                });
    }

    /** Sign-out: the refresh token is revoked (answered 200 for an unknown one too, as Cognito's RevokeToken). */
    @Post("/sign-out")
    public HttpResponse<?> signOut(@Body RefreshRequest request) {
        issuer.revoke(request.refreshToken());
        LOG.info("A local staff sign-in ended: its refresh token is revoked");
        return HttpResponse.ok(Map.of()).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Introspected
    public record RefreshRequest(@Nullable String refreshToken) {
    }

    @Introspected
    public record LoginRequest(@Nullable String username, @Nullable String password) {
    }

    @Introspected
    public record LoginResponse(String accessToken, @Nullable String refreshToken, long expiresIn, String username,
                                List<String> sites) {
    }
}
