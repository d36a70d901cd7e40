package fi.vuoro.domain.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.interpreter.InterpreterRequest.Status;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.site.OpeningHours;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the interpreter stores promise, whatever keeps them: the in-memory stores of the unit tests and the DynamoDB
 * adapter pass it alike.
 */
public abstract class InterpreterStoresContract {

    protected static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    protected static final ServiceDay TODAY = ServiceDay.of(NOW);

    protected InterpreterDirectory directory;
    protected InterpreterRequestStore requests;
    protected String siteId;

    protected abstract InterpreterDirectory directory();

    protected abstract InterpreterRequestStore requests();

    /** Whether an SMS with this id is owed (in the outbox, not yet sent). */
    protected abstract boolean owes(String smsId);

    @BeforeEach
    void fresh() {
        directory = directory();
        requests = requests();
        siteId = "site-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected Interpreter interpreter(String name) {
        String id = UUID.randomUUID().toString().substring(0, 12);
        return new Interpreter(id, name, "hash-" + id, "v1:cipher-" + id, "fi", Set.of("fa", "ar"), Set.of(siteId),
                OpeningHours.always(), Optional.empty(), true, Optional.empty(), Optional.empty(), 0);
    }

    private InterpreterRequest request(int number) {
        TicketRef ticket = new TicketRef(siteId, TODAY, number);
        return new InterpreterRequest(ticket, "A" + number, "fa", Status.OFFERING, 0, List.of(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), NOW.plusSeconds(900), NOW, NOW,
                TODAY.expiresAt(Duration.ofHours(48)), 0);
    }

    private static OutboundSms sms(String id) {
        return new OutboundSms(id, "site", "v1:cipher", "+358500000001", "offer", NOW);
    }

    @Test
    void create_shouldFindTheInterpreterByIdAndByTheirNumbersHash_andRefuseTheSameNumberTwice() {
        Interpreter aziz = interpreter("Aziz");
        directory.create(aziz);

        assertEquals(aziz.name(), directory.find(aziz.id()).orElseThrow().name());
        assertEquals(aziz.id(), directory.findByPhoneHash(aziz.phoneHash()).orElseThrow().id());
        assertTrue(directory.all().stream().anyMatch(i -> i.id().equals(aziz.id())));
        Interpreter sameNumber = new Interpreter("other-" + aziz.id(), "Other", aziz.phoneHash(), "v1:x", "fi",
                Set.of("so"), Set.of(siteId), OpeningHours.always(), Optional.empty(), true, Optional.empty(),
                Optional.empty(), 0);
        assertThrows(InterpreterConflictException.class, () -> directory.create(sameNumber));
    }

    @Test
    void update_shouldWriteOnlyOntoTheVersionItWasDecidedOn() {
        Interpreter mina = interpreter("Mina");
        directory.create(mina);
        Interpreter away = mina.withToday(new AvailabilityToday(TODAY.date(), false, Optional.empty()));

        assertTrue(directory.update(mina, away));
        assertFalse(directory.update(mina, away), "decided on a version that is gone");
        Interpreter stored = directory.find(mina.id()).orElseThrow();
        assertEquals(1, stored.version());
        assertFalse(stored.availableAt(NOW));
    }

    @Test
    void nextOfferCode_shouldCountFromOneToNinetyNine_andRoundAgain() {
        Interpreter hodan = interpreter("Hodan");
        directory.create(hodan);
        for (int expected = 1; expected <= 99; expected++) {
            assertEquals(expected, directory.nextOfferCode(hodan.id()));
        }
        assertEquals(1, directory.nextOfferCode(hodan.id()));
    }

    @Test
    void apply_shouldCreateARequestOnce_andChangeItOnlyOntoItsVersion() {
        InterpreterRequest fresh = request(1);
        RequestChange create = new RequestChange(null, fresh, List.of(), List.of(), List.of(), List.of(), NOW);

        assertTrue(requests.apply(create));
        assertFalse(requests.apply(create), "a ticket has one request");
        InterpreterRequest stored = requests.find(fresh.ticket(), NOW).orElseThrow();
        assertEquals(1, stored.version());

        InterpreterRequest none = stored.with(Status.NONE_FOUND, 1, List.of(), Optional.empty(), Optional.empty(),
                false, Optional.empty(), NOW);
        assertTrue(requests.apply(new RequestChange(stored, none, List.of(), List.of(), List.of(), List.of(), NOW)));
        assertFalse(requests.apply(new RequestChange(stored, none, List.of(), List.of(), List.of(), List.of(), NOW)));
        assertEquals(Status.NONE_FOUND, requests.find(fresh.ticket(), NOW).orElseThrow().status());
        assertEquals(List.of(fresh.ticket()), requests.ofDay(siteId, TODAY, NOW).stream()
                .map(InterpreterRequest::ticket).toList());
        assertTrue(requests.find(fresh.ticket(), TODAY.expiresAt(Duration.ofHours(49))).isEmpty(), "expired");
    }

    @Test
    void apply_shouldIndexOpenedOffersUnderTheirInterpreter_markThemClosedOrAssigned_andOweTheSms() {
        Interpreter aziz = interpreter("Aziz");
        Interpreter mina = interpreter("Mina");
        directory.create(aziz);
        directory.create(mina);
        InterpreterRequest fresh = request(2);
        Offer toAziz = new Offer(aziz.id(), aziz.name(), 7, 1, Offer.State.OPEN, NOW);
        Offer toMina = new Offer(mina.id(), mina.name(), 3, 1, Offer.State.OPEN, NOW);
        InterpreterRequest asked = fresh.with(Status.OFFERING, 1, List.of(toAziz, toMina), Optional.empty(),
                Optional.empty(), false, Optional.empty(), NOW.plusSeconds(120));
        String smsId = "i." + aziz.id() + ".offer-test";

        assertTrue(requests.apply(new RequestChange(null, asked, List.of(sms(smsId)), List.of(toAziz, toMina),
                List.of(), List.of(), NOW)));

        assertTrue(owes(smsId));
        assertEquals(List.of(new HeldOffer(aziz.id(), fresh.ticket(), 7, HeldOffer.Hold.OPEN)),
                requests.offersOf(aziz.id(), NOW));
        assertEquals(Optional.of(NOW), directory.find(aziz.id()).orElseThrow().lastOfferedAt(), "their turn moved");

        InterpreterRequest stored = requests.find(fresh.ticket(), NOW).orElseThrow();
        InterpreterRequest confirmed = stored.with(Status.CONFIRMED, 1, List.of(toAziz.in(Offer.State.ACCEPTED),
                toMina.in(Offer.State.TAKEN)), Optional.of(aziz.id()), Optional.of(NOW), false, Optional.empty(),
                stored.nextWaveAt());
        assertTrue(requests.apply(new RequestChange(stored, confirmed, List.of(), List.of(), List.of(toAziz, toMina),
                List.of(aziz.id()), NOW.plusSeconds(30))));

        assertEquals(HeldOffer.Hold.ASSIGNED, requests.offersOf(aziz.id(), NOW).get(0).hold());
        assertEquals(HeldOffer.Hold.CLOSED, requests.offersOf(mina.id(), NOW).get(0).hold());
        assertEquals(Optional.of(NOW.plusSeconds(30)), directory.find(aziz.id()).orElseThrow().lastAssignedAt());
    }

    @Test
    void remove_shouldForgetTheInterpreter_theirNumber_andTheOffersTheyHeld() {
        Interpreter aziz = interpreter("Aziz");
        directory.create(aziz);
        InterpreterRequest fresh = request(3);
        Offer offer = new Offer(aziz.id(), aziz.name(), 1, 1, Offer.State.OPEN, NOW);
        requests.apply(new RequestChange(null, fresh.with(Status.OFFERING, 1, List.of(offer), Optional.empty(),
                Optional.empty(), false, Optional.empty(), NOW), List.of(), List.of(offer), List.of(), List.of(), NOW));

        directory.remove(aziz.id());

        assertTrue(directory.find(aziz.id()).isEmpty());
        assertTrue(directory.findByPhoneHash(aziz.phoneHash()).isEmpty());
        assertTrue(requests.offersOf(aziz.id(), NOW).isEmpty());
    }
}
