package fi.vuoro.platform.dynamodb;

import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketRef;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The single table's key patterns, in one place (docs/table-design.md explains each). */
final class Keys {

    static final String PK = "PK";
    static final String SK = "SK";

    static final String PROFILE = "PROFILE";
    static final String COUNTER = "COUNTER";
    static final String ROUTE = "SITE";
    static final String REPLY = "REPLY";
    static final String TICKET_PREFIX = "TICKET#";
    static final String LIVE_PREFIX = "LIVE#";
    static final String DESK_PREFIX = "DESK#";
    /** The partition listing every site, for scheduled jobs. */
    static final String SITES = "SITES";

    private Keys() {
    }

    static String site(String siteId) {
        return "SITE#" + siteId;
    }

    static String number(String e164) {
        return "NUMBER#" + e164;
    }

    static String day(String siteId, ServiceDay day) {
        return "SITE#" + siteId + "#DAY#" + day.date();
    }

    static String ticket(int number) {
        return String.format("TICKET#%05d", number);
    }

    /** Real service durations of a site, newest last by sort key. */
    static String serviceTimes(String siteId) {
        return "SITE#" + siteId + "#SERVICE";
    }

    static String phone(String phoneHash) {
        return "PHONE#" + phoneHash;
    }

    static String live(String siteId) {
        return LIVE_PREFIX + siteId;
    }

    /** The visitor's reference to one of their tickets: TICKET#site#yyyy-MM-dd#number. */
    static String ticketRef(TicketRef ref) {
        return TICKET_PREFIX + ref.siteId() + "#" + ref.day().date() + "#" + ref.number();
    }

    static String sms(String messageId) {
        return "SMS#" + messageId;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    static Map<String, AttributeValue> ticketKey(TicketRef ref) {
        return key(day(ref.siteId(), ref.day()), ticket(ref.number()));
    }
}
