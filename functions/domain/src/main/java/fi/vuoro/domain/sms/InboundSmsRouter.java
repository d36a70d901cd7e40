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
 * answers "try again".
 */
public final class InboundSmsRouter {

    private static final Logger LOG = LoggerFactory.getLogger(InboundSmsRouter.class);
    private final SiteDirectory sites;
    private final SenderRecordsSource records;
    private final ReplyLog replies;
    private final PhoneProtector phones;
    private final List<SenderRouting> routings;
    private final Conversation visitors;
    private final MessageCatalogue catalogue;
    private final Clock clock;

    public InboundSmsRouter(SiteDirectory sites, SenderRecordsSource records, ReplyLog replies, PhoneProtector phones,
                            List<SenderRouting> routings, Conversation visitors, MessageCatalogue catalogue,
                            Clock clock) {
        this.sites = sites;
        this.records = records;
        this.replies = replies;
        this.phones = phones;
        this.routings = List.copyOf(routings);
        this.visitors = visitors;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Handles one inbound message and returns the reply text to send back. */
    public String handle(InboundSms sms) {
        Instant now = clock.instant();
        Reply reply;
        Optional<Site> site;
        String phoneHash;
        try {
            site = sites.findByNumber(sms.to());
            phoneHash = phones.hash(sms.from());
            SenderRecords known = records.read(sms.messageId(), phoneHash, site.map(Site::id), now);
            if (known.earlierReply().isPresent()) {
                LOG.info("Redelivered message answered with its earlier reply");
                return known.earlierReply().get();
            }
            reply = route(sms, site, phoneHash, known, now);
        } catch (RuntimeException failure) {
            // The sender still hears back. Nothing is remembered for this message, so a redelivery is handled
            // afresh; every write before the failure was conditional, so a retry cannot double it.
            LOG.error("Could not handle an inbound message: {}", failure.getClass().getName(), failure);
            return plain(MessageKey.TRY_AGAIN);
        }
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

    /** A reply speaks of the visit, so it is kept no longer than the site keeps its visits. */
    private static Duration replyMemory(Optional<Site> site) {
        return site.map(SmsTurn::replyMemory).orElse(SmsTurn.REPLY_MEMORY);
    }

    private Reply route(InboundSms sms, Optional<Site> site, String phoneHash, SenderRecords known, Instant now) {
        if (site.isEmpty()) {
            LOG.warn("Message to a number that belongs to no site");
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
