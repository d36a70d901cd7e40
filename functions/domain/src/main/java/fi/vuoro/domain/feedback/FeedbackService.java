package fi.vuoro.domain.feedback;

import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.language.PageText;
import fi.vuoro.domain.language.PlaceholderLimits;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.outbox.Premise;
import fi.vuoro.domain.queue.QueueConflictException;
import fi.vuoro.domain.queue.QueueEvent;
import fi.vuoro.domain.queue.QueueListener;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.staff.QueueSms;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Post-visit feedback. A visit served at the desk invites the visitor by one SMS with a link to the form (a walk-in
 * without a phone gets a printed link instead); the link opens the form in their language and takes one answer,
 * stored without anything that leads back to them. For a while a single digit in reply to the SMS answers the
 * first question instead.
 */
public final class FeedbackService implements QueueListener {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackService.class);

    /**
     * @param publicBaseUrl where the links point, e.g. {@code https://vuoro.example.org} (no trailing slash)
     * @param linkLifetime  how long a link stays open
     * @param digitWindow   how long a digit in reply answers the first question
     * @param volunteerRetention how long a volunteer's contact is kept
     */
    public record Settings(String publicBaseUrl, Duration linkLifetime, Duration digitWindow,
                           Duration volunteerRetention) {

        public static final Duration LINK_LIFETIME = Duration.ofDays(7);
        public static final Duration DIGIT_WINDOW = Duration.ofHours(24);
        public static final Duration VOLUNTEER_RETENTION = Duration.ofDays(365);

        public Settings {
            if (publicBaseUrl.endsWith("/")) {
                publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
            }
        }

        public static Settings withDefaults(String publicBaseUrl) {
            return new Settings(publicBaseUrl, LINK_LIFETIME, DIGIT_WINDOW, VOLUNTEER_RETENTION);
        }
    }

    private final FeedbackStore store;
    private final FeedbackTokens tokens;
    private final SiteDirectory sites;
    private final InterpreterUse interpreters;
    private final MessageCatalogue catalogue;
    private final Settings settings;

    public FeedbackService(FeedbackStore store, FeedbackTokens tokens, SiteDirectory sites, InterpreterUse interpreters,
                           MessageCatalogue catalogue, Settings settings) {
        this.store = store;
        this.tokens = tokens;
        this.sites = sites;
        this.interpreters = interpreters;
        this.catalogue = catalogue;
        this.settings = settings;
        int linkLength = settings.publicBaseUrl().length() + "/f/".length() + FeedbackTokens.LENGTH;
        if (linkLength > PlaceholderLimits.LINK_MAX_LENGTH) {
            LOG.warn("Feedback links will be {} characters, longer than the {} the feedback SMS is measured for: "
                    + "use a shorter public base URL", linkLength, PlaceholderLimits.LINK_MAX_LENGTH);
        }
    }

    /** A served visit invites its visitor, if an SMS can reach them. */
    @Override
    public void on(QueueEvent event) {
        if (event instanceof QueueEvent.Finished finished && finished.outcome() == TicketStatus.SERVED
                && finished.replyTo().isPresent() && finished.ticket().phoneHash().isPresent()) {
            inviteBySms(finished.site(), finished.ticket(), finished.replyTo().get(), finished.at());
        } else if (event instanceof QueueEvent.Finished finished && finished.outcome() == TicketStatus.SERVED) {
            LOG.info("Ticket {} at site {} was served without a number to text: no feedback SMS",
                    finished.ticket().code(), finished.site().id());
        }
    }

    private void inviteBySms(Site site, Ticket ticket, String phoneCipher, Instant now) {
        if (settings.publicBaseUrl().isBlank()) {
            LOG.warn("No public base URL is configured: visitors cannot be sent a feedback link");
            return;
        }
        Language language = languageOf(ticket.language());
        String token = newToken(language, now);
        FeedbackInvitation invitation = invitation(site, ticket, token, now);
        String body = catalogue.render(language, MessageKey.FEEDBACK_INVITE,
                Map.of("site", site.name(), "link", link(token)));
        OutboundSms sms = new OutboundSms(QueueSms.idPrefix(ticket.ref()) + "feedback", site.id(), phoneCipher,
                site.smsNumber(), body, now, now.plus(OutboundSms.DEFAULT_LIFETIME),
                Optional.of(new Premise.TicketState(site.id(), ticket.day().date(), ticket.number(),
                        TicketStatus.SERVED.name(), Optional.empty())), ticket.expiresAt());
        // The number's hash stays no longer than the visit: the window closes early at a site that keeps little.
        Instant windowEnds = now.plus(settings.digitWindow());
        DigitReply digit = new DigitReply(ticket.phoneHash().orElseThrow(), invitation.tokenHash(), language.code(),
                windowEnds.isAfter(ticket.expiresAt()) ? ticket.expiresAt() : windowEnds);
        store.invite(invitation, Optional.of(digit), Optional.of(sms));
        LOG.info("Feedback invitation owed to the visitor of ticket {} at site {}", ticket.code(), site.id());
    }

    /**
     * A printed link for a served walk-in who has no phone: the staff page shows it with its QR code. Printing it
     * again gives the same link and invites nobody twice.
     *
     * @throws QueueConflictException if the visit was not served, or the visitor has a phone (they get the SMS)
     */
    public String walkInLink(Site site, Ticket ticket, Instant now) {
        if (settings.publicBaseUrl().isBlank()) {
            throw new IllegalStateException("No public base URL is configured: a feedback link cannot be made");
        }
        if (ticket.status() != TicketStatus.SERVED) {
            throw new QueueConflictException("Ticket " + ticket.code() + " has not been served: feedback comes after");
        }
        if (ticket.walkInName().isEmpty()) {
            throw new QueueConflictException("Ticket " + ticket.code() + " joined by SMS: its visitor got the link by SMS");
        }
        // The same card however often it is printed: the token follows from the ticket, and the invitation (and
        // its count) is written once. The link is open for the lifetime counted from the visit's day.
        LocalDate lastDay = ticket.day().date().plusDays(settings.linkLifetime().toDays());
        String reference = ticket.siteId() + "/" + ticket.day().date() + "/" + ticket.number();
        String token = tokens.issueFor(reference, languageOf(ticket.language()).code(), lastDay);
        VisitTraits traits = new VisitTraits(ticket.topic(), ticket.language(), interpreters.wasUsed(ticket.ref(), now));
        FeedbackInvitation invitation = new FeedbackInvitation(FeedbackTokens.hash(token), site.id(),
                ServiceWeek.of(ticket.day().date()), traits, lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        store.inviteWalkIn(invitation, ticket.ref(), ticket.expiresAt());
        return link(token);
    }

    /** The site's community advisor offers still kept (at most their retention), newest day first. */
    public List<VolunteerOffer> volunteersOf(String siteId, Instant now) {
        return store.volunteersOf(siteId, now).stream()
                .sorted(java.util.Comparator.comparing(VolunteerOffer::consentedAt).reversed()).toList();
    }

    /** The language a link speaks, read from its token alone (for a page shown when something failed). */
    public Language languageOfLink(String token) {
        return tokens.open(token).map(opened -> languageOf(opened.language())).orElse(catalogue.fallbackLanguage());
    }

    /** What the link shows when opened. */
    public FeedbackPage open(String token, Instant now) {
        Opening opening = opening(token, now);
        return opening.closed().orElseGet(() -> form(opening.language(), opening.invitation(), token, Optional.empty(),
                FeedbackSubmission.empty()));
    }

    /**
     * A link read once: the page it shows when it takes no answer (not ours, expired, answered), or its open
     * invitation. One read of the invitation, and none of the site unless a form is shown.
     */
    private record Opening(Language language, Optional<FeedbackPage> closed, FeedbackInvitation invitation) {
    }

    private Opening opening(String token, Instant now) {
        Optional<FeedbackTokens.Opened> opened = tokens.open(token);
        if (opened.isEmpty()) {
            Language fallback = catalogue.fallbackLanguage();
            return new Opening(fallback, Optional.of(new FeedbackPage.Invalid(fallback)), null);
        }
        Language language = languageOf(opened.get().language());
        if (opened.get().expired(now)) {
            return new Opening(language, Optional.of(new FeedbackPage.Expired(language)), null);
        }
        Optional<FeedbackInvitation> invitation = store.find(opened.get().tokenHash(), now);
        return invitation.map(open -> new Opening(language, Optional.empty(), open))
                .orElseGet(() -> new Opening(language, Optional.of(new FeedbackPage.AlreadyAnswered(language)), null));
    }

    /** Takes the form's answer once; what the visitor sees next. */
    public FeedbackPage submit(String token, FeedbackSubmission submission, Instant now) {
        Opening opening = opening(token, now);
        if (opening.closed().isPresent()) {
            return opening.closed().get();
        }
        Language language = opening.language();
        FeedbackInvitation invitation = opening.invitation();
        EnumMap<FeedbackQuestion, Integer> scores = new EnumMap<>(FeedbackQuestion.class);
        submission.points().forEach((question, point) -> parsePoint(point).ifPresent(p -> scores.put(question, p)));
        String comment = submission.comment().strip();
        if (comment.length() > FeedbackAnswers.MAX_COMMENT_LENGTH) {
            comment = comment.substring(0, FeedbackAnswers.MAX_COMMENT_LENGTH);
        }
        FeedbackAnswers answers = new FeedbackAnswers(scores, Optional.of(comment));
        Optional<VolunteerOffer> volunteer = Optional.empty();
        if (submission.volunteer()) {
            String contact = submission.contact().strip();
            if (contact.isEmpty()) {
                return form(language, invitation, token, Optional.of(PageText.FEEDBACK_CONTACT_MISSING), submission);
            }
            if (contact.length() > VolunteerOffer.MAX_CONTACT_LENGTH) {
                contact = contact.substring(0, VolunteerOffer.MAX_CONTACT_LENGTH);
            }
            volunteer = Optional.of(new VolunteerOffer(invitation.siteId(), language.code(), contact, now,
                    now.plus(settings.volunteerRetention())));
        }
        if (answers.isEmpty() && volunteer.isEmpty()) {
            return form(language, invitation, token, Optional.of(PageText.FEEDBACK_MISSING), submission);
        }
        if (!store.answer(invitation, AnonymousAnswer.of(invitation, answers), volunteer)) {
            return new FeedbackPage.AlreadyAnswered(language);
        }
        LOG.info("Feedback answered at site {} in week {}", invitation.siteId(), invitation.week());
        return new FeedbackPage.Thanks(language);
    }

    /** An open digit window and the unanswered invitation it points at: a digit from the sender answers it. */
    public record AwaitedDigit(DigitReply window, FeedbackInvitation invitation) {
    }

    /**
     * Whether a single digit from the sender is a feedback answer (their window is open and the invitation not
     * answered yet) rather than a choice from the language menu: two reads, only for a message that is one digit.
     */
    public Optional<AwaitedDigit> awaitedDigit(String phoneHash, Instant now) {
        return store.digitReplyOf(phoneHash, now).flatMap(window -> store.find(window.tokenHash(), now)
                .map(invitation -> new AwaitedDigit(window, invitation)));
    }

    /**
     * Answers the first question with the digit; the thanks, in the invitation's language. Empty if it was answered
     * meanwhile (the form, or the same digit twice at once): nothing changed.
     */
    public Optional<String> answerByDigit(AwaitedDigit awaited, int point) {
        FeedbackInvitation invitation = awaited.invitation();
        if (!store.answer(invitation, AnonymousAnswer.of(invitation, FeedbackAnswers.digit(point)), Optional.empty())) {
            return Optional.empty();
        }
        LOG.info("Feedback answered by SMS digit at site {} in week {}", invitation.siteId(), invitation.week());
        return Optional.of(thanks(awaited));
    }

    /** The thanks of a digit reply, in the language of the sender's invitation. */
    public String thanks(AwaitedDigit awaited) {
        return catalogue.render(languageOf(awaited.window().language()), MessageKey.FEEDBACK_THANKS);
    }

    /**
     * A digit in reply to the invitation SMS, while its window is open and the form not answered yet: answers the
     * first question. Empty when the sender has no open window, so the message is an ordinary command.
     */
    public Optional<String> digitReply(String phoneHash, int point, Instant now) {
        if (point < 1 || point > PageText.SCALE_POINTS) {
            return Optional.empty();
        }
        return awaitedDigit(phoneHash, now).flatMap(awaited -> answerByDigit(awaited, point));
    }

    /** Whether a single digit from the sender is a feedback answer; see {@link #awaitedDigit}. */
    public boolean awaitsDigit(String phoneHash, Instant now) {
        return awaitedDigit(phoneHash, now).isPresent();
    }

    private FeedbackPage form(Language language, FeedbackInvitation invitation, String token,
                              Optional<PageText> problem, FeedbackSubmission previous) {
        String siteName = sites.findById(invitation.siteId()).map(Site::name).orElse(invitation.siteId());
        return new FeedbackPage.Form(language, siteName, token, problem, previous);
    }

    private FeedbackInvitation invitation(Site site, Ticket ticket, String token, Instant now) {
        VisitTraits traits = new VisitTraits(ticket.topic(), ticket.language(),
                interpreters.wasUsed(ticket.ref(), now));
        return new FeedbackInvitation(FeedbackTokens.hash(token), site.id(), ServiceWeek.of(ticket.day().date()),
                traits, lastDay(now).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private String newToken(Language language, Instant now) {
        return tokens.issue(language.code(), lastDay(now));
    }

    /** A link is open until the end of the (UTC) day its lifetime ends, as its token says. */
    private LocalDate lastDay(Instant now) {
        return now.plus(settings.linkLifetime()).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private String link(String token) {
        return settings.publicBaseUrl() + "/f/" + token;
    }

    private Language languageOf(String code) {
        return catalogue.language(code).orElse(catalogue.fallbackLanguage());
    }

    private static Optional<Integer> parsePoint(String point) {
        if (point == null || point.length() != 1 || point.charAt(0) < '1' || point.charAt(0) > '5') {
            return Optional.empty();
        }
        return Optional.of(point.charAt(0) - '0');
    }
}
