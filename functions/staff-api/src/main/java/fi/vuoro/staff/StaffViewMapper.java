package fi.vuoro.staff;

import fi.vuoro.domain.interpreter.Interpreter;
import fi.vuoro.domain.interpreter.InterpreterDirectory;
import fi.vuoro.domain.interpreter.InterpreterRequest;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.queue.Desk;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.staff.LiveQueue;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.domain.visitor.UnreadablePhoneException;
import fi.vuoro.staff.StaffViews.AskedView;
import fi.vuoro.staff.StaffViews.DeskView;
import fi.vuoro.staff.StaffViews.InterpreterEntry;
import fi.vuoro.staff.StaffViews.InterpreterView;
import fi.vuoro.staff.StaffViews.PersonView;
import fi.vuoro.staff.StaffViews.SiteView;
import fi.vuoro.staff.StaffViews.TicketView;
import fi.vuoro.staff.StaffViews.TopicView;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Domain objects to the JSON views: language names for staff, phone numbers masked. */
@Singleton
final class StaffViewMapper {

    private static final Logger LOG = LoggerFactory.getLogger(StaffViewMapper.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** The staff pages are in English: topics are named to staff by their English names. */
    private static final String STAFF_LANGUAGE = "en";

    private final MessageCatalogue catalogue;
    private final PhoneProtector phones;
    private final InterpreterDirectory interpreters;
    private final SiteDirectory sites;

    StaffViewMapper(MessageCatalogue catalogue, PhoneProtector phones, InterpreterDirectory interpreters,
                    SiteDirectory sites) {
        this.catalogue = catalogue;
        this.phones = phones;
        this.interpreters = interpreters;
        this.sites = sites;
    }

    /** The site with its topics and how many wait for each now. */
    SiteView site(LiveQueue live) {
        Site site = live.site();
        List<TopicView> topics = live.waitingByTopic().entrySet().stream()
                .map(entry -> new TopicView(entry.getKey().word(), Character.toString(entry.getKey().letter()),
                        entry.getKey().name(STAFF_LANGUAGE), entry.getValue())).toList();
        return new SiteView(site.id(), site.name(), site.smsNumber(), site.desks(), site.comeBackWhenAhead(),
                site.noShowGrace().toMinutes(), topics);
    }

    /** A ticket an action returned; its site is read only to name its topic, if it has one. */
    TicketView ticket(Ticket ticket) {
        Optional<Site> site = ticket.topic().isPresent() ? sites.findById(ticket.siteId()) : Optional.empty();
        return ticket(ticket, site, Optional.empty());
    }

    /** A ticket with the search for its interpreter, if there is one. */
    TicketView ticket(Ticket ticket, Optional<Site> site, Optional<InterpreterRequest> interpreter) {
        Language language = catalogue.language(ticket.language()).orElse(catalogue.fallbackLanguage());
        return new TicketView(ticket.number(), ticket.code(), ticket.status().name(), language.code(), language.name(),
                language.rightToLeft(), ticket.topic().orElse(null),
                ticket.topic().flatMap(word -> site.flatMap(s -> s.topic(word))).map(topic -> topic.name(STAFF_LANGUAGE)).orElse(null),
                ticket.needsInterpreter(),
                ticket.joinedAt().toString(), text(ticket.calledAt().orElse(null)),
                text(ticket.finishedAt().orElse(null)), ticket.desk().orElse(null),
                ticket.walkInName().orElse(null),
                ticket.phoneCipher().map(this::maskedPhone).orElse(null),
                interpreter.map(this::interpreter).orElse(null), ticket.unreachableBySms());
    }

    InterpreterView interpreter(InterpreterRequest request) {
        List<AskedView> asked = request.offers().stream()
                .map(offer -> new AskedView(offer.name(), offer.state().name(), offer.wave())).toList();
        PersonView confirmed = request.confirmedBy().map(id -> {
            Optional<Interpreter> found = interpreters.find(id);
            String name = request.offers().stream().filter(o -> o.interpreterId().equals(id)).map(o -> o.name())
                    .findFirst().orElse(found.map(Interpreter::name).orElse(""));
            return new PersonView(id, name, found.map(i -> maskedPhone(i.phoneCipher())).orElse(null));
        }).orElse(null);
        return new InterpreterView(request.status().name(), request.wave(), asked, confirmed, request.ready(),
                request.readyToCall(), request.expectedAt().toString());
    }

    InterpreterEntry interpreterEntry(Interpreter interpreter) {
        Map<String, String> availability = new LinkedHashMap<>();
        interpreter.availability().periods().forEach((day, periods) -> availability.put(day.name().substring(0, 3),
                periods.stream().map(p -> TIME.format(p.start()) + "-"
                        + (p.end().equals(LocalTime.MAX) ? "24:00" : TIME.format(p.end())))
                        .collect(Collectors.joining(","))));
        String today = interpreter.today().map(t -> t.date() + (t.available()
                ? " in" + t.window().map(w -> " " + TIME.format(w.from()) + "-" + TIME.format(w.to())).orElse("")
                : " out")).orElse(null);
        return new InterpreterEntry(interpreter.id(), interpreter.name(),
                maskedPhone(interpreter.phoneCipher()), interpreter.language(),
                interpreter.languages().stream().sorted().toList(), interpreter.siteIds().stream().sorted().toList(),
                availability, interpreter.active(), today);
    }

    DeskView desk(Desk desk) {
        return new DeskView(desk.label(), desk.open(), desk.changedBy(), desk.changedAt().toString());
    }

    /**
     * The number as staff see it; one that cannot be opened (damaged, or sealed with a key no longer configured)
     * is shown as unavailable rather than failing the whole page it is on.
     */
    private String maskedPhone(String cipher) {
        try {
            return PhoneMask.mask(phones.decrypt(cipher));
        } catch (UnreadablePhoneException e) {
            LOG.warn("A stored phone number cannot be opened and is shown as unavailable: {}", e.getMessage());
            return PhoneMask.UNAVAILABLE;
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
