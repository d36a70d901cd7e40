package fi.vuoro.staff;

import fi.vuoro.domain.account.SiteMember;
import fi.vuoro.domain.account.StaffAccountAdmin;
import fi.vuoro.platform.auth.StaffAuthenticator;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/**
 * Who works at a site, for its coordinators: list the members with their roles, add one or change their role (a new
 * username gets an account: 201 when they were not a member before), and remove one (the account stays).
 */
@Controller("/staff/api/sites/{siteId}/staff")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StaffAccountsController {

    private final StaffAuthenticator authenticator;
    private final StaffAccountAdmin admin;

    StaffAccountsController(StaffAuthenticator authenticator, StaffAccountAdmin admin) {
        this.authenticator = authenticator;
        this.admin = admin;
    }

    @Get
    public List<MemberView> members(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                    String siteId) {
        return admin.members(authenticator.authenticate(authorization), siteId).stream().map(MemberView::of).toList();
    }

    @Put("/{username}")
    public HttpResponse<ChangedView> put(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                         String siteId, String username, @Body MemberForm form) {
        StaffAccountAdmin.Changed changed = admin.put(authenticator.authenticate(authorization), siteId, username,
                form.role(), form.email());
        ChangedView view = new ChangedView(changed.member().username(), changed.member().role().apiName(),
                changed.accountCreated(), changed.initialPassword());
        // The initial password is shown once, to this coordinator: never kept by a cache on the way.
        return (changed.newToSite() ? HttpResponse.created(view) : HttpResponse.ok(view))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Delete("/{username}")
    public HttpResponse<Void> remove(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                     String siteId, String username) {
        admin.remove(authenticator.authenticate(authorization), siteId, username);
        return HttpResponse.noContent();
    }

    /** A member of the site and their role there: {@code staff} or {@code coordinator}. */
    @Introspected
    public record MemberView(String username, String role) {

        static MemberView of(SiteMember member) {
            return new MemberView(member.username(), member.role().apiName());
        }
    }

    /** The role to give; an email only when the username has no account yet. */
    @Introspected
    public record MemberForm(@Nullable String role, @Nullable String email) {
    }

    /**
     * The member as saved. {@code initialPassword} is given once, locally, for a new account; in AWS it is null and
     * Cognito emails a temporary password to the new member.
     */
    @Introspected
    public record ChangedView(String username, String role, boolean accountCreated, @Nullable String initialPassword) {
    }
}
