package fi.vuoro.staff;

import fi.vuoro.domain.interpreter.InterpreterAdmin;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.platform.auth.StaffAuthenticator;
import fi.vuoro.staff.StaffViews.InterpreterEntry;
import fi.vuoro.staff.StaffViews.InterpreterForm;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The interpreters serving a site, for its coordinators: list, add, change (languages, sites, weekly hours,
 * active), remove. Numbers are shown masked; a new number is only ever written, never read back.
 */
@Controller("/staff/api/sites/{siteId}/interpreters")
@ExecuteOn(TaskExecutors.BLOCKING)
public class InterpreterAdminController {

    private final StaffAuthenticator authenticator;
    private final InterpreterAdmin admin;
    private final StaffViewMapper views;

    InterpreterAdminController(StaffAuthenticator authenticator, InterpreterAdmin admin, StaffViewMapper views) {
        this.authenticator = authenticator;
        this.admin = admin;
        this.views = views;
    }

    @Get
    public List<InterpreterEntry> list(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                       String siteId) {
        return admin.ofSite(coordinator(authorization), siteId).stream().map(views::interpreterEntry).toList();
    }

    @Post
    public HttpResponse<InterpreterEntry> add(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                              String siteId, @Body InterpreterForm form) {
        return HttpResponse.created(views.interpreterEntry(admin.add(coordinator(authorization), siteId, form(form))));
    }

    @Put("/{interpreterId}")
    public InterpreterEntry change(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization, String siteId,
                                   String interpreterId, @Body InterpreterForm form) {
        return views.interpreterEntry(admin.update(coordinator(authorization), siteId, interpreterId, form(form)));
    }

    @Delete("/{interpreterId}")
    public HttpResponse<Void> remove(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization, String siteId,
                                     String interpreterId) {
        admin.remove(coordinator(authorization), siteId, interpreterId);
        return HttpResponse.noContent();
    }

    private StaffMember coordinator(String authorization) {
        return authenticator.authenticate(authorization);
    }

    private static InterpreterAdmin.Form form(InterpreterForm form) {
        return new InterpreterAdmin.Form(form.name(), Optional.ofNullable(form.phone()), form.language(),
                form.languages() == null ? Set.of() : Set.copyOf(form.languages()),
                form.sites() == null ? Set.of() : Set.copyOf(form.sites()),
                form.availability() == null ? Map.of() : form.availability(),
                form.active() == null || form.active());
    }
}
