package fi.vuoro.sms;

import fi.vuoro.domain.language.CommandWord;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.sms.SenderRecords;
import fi.vuoro.domain.sms.SenderRecordsSource;
import fi.vuoro.domain.sms.SenderRouting;
import fi.vuoro.domain.sms.SmsTurn;
import fi.vuoro.domain.sms.VisitorConversation;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.platform.snapstart.DynamoDbPriming;
import fi.vuoro.platform.snapstart.SnapshotPriming;
import fi.vuoro.platform.twilio.TwilioWebhookVerifier;
import fi.vuoro.platform.twilio.TwimlReplies;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SMS webhook's SnapStart priming: an inbound SMS's path, read-only and on keys that cannot exist. A signature
 * check of a form with a wrong signature, the site directory's lookup and the sender's records (one read), then STATUS, LEAVE and
 * HELP in every language from a sender who never texted, each answered by the visitor conversation and built into
 * TwiML, and a digit for the feedback routing to look up. The sender and the site are made up in memory
 * ({@code +999} is no country's code); nothing is saved.
 */
@Singleton
public class SmsWebhookPriming extends SnapshotPriming<String> {

    static final String PRIMING_SENDER = "+99900000001";
    static final String PRIMING_SITE_NUMBER = "+99900000002";
    static final String PRIMING_MESSAGE_ID = "SMPRIMING";
    private static final List<CommandWord> READ_ONLY_COMMANDS = List.of(CommandWord.STATUS, CommandWord.LEAVE,
            CommandWord.HELP);

    private final TwilioWebhookVerifier verifier;
    private final SenderRecordsSource records;
    private final SiteDirectory sites;
    private final PhoneProtector phones;
    private final List<SenderRouting> routings;
    private final VisitorConversation visitors;
    private final MessageCatalogue catalogue;
    private final Clock clock;

    public SmsWebhookPriming(TwilioWebhookVerifier verifier, SenderRecordsSource records, SiteDirectory sites,
                             PhoneProtector phones, List<SenderRouting> routings, VisitorConversation visitors,
                             MessageCatalogue catalogue, DynamoDbPriming dynamo, Clock clock) {
        super(dynamo);
        this.verifier = verifier;
        this.records = records;
        this.sites = sites;
        this.phones = phones;
        this.routings = routings;
        this.visitors = visitors;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The TwiML of every answer, in the catalogue's language order. */
    @Override
    protected List<String> rehearse() {
        Instant now = clock.instant();
        verifier.isSigned(TwilioSmsWebhookController.PATH,
                Map.of("From", PRIMING_SENDER, "To", PRIMING_SITE_NUMBER, "Body", "STATUS"), "cHJpbWluZw==");
        sites.findByNumber(PRIMING_SITE_NUMBER);
        Site site = new Site("priming", "Priming", PRIMING_SITE_NUMBER, OpeningHours.always(),
                Set.of(catalogue.fallbackLanguage().code()), Duration.ofMinutes(15), 1, 'P', Set.of());
        String phoneHash = phones.hash(PRIMING_SENDER);
        // The sender's records in the one read every SMS starts with: none exist for this sender and message.
        SenderRecords known = records.read(PRIMING_MESSAGE_ID, phoneHash, Optional.of(site.id()), now);
        List<String> twiml = new ArrayList<>();
        for (Language language : catalogue.languages()) {
            for (CommandWord command : READ_ONLY_COMMANDS) {
                twiml.add(answer(new SmsTurn(PRIMING_MESSAGE_ID, site, PRIMING_SENDER, phoneHash,
                        language.keyword(command), now, known)));
            }
        }
        // A digit is what the feedback routing looks at (it finds no invitation); the conversation is not asked,
        // as it would take a digit for a language choice and join.
        requireUnclaimed(new SmsTurn(PRIMING_MESSAGE_ID, site, PRIMING_SENDER, phoneHash, "3", now, known));
        return twiml;
    }

    /** As the router answers: a routing that claims the sender first, else the visitor conversation. */
    private String answer(SmsTurn turn) {
        requireUnclaimed(turn);
        return TwimlReplies.message(visitors.respond(turn).text());
    }

    private void requireUnclaimed(SmsTurn turn) {
        for (SenderRouting routing : routings) {
            if (routing.conversationOf(turn).isPresent()) {
                throw new IllegalStateException("the priming sender is known to a routing");
            }
        }
    }
}
