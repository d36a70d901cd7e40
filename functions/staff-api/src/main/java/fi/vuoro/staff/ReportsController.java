package fi.vuoro.staff;

import fi.vuoro.domain.feedback.FeedbackService;
import fi.vuoro.domain.feedback.VolunteerOffer;
import fi.vuoro.domain.report.Reports;
import fi.vuoro.domain.report.SiteReport;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.staff.StaffRequestException;
import fi.vuoro.platform.auth.StaffAuthenticator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A site's report of a period for its coordinators, as JSON for the reports page and as CSV for a spreadsheet:
 * aggregates only, feedback of groups too small to show left out.
 */
@Controller("/staff/api/sites/{siteId}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportsController {

    static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");

    private final StaffAuthenticator authenticator;
    private final SiteDirectory sites;
    private final Reports reports;
    private final FeedbackService feedback;
    private final Clock clock;

    ReportsController(StaffAuthenticator authenticator, SiteDirectory sites, Reports reports, FeedbackService feedback,
                      Clock clock) {
        this.authenticator = authenticator;
        this.sites = sites;
        this.reports = reports;
        this.feedback = feedback;
        this.clock = clock;
    }

    @Get("/reports")
    public HttpResponse<ReportView> report(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                           String siteId, @Nullable @QueryValue String from,
                                           @Nullable @QueryValue String to) {
        return HttpResponse.ok(ReportView.of(siteReport(authorization, siteId, from, to)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get(value = "/reports.csv", produces = "text/csv")
    public HttpResponse<String> csv(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                    String siteId, @Nullable @QueryValue String from,
                                    @Nullable @QueryValue String to) {
        SiteReport report = siteReport(authorization, siteId, from, to);
        return HttpResponse.ok(ReportCsv.of(report)).contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ReportCsv.fileName(report) + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * The visitors who offered to help as community advisors, with the contact each chose to give: for the site's
     * coordinators only, never in a report or its CSV, and only for as long as each offer is kept.
     */
    @Get("/volunteers")
    public HttpResponse<List<VolunteerView>> volunteers(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                                       String siteId) {
        StaffMember staff = authenticator.authenticate(authorization);
        sites.findById(siteId).orElseThrow(() -> StaffRequestException.notFound("No site " + siteId));
        staff.requireCoordinator(siteId);
        return HttpResponse.ok(feedback.volunteersOf(siteId, clock.instant()).stream().map(VolunteerView::of).toList())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** One community advisor offer as the coordinator sees it. */
    public record VolunteerView(String contact, String language, String consentedOn, String keptUntil) {
        static VolunteerView of(VolunteerOffer offer) {
            return new VolunteerView(offer.contact(), offer.language(),
                    offer.consentedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                    offer.keepUntil().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
    }

    private SiteReport siteReport(String authorization, String siteId, String from, String to) {
        StaffMember staff = authenticator.authenticate(authorization);
        Site site = sites.findById(siteId).orElseThrow(() -> StaffRequestException.notFound("No site " + siteId));
        staff.requireCoordinator(siteId);
        ReportPeriod period = ReportPeriod.of(from, to);
        return reports.report(site, period.from(), period.to());
    }
}
