package fi.vuoro.platform.dynamodb;

import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketRef;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The single table's key patterns, in one place (docs/table-design.md explains each). */
public final class Keys {

    public static final String PK = "PK";
    public static final String SK = "SK";

    public static final String PROFILE = "PROFILE";
    public static final String COUNTER = "COUNTER";
    /** The day's count of changes staff see; sorts right after the counter, so one Query reads both. */
    public static final String VIEW = "COUNTER#VIEW";
    public static final String ROUTE = "SITE";
    public static final String REPLY_PREFIX = "REPLY#";
    /** The interpreter number route, beside the visitor items of the number's hash. */
    public static final String INTERPRETER_ROUTE = "INTERPRETER";
    /** The number opted out of SMS at the carrier (STOP): kept through erasure, as Twilio keeps its own block. */
    public static final String OPTED_OUT = "OPTOUT";
    public static final String TICKET_PREFIX = "TICKET#";
    public static final String LIVE_PREFIX = "LIVE#";
    public static final String DESK_PREFIX = "DESK#";
    /** The partition listing every site, for scheduled jobs. */
    public static final String SITES = "SITES";

    private Keys() {
    }

    public static String site(String siteId) {
        return "SITE#" + siteId;
    }

    public static String number(String e164) {
        return "NUMBER#" + e164;
    }

    public static String day(String siteId, ServiceDay day) {
        return "SITE#" + siteId + "#DAY#" + day.date();
    }

    public static String ticket(int number) {
        return String.format("TICKET#%05d", number);
    }

    /** Real service durations of a site, newest last by sort key. */
    public static String serviceTimes(String siteId) {
        return "SITE#" + siteId + "#SERVICE";
    }

    public static String phone(String phoneHash) {
        return "PHONE#" + phoneHash;
    }

    /** A sender's count of replies in one budget window (its start, e.g. {@code REPLIES#2026-12-02T14:00:00Z}). */
    public static String replyCount(java.time.Instant window) {
        return "REPLIES#" + window;
    }

    public static String live(String siteId) {
        return LIVE_PREFIX + siteId;
    }

    /** The visitor's reference to one of their tickets: TICKET#site#yyyy-MM-dd#number. */
    public static String ticketRef(TicketRef ref) {
        return TICKET_PREFIX + ref.siteId() + "#" + ref.day().date() + "#" + ref.number();
    }

    /** The reply to one inbound message, beside its sender's other items, so that erasing them takes it too. */
    public static String reply(String messageId) {
        return REPLY_PREFIX + messageId;
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    public static Map<String, AttributeValue> ticketKey(TicketRef ref) {
        return key(day(ref.siteId(), ref.day()), ticket(ref.number()));
    }
}
