package fi.vuoro.staff;

import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.queue.Desk;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.staff.StaffViews.DeskView;
import fi.vuoro.staff.StaffViews.SiteView;
import fi.vuoro.staff.StaffViews.TicketView;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Domain objects to the JSON views: language names for staff, phone numbers masked. */
@Singleton
final class StaffViewMapper {

    private final MessageCatalogue catalogue;
    private final PhoneProtector phones;

    StaffViewMapper(MessageCatalogue catalogue, PhoneProtector phones) {
        this.catalogue = catalogue;
        this.phones = phones;
    }

    SiteView site(Site site) {
        return new SiteView(site.id(), site.name(), site.smsNumber(), site.desks(), site.comeBackWhenAhead(),
                site.noShowGrace().toMinutes(), site.topics().stream().sorted().toList());
    }

    TicketView ticket(Ticket ticket) {
        Language language = catalogue.language(ticket.language()).orElse(catalogue.fallbackLanguage());
        return new TicketView(ticket.number(), ticket.code(), ticket.status().name(), language.code(), language.name(),
                language.rightToLeft(), ticket.topic().orElse(null), ticket.needsInterpreter(),
                ticket.joinedAt().toString(), text(ticket.calledAt().orElse(null)),
                text(ticket.finishedAt().orElse(null)), ticket.desk().orElse(null),
                ticket.walkInName().orElse(null),
                ticket.phoneCipher().map(cipher -> PhoneMask.mask(phones.decrypt(cipher))).orElse(null));
    }

    DeskView desk(Desk desk) {
        return new DeskView(desk.label(), desk.open(), desk.changedBy(), desk.changedAt().toString());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
