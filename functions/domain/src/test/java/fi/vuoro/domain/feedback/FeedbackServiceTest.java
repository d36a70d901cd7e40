package fi.vuoro.domain.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.PageText;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.outbox.Premise;
import fi.vuoro.domain.queue.QueueConflictException;
import fi.vuoro.domain.queue.QueueEvent;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketChange;
import fi.vuoro.domain.queue.TicketLifecycle;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.staff.QueueSms;
import fi.vuoro.domain.testing.InMemoryFeedback;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Feedback's rules on an in-memory store: who is invited, what a link shows, and that an answer counts once. */
class FeedbackServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final ServiceDay TODAY = ServiceDay.of(NOW);
    private static final Site SITE = new Site("demo", "Vuoro Demo", "+358500000001", OpeningHours.always(),
            Set.of("fi", "sv", "en"), Duration.ofMinutes(15), 2, 'A', Set.of("KELA"));
    private static final Pattern LINK = Pattern.compile("http://localhost:8080/f/([A-Za-z0-9_-]{18})");
    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();

    private final InMemoryFeedback store = new InMemoryFeedback();
    private final TicketLifecycle lifecycle = new TicketLifecycle(new QueueSms(CATALOGUE));
    private final FeedbackTokens tokens = new FeedbackTokens(() -> "a test key of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8));
    private final FeedbackService feedback = new FeedbackService(store, tokens, sites(), (ticket, now) -> false,
            CATALOGUE, FeedbackService.Settings.withDefaults("http://localhost:8080/"));

    private static SiteDirectory sites() {
        return new SiteDirectory() {
            @Override
            public Optional<Site> findByNumber(String e164Number) {
                return Optional.of(SITE).filter(site -> site.smsNumber().equals(e164Number));
            }

            @Override
            public Optional<Site> findById(String siteId) {
                return Optional.of(SITE).filter(site -> site.id().equals(siteId));
            }

            @Override
            public List<Site> all() {
                return List.of(SITE);
            }
        };
    }

    private Ticket called(String language, String phoneHash) {
        Ticket waiting = Ticket.joinedBySms("demo", TODAY, 7, "A7", language, Optional.of("KELA"), false, phoneHash,
                "v1:cipher-of-" + phoneHash, NOW.minusSeconds(1200), TODAY.expiresAt(Duration.ofHours(48)));
        return lifecycle.call(SITE, waiting, "2", NOW.minusSeconds(600)).after();
    }

    private void publish(TicketChange change) {
        change.events().forEach(feedback::on);
    }

    /** Serves a visitor and returns the token of the link their SMS carries. */
    private String servedVisitorsToken(String language, String phoneHash) {
        publish(lifecycle.serve(SITE, called(language, phoneHash), NOW));
        OutboundSms sms = store.outbox.get(store.outbox.size() - 1);
        Matcher link = LINK.matcher(sms.body());
        assertTrue(link.find(), "the SMS carries the link: " + sms.body());
        assertFalse(link.find(), "exactly one link: " + sms.body());
        return LINK.matcher(sms.body()).results().findFirst().orElseThrow().group(1);
    }

    @Test
    void aServedVisit_invitesTheVisitorByOneSmsInTheirLanguage_sentOnlyWhileTheVisitStaysServed() {
        servedVisitorsToken("fi", "hash-1");

        assertEquals(1, store.outbox.size());
        OutboundSms sms = store.outbox.get(0);
        assertTrue(sms.body().startsWith("Vuoro Demo: millainen käyntisi oli?"), sms.body());
        assertEquals("v1:cipher-of-hash-1", sms.toCipher(), "to the number the ticket held until it ended");
        assertEquals(QueueSms.idPrefix(called("fi", "hash-1").ref()) + "feedback", sms.id(),
                "named by the ticket, so erasing the visitor drops it");
        assertEquals(new Premise.TicketState("demo", TODAY.date(), 7, "SERVED", Optional.empty()),
                sms.premise().orElseThrow());
        FeedbackInvitation invitation = store.invitations.values().iterator().next();
        assertEquals(new VisitTraits(Optional.of("KELA"), "fi", false), invitation.traits());
        assertEquals(ServiceWeek.parse("2026-W49"), invitation.week());
        assertTrue(store.digitReplyOf("hash-1", NOW.plus(Duration.ofHours(23))).isPresent());
        assertTrue(store.digitReplyOf("hash-1", NOW.plus(Duration.ofHours(25))).isEmpty(), "the digit window closes");
    }

    @Test
    void aServedVisit_atASiteThatKeepsVisitsAnHour_keepsTheDigitWindowAndTheSmsNoLongerThanTheVisit() {
        Instant visitEnds = TODAY.expiresAt(Duration.ofHours(1));
        Ticket waiting = Ticket.joinedBySms("demo", TODAY, 8, "A8", "fi", Optional.empty(), false, "hash-short",
                "v1:cipher-of-hash-short", NOW.minusSeconds(1200), visitEnds);

        publish(lifecycle.serve(SITE, lifecycle.call(SITE, waiting, "2", NOW.minusSeconds(600)).after(), NOW));

        assertEquals(visitEnds, store.outbox.get(0).keepUntil(), "the invitation's record goes with the visit");
        assertTrue(store.digitReplyOf("hash-short", visitEnds.minusSeconds(60)).isPresent());
        assertTrue(store.digitReplyOf("hash-short", visitEnds.plusSeconds(60)).isEmpty(),
                "closed with the visit, before its 24 hours: " + Duration.between(NOW, visitEnds));
    }

    @Test
    void aNoShow_orAVisitorWhoLeft_isNotInvited() {
        publish(lifecycle.noShow(SITE, called("fi", "hash-2"), NOW));
        Ticket waiting = Ticket.joinedBySms("demo", TODAY, 8, "A8", "fi", Optional.empty(), false, "hash-3", "v1:c",
                NOW.minusSeconds(60), TODAY.expiresAt(Duration.ofHours(48)));
        publish(lifecycle.leave(SITE, waiting, NOW));

        assertTrue(store.invitations.isEmpty());
        assertTrue(store.outbox.isEmpty());
    }

    @Test
    void theLink_opensTheFormInTheVisitorsLanguage_andTakesOneAnswer() {
        String token = servedVisitorsToken("ar", "hash-4");

        FeedbackPage form = feedback.open(token, NOW.plusSeconds(60));
        assertInstanceOf(FeedbackPage.Form.class, form);
        assertEquals("ar", form.language().code());
        assertEquals("Vuoro Demo", ((FeedbackPage.Form) form).siteName());

        FeedbackSubmission answers = new FeedbackSubmission(Map.of(FeedbackQuestion.HELPED, "5",
                FeedbackQuestion.UNDERSTOOD, "3"), "  شكرا  ", false, "");
        assertInstanceOf(FeedbackPage.Thanks.class, feedback.submit(token, answers, NOW.plusSeconds(90)));
        assertInstanceOf(FeedbackPage.AlreadyAnswered.class, feedback.submit(token, answers, NOW.plusSeconds(95)),
                "a second submit says thank you and changes nothing");
        assertInstanceOf(FeedbackPage.AlreadyAnswered.class, feedback.open(token, NOW.plusSeconds(99)));

        assertEquals(1, store.answers.size());
        AnonymousAnswer stored = store.answers.get(0);
        assertEquals(Map.of(FeedbackQuestion.HELPED, 5, FeedbackQuestion.UNDERSTOOD, 3), stored.answers().scores());
        assertEquals(Optional.of("شكرا"), stored.answers().comment());
        assertEquals(new VisitTraits(Optional.of("KELA"), "ar", false), stored.traits());
        assertTrue(store.invitations.isEmpty(), "the invitation is deleted when used");
    }

    @Test
    void aTamperedOrCutShortLink_isInvalid_andAnExpiredOneSaysSoInTheVisitorsLanguage() {
        String token = servedVisitorsToken("fa", "hash-5");
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertInstanceOf(FeedbackPage.Invalid.class, feedback.open(tampered, NOW));
        assertInstanceOf(FeedbackPage.Invalid.class, feedback.open(token.substring(0, 15), NOW));
        assertInstanceOf(FeedbackPage.Invalid.class, feedback.open("<script>", NOW));
        FeedbackPage expired = feedback.open(token, NOW.plus(Duration.ofDays(9)));
        assertInstanceOf(FeedbackPage.Expired.class, expired);
        assertEquals("fa", expired.language().code());
        assertInstanceOf(FeedbackPage.Expired.class, feedback.submit(token,
                new FeedbackSubmission(Map.of(FeedbackQuestion.HELPED, "4"), "", false, ""), NOW.plus(Duration.ofDays(9))));
        assertTrue(store.answers.isEmpty());
    }

    @Test
    void aFormWithNothingAnswered_orAnAdvisorOfferWithoutContact_isShownAgainWithWhatIsMissing() {
        String token = servedVisitorsToken("en", "hash-6");

        FeedbackPage empty = feedback.submit(token, new FeedbackSubmission(Map.of(FeedbackQuestion.HELPED, "9"), " ",
                false, ""), NOW);
        assertEquals(Optional.of(PageText.FEEDBACK_MISSING), ((FeedbackPage.Form) empty).problem(),
                "a point off the scale is no answer");
        FeedbackSubmission noContact = new FeedbackSubmission(Map.of(FeedbackQuestion.KNOWS, "2"), "", true, "  ");
        FeedbackPage refused = feedback.submit(token, noContact, NOW);
        assertEquals(Optional.of(PageText.FEEDBACK_CONTACT_MISSING), ((FeedbackPage.Form) refused).problem());
        assertEquals(noContact, ((FeedbackPage.Form) refused).previous(), "the visitor's choices are kept");
        assertTrue(store.answers.isEmpty(), "nothing is stored from a refused form");
        assertEquals(1, store.invitations.size(), "the link still works");
    }

    @Test
    void anAdvisorOffer_isStoredApartFromTheAnswers_withItsOwnRetention() {
        String token = servedVisitorsToken("so", "hash-7");

        feedback.submit(token, new FeedbackSubmission(Map.of(FeedbackQuestion.HELPED, "4"), "", true,
                " +358401112233 "), NOW);

        assertEquals(1, store.volunteers.size());
        VolunteerOffer offer = store.volunteers.get(0);
        assertEquals("+358401112233", offer.contact());
        assertEquals("so", offer.language());
        assertEquals(NOW.plus(FeedbackService.Settings.VOLUNTEER_RETENTION), offer.keepUntil());
        assertFalse(store.answers.get(0).toString().contains("358401112233"), "the answer knows nothing of it");
    }

    @Test
    void aDigitInReply_answersTheFirstQuestion_once_andThenADigitIsAnOrdinaryMessageAgain() {
        servedVisitorsToken("fi", "hash-8");

        assertTrue(feedback.awaitsDigit("hash-8", NOW));
        assertEquals(Optional.of("Kiitos vastauksestasi!"), feedback.digitReply("hash-8", 4, NOW.plusSeconds(30)));
        assertEquals(Map.of(FeedbackQuestion.HELPED, 4), store.answers.get(0).answers().scores());
        assertEquals(Optional.empty(), feedback.digitReply("hash-8", 5, NOW.plusSeconds(40)), "answered already");
        assertEquals(1, store.answers.size());
        assertEquals(Optional.empty(), feedback.digitReply("hash-9", 3, NOW), "a sender without an invitation");
    }

    @Test
    void aDigitAfterTheFormWasAnswered_answersNothing() {
        String token = servedVisitorsToken("fi", "hash-10");
        feedback.submit(token, new FeedbackSubmission(Map.of(FeedbackQuestion.HELPED, "2"), "", false, ""), NOW);

        assertEquals(Optional.empty(), feedback.digitReply("hash-10", 5, NOW.plusSeconds(10)));
        assertEquals(1, store.answers.size());
    }

    @Test
    void aServedWalkIn_getsAPrintedLink_butAVisitorStillWaitingOrWhoJoinedBySmsDoesNot() {
        Ticket walkIn = Ticket.walkIn("demo", TODAY, 9, "A9", "M.K.", "ar", Optional.empty(), true,
                NOW.minusSeconds(900), TODAY.expiresAt(Duration.ofHours(48)));
        assertThrows(QueueConflictException.class, () -> feedback.walkInLink(SITE, walkIn, NOW));
        Ticket served = lifecycle.serve(SITE, lifecycle.call(SITE, walkIn, "1", NOW.minusSeconds(300)).after(), NOW)
                .after();

        String link = feedback.walkInLink(SITE, served, NOW);

        Matcher token = LINK.matcher(link);
        assertTrue(token.matches(), link);
        assertInstanceOf(FeedbackPage.Form.class, feedback.open(token.group(1), NOW));
        assertTrue(store.outbox.isEmpty() && store.digitReplies.isEmpty(), "no SMS, no digit window");
        assertEquals(link, feedback.walkInLink(SITE, served, NOW.plusSeconds(60)), "printed again: the same card");
        assertEquals(1, store.invitations.size(), "invited once");
        Ticket bySms = lifecycle.serve(SITE, called("fi", "hash-11"), NOW).after();
        assertThrows(QueueConflictException.class, () -> feedback.walkInLink(SITE, bySms, NOW));
    }

    @Test
    void theFinishedEvent_carriesTheNumberOnlyForTheEndingsSms_theEndedTicketHasForgottenIt() {
        TicketChange served = lifecycle.serve(SITE, called("fi", "hash-12"), NOW);
        QueueEvent.Finished finished = (QueueEvent.Finished) served.events().get(0);

        assertEquals(Optional.of("v1:cipher-of-hash-12"), finished.replyTo());
        assertEquals(Optional.empty(), finished.ticket().phoneCipher());
        assertFalse(finished.toString().contains("cipher"), "never logged");
    }
}
