package fi.vuoro.platform.dynamodb.interpreter;

import fi.vuoro.domain.interpreter.AvailabilityToday;
import fi.vuoro.domain.interpreter.HeldOffer;
import fi.vuoro.domain.interpreter.Interpreter;
import fi.vuoro.domain.interpreter.InterpreterRequest;
import fi.vuoro.domain.interpreter.Offer;
import fi.vuoro.domain.interpreter.TimeWindow;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.platform.dynamodb.Attributes;
import fi.vuoro.platform.dynamodb.Keys;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of interpreter matching (docs/table-design.md, "Interpreters"): the interpreters of the region in one
 * partition, each number's route beside the visitor items of that hash, the offers each interpreter got under them,
 * and each request in its ticket's day partition, so the live queue's one Query reads requests with tickets.
 */
final class InterpreterItems {

    static final String INTERPRETERS = "INTERPRETERS";
    static final String ROUTE = Keys.INTERPRETER_ROUTE;
    static final String CODE = "CODE";
    static final String OFFER_PREFIX = "OFFER#";
    static final String REQUEST_PREFIX = "INTERPRET#";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private InterpreterItems() {
    }

    static String interpreterKey(String id) {
        return "INTERPRETER#" + id;
    }

    static String offerKey(TicketRef ticket) {
        return OFFER_PREFIX + ticket.siteId() + "#" + ticket.day().date() + "#" + ticket.number();
    }

    static String requestKey(int number) {
        return String.format(REQUEST_PREFIX + "%05d", number);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Keys.key(pk, sk);
    }

    static Map<String, AttributeValue> interpreterItemKey(String id) {
        return key(INTERPRETERS, interpreterKey(id));
    }

    static Map<String, AttributeValue> requestItemKey(TicketRef ticket) {
        return key(Keys.day(ticket.siteId(), ticket.day()), requestKey(ticket.number()));
    }

    // --- interpreters ---

    static Map<String, AttributeValue> toItem(Interpreter interpreter) {
        Map<String, AttributeValue> item = new HashMap<>(interpreterItemKey(interpreter.id()));
        item.put("id", s(interpreter.id()));
        item.put("name", s(interpreter.name()));
        item.put("phoneHash", s(interpreter.phoneHash()));
        item.put("phoneCipher", s(interpreter.phoneCipher()));
        item.put("language", s(interpreter.language()));
        item.put("languages", strings(interpreter.languages()));
        item.put("sites", strings(interpreter.siteIds()));
        item.put("availability", AttributeValue.fromM(hours(interpreter.availability())));
        interpreter.today().ifPresent(today -> item.put("today", AttributeValue.fromM(today(today))));
        item.put("active", AttributeValue.fromBool(interpreter.active()));
        interpreter.lastOfferedAt().ifPresent(at -> item.put("lastOfferedAt", Attributes.epochMillis(at)));
        interpreter.lastAssignedAt().ifPresent(at -> item.put("lastAssignedAt", Attributes.epochMillis(at)));
        item.put("version", n(interpreter.version()));
        return item;
    }

    static Interpreter interpreterOf(Map<String, AttributeValue> item) {
        return new Interpreter(
                Attributes.string(item, "id"),
                Attributes.string(item, "name"),
                Attributes.string(item, "phoneHash"),
                Attributes.string(item, "phoneCipher"),
                Attributes.string(item, "language"),
                stringSet(item.get("languages")),
                stringSet(item.get("sites")),
                hoursOf(item.get("availability")),
                item.containsKey("today") ? Optional.of(todayOf(item.get("today").m())) : Optional.empty(),
                Attributes.bool(item, "active"),
                millis(item, "lastOfferedAt"),
                millis(item, "lastAssignedAt"),
                (int) Attributes.number(item, "version"));
    }

    static Map<String, AttributeValue> routeItem(String phoneHash, String interpreterId) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.phone(phoneHash), ROUTE));
        item.put("interpreterId", s(interpreterId));
        return item;
    }

    // --- held offers ---

    static Map<String, AttributeValue> heldItem(String interpreterId, TicketRef ticket, int code, HeldOffer.Hold hold,
                                                Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(interpreterKey(interpreterId), offerKey(ticket)));
        item.put("interpreterId", s(interpreterId));
        item.put("siteId", s(ticket.siteId()));
        item.put("day", s(ticket.day().date().toString()));
        item.put("number", n(ticket.number()));
        item.put("code", n(code));
        item.put("hold", s(hold.name()));
        item.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(expiresAt));
        return item;
    }

    static HeldOffer heldOf(Map<String, AttributeValue> item) {
        return new HeldOffer(Attributes.string(item, "interpreterId"),
                new TicketRef(Attributes.string(item, "siteId"),
                        new ServiceDay(LocalDate.parse(Attributes.string(item, "day"))),
                        (int) Attributes.number(item, "number")),
                (int) Attributes.number(item, "code"),
                HeldOffer.Hold.valueOf(Attributes.string(item, "hold")));
    }

    // --- requests ---

    static Map<String, AttributeValue> toItem(InterpreterRequest request) {
        Map<String, AttributeValue> item = new HashMap<>(requestItemKey(request.ticket()));
        item.put("siteId", s(request.ticket().siteId()));
        item.put("day", s(request.ticket().day().date().toString()));
        item.put("number", n(request.ticket().number()));
        item.put("ticketCode", s(request.ticketCode()));
        item.put("language", s(request.language()));
        item.put("status", s(request.status().name()));
        item.put("wave", n(request.wave()));
        item.put("offers", AttributeValue.fromL(request.offers().stream().map(InterpreterItems::offer)
                .map(AttributeValue::fromM).toList()));
        request.confirmedBy().ifPresent(id -> item.put("confirmedBy", s(id)));
        request.confirmedAt().ifPresent(at -> item.put("confirmedAt", Attributes.epochMillis(at)));
        item.put("ready", AttributeValue.fromBool(request.ready()));
        request.arrivedAt().ifPresent(at -> item.put("arrivedAt", Attributes.epochMillis(at)));
        item.put("expectedAt", Attributes.epochMillis(request.expectedAt()));
        item.put("nextWaveAt", Attributes.epochMillis(request.nextWaveAt()));
        item.put("createdAt", Attributes.epochMillis(request.createdAt()));
        item.put("version", n(request.version()));
        item.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(request.expiresAt()));
        return item;
    }

    static InterpreterRequest requestOf(Map<String, AttributeValue> item) {
        TicketRef ticket = new TicketRef(Attributes.string(item, "siteId"),
                new ServiceDay(LocalDate.parse(Attributes.string(item, "day"))), (int) Attributes.number(item, "number"));
        return new InterpreterRequest(ticket,
                Attributes.string(item, "ticketCode"),
                Attributes.string(item, "language"),
                InterpreterRequest.Status.valueOf(Attributes.string(item, "status")),
                (int) Attributes.number(item, "wave"),
                item.getOrDefault("offers", AttributeValue.fromL(List.of())).l().stream()
                        .map(value -> offerOf(value.m())).toList(),
                Attributes.optionalString(item, "confirmedBy"),
                millis(item, "confirmedAt"),
                Attributes.bool(item, "ready"),
                millis(item, "arrivedAt"),
                Instant.ofEpochMilli(Attributes.number(item, "expectedAt")),
                Instant.ofEpochMilli(Attributes.number(item, "nextWaveAt")),
                Instant.ofEpochMilli(Attributes.number(item, "createdAt")),
                Instant.ofEpochSecond(Attributes.number(item, Attributes.EXPIRES_AT)),
                (int) Attributes.number(item, "version"));
    }

    private static Map<String, AttributeValue> offer(Offer offer) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("interpreterId", s(offer.interpreterId()));
        map.put("name", s(offer.name()));
        map.put("code", n(offer.code()));
        map.put("wave", n(offer.wave()));
        map.put("state", s(offer.state().name()));
        map.put("offeredAt", Attributes.epochMillis(offer.offeredAt()));
        return map;
    }

    private static Offer offerOf(Map<String, AttributeValue> map) {
        return new Offer(Attributes.string(map, "interpreterId"), Attributes.string(map, "name"),
                (int) Attributes.number(map, "code"), (int) Attributes.number(map, "wave"),
                Offer.State.valueOf(Attributes.string(map, "state")),
                Instant.ofEpochMilli(Attributes.number(map, "offeredAt")));
    }

    // --- values ---

    private static Map<String, AttributeValue> hours(OpeningHours hours) {
        Map<String, AttributeValue> byDay = new LinkedHashMap<>();
        for (Map.Entry<DayOfWeek, List<OpeningHours.Period>> day : hours.periods().entrySet()) {
            String periods = day.getValue().stream()
                    .map(p -> TIME.format(p.start()) + "-" + (p.end().equals(LocalTime.MAX) ? "24:00" : TIME.format(p.end())))
                    .collect(Collectors.joining(","));
            byDay.put(day.getKey().name().substring(0, 3), s(periods));
        }
        return byDay;
    }

    private static OpeningHours hoursOf(AttributeValue value) {
        Map<String, String> byDay = new LinkedHashMap<>();
        if (value != null && value.hasM()) {
            value.m().forEach((day, periods) -> byDay.put(day, periods.s()));
        }
        return OpeningHours.parse(byDay);
    }

    private static Map<String, AttributeValue> today(AvailabilityToday today) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("date", s(today.date().toString()));
        map.put("available", AttributeValue.fromBool(today.available()));
        today.window().ifPresent(w -> {
            map.put("from", s(TIME.format(w.from())));
            map.put("to", s(TIME.format(w.to())));
        });
        return map;
    }

    private static AvailabilityToday todayOf(Map<String, AttributeValue> map) {
        Optional<TimeWindow> window = map.containsKey("from")
                ? Optional.of(new TimeWindow(LocalTime.parse(map.get("from").s()), LocalTime.parse(map.get("to").s())))
                : Optional.empty();
        return new AvailabilityToday(LocalDate.parse(map.get("date").s()), Boolean.TRUE.equals(map.get("available").bool()),
                window);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue strings(Set<String> values) {
        return AttributeValue.fromL(values.stream().sorted().map(AttributeValue::fromS).toList());
    }

    private static Set<String> stringSet(AttributeValue value) {
        return value == null ? Set.of() : value.l().stream().map(AttributeValue::s).collect(Collectors.toUnmodifiableSet());
    }

    private static Optional<Instant> millis(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(Long.parseLong(value.n())));
    }
}
