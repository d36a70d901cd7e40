package fi.vuoro.staff;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.platform.auth.StaffAuthenticator;
import fi.vuoro.platform.config.VuoroConfiguration;
import fi.vuoro.staff.StaffViews.LanguageView;
import fi.vuoro.staff.StaffViews.MeView;
import fi.vuoro.staff.StaffViews.SignInConfig;
import fi.vuoro.staff.StaffViews.SiteSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Locale;

/** Who is signed in, and how the staff page signs in (locally, or against Cognito in AWS). */
@Controller("/staff/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StaffSessionController {

    private final StaffAuthenticator authenticator;
    private final SiteDirectory sites;
    private final VuoroConfiguration config;
    private final MessageCatalogue catalogue;

    StaffSessionController(StaffAuthenticator authenticator, SiteDirectory sites, VuoroConfiguration config,
                           MessageCatalogue catalogue) {
        this.authenticator = authenticator;
        this.sites = sites;
        this.config = config;
        this.catalogue = catalogue;
    }

    @Get("/me")
    public MeView me(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        StaffMember staff = authenticator.authenticate(authorization);
        return new MeView(staff.username(), staff.siteIds().stream().sorted()
                .map(id -> new SiteSummary(id, sites.findById(id).map(site -> site.name()).orElse(id)))
                .toList(), staff.coordinatorSiteIds().stream().sorted().toList());
    }

    /** Public: the languages visitors are served in, as the message catalogue has them. */
    @Get("/languages")
    public List<LanguageView> languages() {
        return catalogue.languages().stream()
                .map(language -> new LanguageView(language.code(), language.name(),
                        Locale.forLanguageTag(language.code()).getDisplayLanguage(Locale.ENGLISH),
                        language.rightToLeft()))
                .toList();
    }

    /** Public: the page needs it before anyone has signed in. */
    @Get("/sign-in")
    public SignInConfig signIn() {
        String loginUrl = config.getStaffLoginUrl();
        if (loginUrl != null && !loginUrl.isBlank()) {
            return new SignInConfig("password", loginUrl, config.getStaffRefreshUrl(), config.getStaffSignOutUrl(),
                    null, null, null);
        }
        return new SignInConfig("cognito", null, null, null, config.getCognitoRegion(), config.getCognitoClientId(),
                config.getCognitoEndpoint());
    }
}
