package fi.vuoro.platform.dynamodb;

import static fi.vuoro.platform.dynamodb.Attributes.bool;
import static fi.vuoro.platform.dynamodb.Attributes.number;
import static fi.vuoro.platform.dynamodb.Attributes.optionalString;
import static fi.vuoro.platform.dynamodb.Attributes.string;

import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps a ticket to its item and back. */
final class TicketItems {

    static final String STATUS = "status";
    static final String LANGUAGE = "language";
    static final String NEEDS_INTERPRETER = "needsInterpreter";
    static final String PHONE_HASH = "phoneHash";
    static final String PHONE_CIPHER = "phoneCipher";
    static final String FINISHED_AT = "finishedAt";
    static final String CALLED_AT = "calledAt";
    static final String WALK_IN_NAME = "walkInName";
    static final String COME_BACK_SENT = "comeBackSent";
    static final String DESK = "desk";
    static final String VERSION = "version";
    static final String UNREACHABLE_BY_SMS = "unreachableBySms";

    private TicketItems() {
    }

    static Map<String, AttributeValue> toItem(Ticket ticket) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.ticketKey(ticket.ref()));
        item.put("siteId", AttributeValue.fromS(ticket.siteId()));
        item.put("day", AttributeValue.fromS(ticket.day().date().toString()));
        item.put("number", AttributeValue.fromN(Integer.toString(ticket.number())));
        item.put("code", AttributeValue.fromS(ticket.code()));
        item.put(STATUS, AttributeValue.fromS(ticket.status().name()));
        item.put(LANGUAGE, AttributeValue.fromS(ticket.language()));
        item.put(NEEDS_INTERPRETER, AttributeValue.fromBool(ticket.needsInterpreter()));
        ticket.topic().ifPresent(topic -> item.put("topic", AttributeValue.fromS(topic)));
        ticket.phoneHash().ifPresent(hash -> item.put(PHONE_HASH, AttributeValue.fromS(hash)));
        ticket.phoneCipher().ifPresent(cipher -> item.put(PHONE_CIPHER, AttributeValue.fromS(cipher)));
        ticket.desk().ifPresent(desk -> item.put("desk", AttributeValue.fromS(desk)));
        item.put("joinedAt", Attributes.epochMillis(ticket.joinedAt()));
        ticket.calledAt().ifPresent(at -> item.put(CALLED_AT, Attributes.epochMillis(at)));
        ticket.finishedAt().ifPresent(at -> item.put(FINISHED_AT, Attributes.epochMillis(at)));
        ticket.walkInName().ifPresent(name -> item.put(WALK_IN_NAME, AttributeValue.fromS(name)));
        if (ticket.comeBackSent()) {
            item.put(COME_BACK_SENT, AttributeValue.fromBool(true));
        }
        if (ticket.unreachableBySms()) {
            item.put(UNREACHABLE_BY_SMS, AttributeValue.fromBool(true));
        }
        item.put(VERSION, AttributeValue.fromN(Integer.toString(ticket.version())));
        item.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(ticket.expiresAt()));
        return item;
    }

    static Ticket fromItem(Map<String, AttributeValue> item) {
        return new Ticket(
                string(item, "siteId"),
                new ServiceDay(LocalDate.parse(string(item, "day"))),
                (int) number(item, "number"),
                string(item, "code"),
                TicketStatus.valueOf(string(item, STATUS)),
                string(item, LANGUAGE),
                optionalString(item, "topic"),
                bool(item, NEEDS_INTERPRETER),
                optionalString(item, PHONE_HASH),
                optionalString(item, PHONE_CIPHER),
                Instant.ofEpochMilli(number(item, "joinedAt")),
                optionalString(item, "desk"),
                Instant.ofEpochSecond(number(item, Attributes.EXPIRES_AT)),
                optionalMillis(item, CALLED_AT),
                optionalMillis(item, FINISHED_AT),
                optionalString(item, WALK_IN_NAME),
                bool(item, COME_BACK_SENT),
                bool(item, UNREACHABLE_BY_SMS),
                item.containsKey(VERSION) ? (int) number(item, VERSION) : 0);
    }

    private static Optional<Instant> optionalMillis(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Optional.of(Instant.ofEpochMilli(number(item, name))) : Optional.empty();
    }

    static Optional<Ticket> liveOnly(Map<String, AttributeValue> item, Instant now) {
        return Attributes.isLive(item, now) ? Optional.of(fromItem(item)) : Optional.empty();
    }
}
