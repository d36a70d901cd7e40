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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local staff sign-in: a username and password of a local account ({@link LocalStaffAccounts}) buys an
 * access token shaped as Cognito's, which the staff endpoints check against {@code /local/jwks.json}.
 */
@Controller("/local")
public class LocalLoginController {

    public static final String LOGIN_PATH = "/local/login";
    public static final String JWKS_PATH = "/local/jwks.json";
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
                                LocalTokenIssuer.LIFETIME.toSeconds(), account.username(), account.sites()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store"))
                .orElseGet(() -> {
                    LOG.info("Refused a local staff sign-in: wrong username or password");
                    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                            .body(new ApiError(HttpStatus.UNAUTHORIZED.getCode(), WRONG_PASSWORD));
                });
    }

    @Introspected
    public record LoginRequest(@Nullable String username, @Nullable String password) {
    }

    @Introspected
    public record LoginResponse(String accessToken, long expiresIn, String username, List<String> sites) {
    }
}
