package fi.vuoro.staff;

import fi.vuoro.domain.audit.Audit;
import fi.vuoro.domain.audit.AuditEntry;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.staff.StaffRequestException;
import fi.vuoro.platform.auth.StaffAuthenticator;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** A site's audit trail of one day, for its coordinators: who did what, when, with which ticket. */
@Controller("/staff/api/sites/{siteId}/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

    private final StaffAuthenticator authenticator;
    private final Audit audit;

    AuditController(StaffAuthenticator authenticator, Audit audit) {
        this.authenticator = authenticator;
        this.audit = audit;
    }

    /** {@code ?day=YYYY-MM-DD}, today in Helsinki when left out. */
    @Get
    public HttpResponse<AuditView> day(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                       String siteId, @Nullable @QueryValue String day) {
        StaffMember staff = authenticator.authenticate(authorization);
        staff.requireCoordinator(siteId);  // who asks comes first: the day is judged only for a coordinator
        return HttpResponse.ok(AuditView.of(audit.day(staff, siteId, date(day))))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static Optional<LocalDate> date(String day) {
        if (day == null || day.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(day.strip()));
        } catch (DateTimeParseException e) {
            // The value itself is not repeated: whatever was typed stays out of the answer.
            throw StaffRequestException.invalid("day is not a date: write it as day=YYYY-MM-DD");
        }
    }

    /** The day's entries, oldest first; {@code ticket} is null for an action on no ticket. */
    @Introspected
    public record AuditView(String siteId, String day, List<EntryView> entries) {
        static AuditView of(Audit.Day day) {
            return new AuditView(day.siteId(), day.day().toString(), day.entries().stream().map(EntryView::of).toList());
        }
    }

    @Introspected
    public record EntryView(String at, String who, String action, @Nullable String ticket, String detail) {
        static EntryView of(AuditEntry entry) {
            return new EntryView(entry.at().toString(), entry.who(), entry.action().code(), entry.ticket().orElse(null),
                    entry.detail());
        }
    }
}
