package fi.vuoro.staff;

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

    ReportsController(StaffAuthenticator authenticator, SiteDirectory sites, Reports reports) {
        this.authenticator = authenticator;
        this.sites = sites;
        this.reports = reports;
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

    private SiteReport siteReport(String authorization, String siteId, String from, String to) {
        StaffMember staff = authenticator.authenticate(authorization);
        Site site = sites.findById(siteId).orElseThrow(() -> StaffRequestException.notFound("No site " + siteId));
        staff.requireCoordinator(siteId);
        ReportPeriod period = ReportPeriod.of(from, to);
        return reports.report(site, period.from(), period.to());
    }
}
