package fi.vuoro.domain.sms;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.visitor.PhoneProtector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every SMS to a site's number comes here first: the site is found by the number texted (cached), the sender
 * recognised by their number's keyed hash, and what is stored about them read at once; a redelivered message gets its
 * earlier reply and changes nothing; otherwise the message goes to the sender's conversation (an interpreter's when a
 * routing claims the sender, else the visitor's). Every inbound message gets exactly one reply, and a failure still
 * answers "try again", unless the sender has spent their {@link ReplyBudget}: then the message is still handled but
 * answered with nothing, and one log line (with a short fingerprint of the number's keyed hash, never the number)
 * says so.
 */
public final class InboundSmsRouter {

    /** The reply to a message whose sender is silenced: nothing is sent back. */
    public static final String NO_REPLY = "";
    private static final Logger LOG = LoggerFactory.getLogger(InboundSmsRouter.class);
    /** Enough of the keyed hash to tell senders apart in the logs; the number cannot be had from it. */
    private static final int FINGERPRINT_LENGTH = 10;
    private final SiteDirectory sites;
    private final SenderRecordsSource records;
    private final ReplyLog replies;
    private final PhoneProtector phones;
    private final List<SenderRouting> routings;
    private final Conversation visitors;
    private final MessageCatalogue catalogue;
    private final ReplyBudget budget;
    private final ReplyCounter counter;
    private final Clock clock;

    public InboundSmsRouter(SiteDirectory sites, SenderRecordsSource records, ReplyLog replies, PhoneProtector phones,
                            List<SenderRouting> routings, Conversation visitors, MessageCatalogue catalogue,
                            ReplyBudget budget, ReplyCounter counter, Clock clock) {
        this.sites = sites;
        this.records = records;
        this.replies = replies;
        this.phones = phones;
        this.routings = List.copyOf(routings);
        this.visitors = visitors;
        this.catalogue = catalogue;
        this.budget = budget;
        this.counter = counter;
        this.clock = clock;
    }

    /** Handles one inbound message and returns the reply text to send back ({@link #NO_REPLY} for none). */
    public String handle(InboundSms sms) {
        Instant now = clock.instant();
        Reply reply;
        Optional<Site> site;
        String phoneHash;
        ReplyBudget.Verdict verdict;
        try {
            site = sites.findByNumber(sms.to());
            phoneHash = phones.hash(sms.from());
            SenderRecords known = records.read(sms.messageId(), phoneHash, site.map(Site::id), now);
            verdict = budget.verdict(known.repliesThisHour());
            if (known.earlierReply().isPresent()) {
                LOG.info("Redelivered message answered with its earlier reply");
                return verdict.answers() ? known.earlierReply().get() : silence(verdict, phoneHash, site, now, true);
            }
            reply = route(sms, site, phoneHash, known, now);
        } catch (RuntimeException failure) {
            // The sender still hears back. Nothing is remembered for this message, so a redelivery is handled
            // afresh; every write before the failure was conditional, so a retry cannot double it.
            LOG.error("Could not handle an inbound message: {}", failure.getClass().getName(), failure);
            return plain(MessageKey.TRY_AGAIN);
        }
        String text = remembered(sms, phoneHash, reply, site, now);
        if (!verdict.answers()) {
            // Nothing about the sender is written after the erasure's answer.
            return silence(verdict, phoneHash, site, now, !reply.forgetsSender());
        }
        if (reply.counted()) {
            count(phoneHash, now);
        }
        return text;
    }

    /** The reply's text, stored in the reply log first if the message changed something. */
    private String remembered(InboundSms sms, String phoneHash, Reply reply, Optional<Site> site, Instant now) {
        if (reply.memory() != Reply.Memory.REMEMBER) {
            return reply.text();
        }
        try {
            return replies.saveIfAbsent(phoneHash, sms.messageId(), reply.text(), now.plus(replyMemory(site)));
        } catch (RuntimeException failure) {
            // What the message asked for is done; a redelivery is handled afresh and, the queue's writes being
            // conditional, comes to the same answer.
            LOG.error("Could not remember the reply to an inbound message: {}", failure.getClass().getName());
            return reply.text();
        }
    }

    /**
     * No reply. The first message past the budget is logged and counted too, so that later ones in the hour are
     * neither logged nor written.
     */
    private String silence(ReplyBudget.Verdict verdict, String phoneHash, Optional<Site> site, Instant now,
                           boolean mayCount) {
        if (verdict == ReplyBudget.Verdict.SILENCE_NOW) {
            LOG.warn("Looping sender silenced until {}: {} counted replies this hour, sender {} at site {}",
                    ReplyBudget.windowEnd(now), budget.perHour(), fingerprint(phoneHash),
                    site.map(Site::id).orElse("-"));
            if (mayCount) {
                count(phoneHash, now);
            }
        }
        return NO_REPLY;
    }

    private void count(String phoneHash, Instant now) {
        try {
            counter.count(phoneHash, ReplyBudget.windowOf(now), ReplyBudget.windowEnd(now));
        } catch (RuntimeException failure) {
            // The reply still goes: a count missed now only lets a loop run one reply longer.
            LOG.error("Could not count a reply against its sender's budget: {}", failure.getClass().getName());
        }
    }

    /** The start of the number's keyed hash: tells one sender's log lines apart, and gives nothing of the number. */
    static String fingerprint(String phoneHash) {
        return phoneHash.length() <= FINGERPRINT_LENGTH ? phoneHash : phoneHash.substring(0, FINGERPRINT_LENGTH);
    }

    /** A reply speaks of the visit, so it is kept no longer than the site keeps its visits. */
    private static Duration replyMemory(Optional<Site> site) {
        return site.map(SmsTurn::replyMemory).orElse(SmsTurn.REPLY_MEMORY);
    }

    private Reply route(InboundSms sms, Optional<Site> site, String phoneHash, SenderRecords known, Instant now) {
        if (site.isEmpty()) {
            LOG.warn("Message to a number that belongs to no site");
            // Not counted: nothing is stored about someone who texted a number no site uses.
            return Reply.readOnly(plain(MessageKey.NUMBER_NOT_IN_USE));
        }
        SmsTurn turn = new SmsTurn(sms.messageId(), site.get(), sms.from(), phoneHash, sms.body(), now, known);
        for (SenderRouting routing : routings) {
            Optional<Conversation> claimed = routing.conversationOf(turn);
            if (claimed.isPresent()) {
                return claimed.get().respond(turn);
            }
        }
        return visitors.respond(turn);
    }

    private String plain(MessageKey key) {
        return catalogue.render(catalogue.fallbackLanguage(), key, Map.of());
    }
}
