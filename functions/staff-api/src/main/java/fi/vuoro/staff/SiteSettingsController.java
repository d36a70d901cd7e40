package fi.vuoro.staff;

import fi.vuoro.domain.site.SiteAdmin;
import fi.vuoro.domain.site.SiteSettings;
import fi.vuoro.platform.auth.StaffAuthenticator;
import fi.vuoro.staff.StaffViews.ExceptionView;
import fi.vuoro.staff.StaffViews.SiteSettingsView;
import fi.vuoro.staff.StaffViews.TopicSettingsView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Set;

/**
 * A site's settings, for its coordinators: read them, or write them, which creates a site that has none yet
 * (201) or changes it (200).
 */
@Controller("/staff/api/sites/{siteId}/settings")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SiteSettingsController {

    private final StaffAuthenticator authenticator;
    private final SiteAdmin admin;

    SiteSettingsController(StaffAuthenticator authenticator, SiteAdmin admin) {
        this.authenticator = authenticator;
        this.admin = admin;
    }

    @Get
    public SiteSettingsView settings(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                     String siteId) {
        return view(admin.settings(authenticator.authenticate(authorization), siteId));
    }

    @Put
    public HttpResponse<SiteSettingsView> change(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                                 String siteId, @Body SiteSettingsView form) {
        SiteAdmin.Saved saved = admin.save(authenticator.authenticate(authorization), siteId, settings(form));
        return saved.created() ? HttpResponse.created(view(saved.settings())) : HttpResponse.ok(view(saved.settings()));
    }

    private static SiteSettings settings(SiteSettingsView form) {
        return new SiteSettings(form.name(), form.smsNumber(), form.timeZone(), form.openingHours(),
                set(form.staffLanguages()), form.desks(), form.ticketLetter(), topics(form.topics()),
                form.defaultServiceMinutes(), form.comeBackWhenAhead(), form.noShowGraceMinutes(),
                form.interpreterWaveSize(), form.interpreterReplyMinutes(), form.interpreterReadyOnConfirmation(),
                form.exceptions() == null ? null : form.exceptions().stream().map(SiteSettingsController::exception)
                        .toList(), form.retentionHours(), form.version());
    }

    /** An exception as given; a null in the list is left for the domain to name. */
    private static SiteSettings.DayException exception(@Nullable ExceptionView view) {
        return view == null ? null : new SiteSettings.DayException(view.date(), view.hours(), view.note());
    }

    private static SiteSettingsView view(SiteSettings settings) {
        return new SiteSettingsView(settings.name(), settings.smsNumber(), settings.timeZone(),
                settings.openingHours(), sorted(settings.staffLanguages()), settings.desks(), settings.ticketLetter(),
                settings.topics().stream().map(topic -> new TopicSettingsView(topic.word(), topic.letter(),
                        topic.names())).toList(), settings.defaultServiceMinutes(), settings.comeBackWhenAhead(),
                settings.noShowGraceMinutes(), settings.interpreterWaveSize(), settings.interpreterReplyMinutes(),
                settings.interpreterReadyOnConfirmation(), settings.exceptions().stream()
                        .map(e -> new ExceptionView(e.date(), e.hours(), e.note())).toList(),
                settings.retentionHours(), settings.version());
    }

    /** The topics as given, null kept as null (left out); a null topic inside it is refused by the domain. */
    private static List<SiteSettings.TopicSettings> topics(@Nullable List<TopicSettingsView> topics) {
        return topics == null ? null : topics.stream().map(topic -> topic == null ? null
                : new SiteSettings.TopicSettings(topic.word(), topic.letter(), topic.names())).toList();
    }

    /** A list as given, null kept as null (left out); a null inside it is checked by the domain. */
    private static Set<String> set(@Nullable List<String> values) {
        return values == null ? null : new java.util.HashSet<>(values);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
