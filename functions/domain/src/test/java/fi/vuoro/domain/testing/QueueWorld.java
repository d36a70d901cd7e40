package fi.vuoro.domain.testing;

import fi.vuoro.domain.audit.Audit;
import fi.vuoro.domain.estimate.ServiceHistory;
import fi.vuoro.domain.estimate.ServiceLog;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.queue.InMemoryQueueStore;
import fi.vuoro.domain.queue.QueueEvent;
import fi.vuoro.domain.queue.QueueEvents;
import fi.vuoro.domain.queue.QueueListener;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketLifecycle;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.sms.InboundSms;
import fi.vuoro.domain.sms.InboundSmsRouter;
import fi.vuoro.domain.sms.ReplyBudget;
import fi.vuoro.domain.sms.ReplyLog;
import fi.vuoro.domain.sms.SenderRecords;
import fi.vuoro.domain.sms.SenderRecordsSource;
import fi.vuoro.domain.sms.SenderRouting;
import fi.vuoro.domain.sms.VisitorConversation;
import fi.vuoro.domain.staff.CallOrder;
import fi.vuoro.domain.staff.CallReadiness;
import fi.vuoro.domain.staff.ComeBackNotifier;
import fi.vuoro.domain.staff.QueueSms;
import fi.vuoro.domain.staff.ServiceTimes;
import fi.vuoro.domain.staff.StaffInput;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.staff.StaffQueueService;
import fi.vuoro.domain.visitor.PhoneProtector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The queue's whole domain wired on in-memory stores, with a clock that moves only when told: visitors text, staff
 * act, listeners hear every event, and the SMS owed pile up in the store's outbox. Other capabilities add their
 * listeners, call readiness checks and sender routings before {@link #start()}.
 */
public final class QueueWorld {

    public static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();

    public final ManualClock clock;
    public final InMemoryQueueStore queue;
    public final PhoneProtector phones = new TestPhones();
    public final Map<String, Site> sites = new ConcurrentHashMap<>();
    public final List<QueueEvent> heard = new CopyOnWriteArrayList<>();
    public final List<Duration> serviceTimes = new CopyOnWriteArrayList<>();
    public final TicketLifecycle lifecycle = new TicketLifecycle(new QueueSms(CATALOGUE));
    public final List<QueueListener> listeners = new ArrayList<>();
    public final List<CallReadiness> readiness = new ArrayList<>();
    public final List<SenderRouting> routings = new ArrayList<>();
    public final InMemoryAuditTrail auditTrail = new InMemoryAuditTrail();
    public final InMemoryReplyCounter replyCounter = new InMemoryReplyCounter();
    public final SiteDirectory directory = new SiteDirectory() {
        @Override
        public Optional<Site> findByNumber(String e164Number) {
            return sites.values().stream().filter(site -> site.smsNumber().equals(e164Number)).findFirst();
        }

        @Override
        public Optional<Site> findById(String siteId) {
            return Optional.ofNullable(sites.get(siteId));
        }

        @Override
        public List<Site> all() {
            return List.copyOf(sites.values());
        }
    };
    /** The interpreter a number's hash belongs to: interpreter matching sets it when it registers its routing. */
    public Function<String, Optional<String>> interpreterIds = hash -> Optional.empty();

    public QueueEvents events;
    public StaffQueueService staff;
    public VisitorConversation visitorConversation;
    public InboundSmsRouter router;

    public final Audit audit;

    public QueueWorld(Instant start) {
        this.clock = new ManualClock(start);
        this.queue = new InMemoryQueueStore(clock);
        this.audit = new Audit(auditTrail, clock);
        ServiceLog log = (siteId, took, at) -> serviceTimes.add(took);
        listeners.add(heard::add);
        listeners.add(new ComeBackNotifier(queue, lifecycle));
        listeners.add(new ServiceTimes(log));
    }

    public QueueWorld site(Site site) {
        sites.put(site.id(), site);
        return this;
    }

    /** Wires the services, once every listener, readiness check and routing is added. */
    public QueueWorld start() {
        events = new QueueEvents(listeners);
        staff = new StaffQueueService(directory, queue, lifecycle, events, new StaffInput(CATALOGUE),
                new CallOrder(readiness), clock, audit);
        visitorConversation = new VisitorConversation(directory, queue, queue, phones, siteId -> ServiceHistory.NONE,
                lifecycle, events, CATALOGUE);
        ReplyLog replyLog = queue.replyLog();
        SenderRecordsSource records = (messageId, phoneHash, siteId, now) -> new SenderRecords(
                replyLog.find(phoneHash, messageId, now), interpreterIds.apply(phoneHash), queue.find(phoneHash, now),
                siteId.flatMap(id -> queue.liveSlot(phoneHash, id)).filter(ref -> ref.day().equals(ServiceDay.of(now))),
                queue.optedOut(phoneHash, now), replyCounter.counted(phoneHash, ReplyBudget.windowOf(now), now));
        router = new InboundSmsRouter(directory, records, replyLog, phones, routings, visitorConversation, CATALOGUE,
                ReplyBudget.DEFAULT, replyCounter, clock);
        return this;
    }

    /** A text from {@code phone} to the site's number; the reply. */
    public String text(String phone, Site site, String body) {
        return router.handle(new InboundSms("SM" + UUID.randomUUID(), phone, site.smsNumber(), body));
    }

    public static StaffMember staffOf(Site... sites) {
        return new StaffMember("staff", java.util.Arrays.stream(sites).map(Site::id)
                .collect(java.util.stream.Collectors.toSet()));
    }

    /** The text of every SMS owed to the number so far (not the TwiML replies), oldest first. */
    public List<String> owedTo(String phone) {
        return queue.owed().values().stream().filter(sms -> phone.equals(phones.decrypt(sms.toCipher())))
                .map(sms -> sms.body()).toList();
    }

    /** Stands in for the real keys: a reversible, visibly-not-the-number encryption, and a stable hash. */
    public static final class TestPhones implements PhoneProtector {
        @Override
        public String hash(String e164Number) {
            return "hash:" + e164Number;
        }

        @Override
        public String encrypt(String e164Number) {
            return "enc:" + new StringBuilder(e164Number).reverse();
        }

        @Override
        public String decrypt(String cipherText) {
            if (!cipherText.startsWith("enc:")) {
                throw new IllegalArgumentException("not a cipher text");
            }
            return new StringBuilder(cipherText.substring(4)).reverse().toString();
        }
    }

}
