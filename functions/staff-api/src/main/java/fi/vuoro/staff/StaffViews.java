package fi.vuoro.staff;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** The JSON the staff page and the lobby screen read and send. */
final class StaffViews {

    private StaffViews() {
    }

    @Introspected
    record SiteView(String id, String name, String smsNumber, int desks, int comeBackWhenAhead,
                    long noShowGraceMinutes, List<TopicView> topics) {
    }

    /** One of the site's topics: its word, ticket letter, English name and how many wait for it now. */
    @Introspected
    record TopicView(String word, String letter, String name, int waiting) {
    }

    /**
     * A topic as a coordinator writes it in the settings: {@code {"word", "letter", "names": {"en": ...}}}. A plain
     * word (the settings' older form) is read as a topic with only its word, which the settings refuse showing the
     * object form.
     */
    @Introspected
    @JsonDeserialize(using = TopicSettingsReader.class)
    record TopicSettingsView(@Nullable String word, @Nullable String letter,
                             @Nullable java.util.Map<String, String> names) {
    }

    /**
     * A ticket as staff see it; {@code cannotBeTexted}: the visitor joined by SMS but SMS no longer reach them (they
     * sent STOP, or Twilio refused their number), so staff call them by code in the lobby.
     */
    @Introspected
    record TicketView(int number, String code, String status, String language, String languageName,
                      boolean rightToLeft, @Nullable String topic, @Nullable String topicName,
                      boolean needsInterpreter, String joinedAt,
                      @Nullable String calledAt, @Nullable String finishedAt, @Nullable String desk,
                      @Nullable String walkInName, @Nullable String phone, @Nullable InterpreterView interpreter,
                      boolean cannotBeTexted) {
    }

    /**
     * The search for a ticket's interpreter as staff see it: {@code status} OFFERING (wave {@code wave}, asking
     * {@code asked}), CONFIRMED (by {@code confirmedBy}), ARRIVED, NONE_FOUND, CANCELLED or WITHDRAWN;
     * {@code readyToCall} says whether "call next" will call the visitor.
     */
    @Introspected
    record InterpreterView(String status, int wave, List<AskedView> asked, @Nullable PersonView confirmedBy,
                           boolean ready, boolean readyToCall, String expectedAt) {
    }

    @Introspected
    record AskedView(String name, String state, int wave) {
    }

    @Introspected
    record PersonView(String id, String name, @Nullable String phone) {
    }

    /**
     * A site's settings as its coordinator reads and writes them (what each field means: {@code SiteSettings}); in a
     * write, a field left out keeps its value, except the required name, smsNumber, timeZone, openingHours and
     * staffLanguages.
     */
    @Introspected
    record SiteSettingsView(@Nullable String name, @Nullable String smsNumber, @Nullable String timeZone,
                            @Nullable java.util.Map<String, List<String>> openingHours,
                            @Nullable List<String> staffLanguages, @Nullable Integer desks,
                            @Nullable String ticketLetter, @Nullable List<TopicSettingsView> topics,
                            @Nullable Integer defaultServiceMinutes, @Nullable Integer comeBackWhenAhead,
                            @Nullable Integer noShowGraceMinutes, @Nullable Integer interpreterWaveSize,
                            @Nullable Integer interpreterReplyMinutes,
                            @Nullable Boolean interpreterReadyOnConfirmation,
                            @Nullable List<ExceptionView> exceptions, @Nullable Integer retentionHours,
                            @Nullable Long version) {
    }

    /** A date whose hours replace its weekday's, with a note per language for visitors who text that day. */
    @Introspected
    record ExceptionView(@Nullable String date, @Nullable List<String> hours,
                         @Nullable java.util.Map<String, String> note) {
    }

    /** An interpreter as a coordinator manages them; the number only masked. */
    @Introspected
    record InterpreterEntry(String id, String name, @Nullable String phone, String language, List<String> languages,
                            List<String> sites, java.util.Map<String, String> availability, boolean active,
                            @Nullable String today) {
    }

    /** What a coordinator sends to add or change an interpreter. */
    @Introspected
    record InterpreterForm(@Nullable String name, @Nullable String phone, @Nullable String language,
                           @Nullable List<String> languages, @Nullable List<String> sites,
                           @Nullable java.util.Map<String, String> availability, @Nullable Boolean active) {
    }

    @Introspected
    record DeskView(String label, boolean open, String changedBy, String changedAt) {
    }

    @Introspected
    record QueueView(SiteView site, List<TicketView> tickets, List<DeskView> desks) {
    }

    @Introspected
    record LobbyCall(String code, String desk, String calledAt) {
    }

    @Introspected
    record LobbyView(String siteName, List<LobbyCall> calls) {
    }

    /** A served walk-in's printed feedback link, and the same link as a QR code (an SVG document). */
    @Introspected
    record FeedbackCardView(String link, String qrSvg) {
    }

    @Introspected
    record SiteSummary(String id, String name) {
    }

    @Introspected
    record MeView(String username, List<SiteSummary> sites, List<String> coordinatorOf) {
    }

    @Introspected
    record CallNextRequest(String desk, @Nullable String topic, @Nullable String language) {
    }

    @Introspected
    record DeskRequest(@Nullable String desk) {
    }

    @Introspected
    record WalkInRequest(String name, String language, @Nullable String topic) {
    }

    @Introspected
    record DeskChange(@Nullable Boolean open) {
    }

    @Introspected
    record LanguageView(String code, String name, String english, boolean rightToLeft) {
    }

    @Introspected
    record SignInConfig(String method, @Nullable String loginUrl, @Nullable String refreshUrl,
                        @Nullable String signOutUrl, @Nullable String cognitoRegion,
                        @Nullable String cognitoClientId, @Nullable String cognitoEndpoint) {
    }
}
