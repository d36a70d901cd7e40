package fi.vuoro.domain.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.testing.QueueWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A sender's reply budget: a looping auto-responder is silenced, a visitor using the service as meant never is. */
class ReplyBudgetTest {

    private static final Instant MORNING = Instant.parse("2026-11-24T08:05:00Z");
    private static final Site SITE = new Site("budget", "Budget", "+358500000009", OpeningHours.always(),
            Set.of("fi", "en"), Duration.ofMinutes(15), 2, 'A', Set.of());
    private static final String LOOPER = "+358401700001";

    private final QueueWorld world = new QueueWorld(MORNING).site(SITE).start();

    @Test
    void verdict_shouldAnswerWithinTheBudget_silenceOnceAtIt_andStaySilentPastIt() {
        ReplyBudget budget = new ReplyBudget(3);
        assertEquals(ReplyBudget.Verdict.ANSWER, budget.verdict(0));
        assertEquals(ReplyBudget.Verdict.ANSWER, budget.verdict(2));
        assertEquals(ReplyBudget.Verdict.SILENCE_NOW, budget.verdict(3));
        assertEquals(ReplyBudget.Verdict.SILENT, budget.verdict(4));
        assertThrows(IllegalArgumentException.class, () -> new ReplyBudget(0));
    }

    @Test
    void windowOf_shouldBeTheClockHour() {
        assertEquals(Instant.parse("2026-11-24T08:00:00Z"), ReplyBudget.windowOf(MORNING));
        assertEquals(Instant.parse("2026-11-24T09:00:00Z"), ReplyBudget.windowEnd(MORNING));
    }

    @Test
    void handle_shouldSilenceAnAutoResponder_afterItsBudgetOfReplies_untilTheHourEnds() {
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < ReplyBudget.DEFAULT.perHour() + 5; i++) {
            replies.add(world.text(LOOPER, SITE, "I am away until Monday. Your message is important to me."));
            world.clock.advance(Duration.ofSeconds(5));
        }

        long answered = replies.stream().filter(reply -> !reply.isEmpty()).count();
        assertEquals(ReplyBudget.DEFAULT.perHour(), answered, "answered until the budget is spent: " + replies);
        assertTrue(replies.subList(ReplyBudget.DEFAULT.perHour(), replies.size()).stream()
                .allMatch(InboundSmsRouter.NO_REPLY::equals), "then silent");

        world.clock.advance(Duration.ofHours(1));
        assertFalse(world.text(LOOPER, SITE, "I am away until Monday.").isEmpty(), "a new hour, a new budget");
    }

    @Test
    void handle_shouldNeverSilenceAVisitor_usingTheServiceAsMeant_withAFewMistakes() {
        String visitor = "+358401700002";
        List<String> turns = List.of("hello?", "JONO", "STATUS", "STATUS", "HELP", "LANG EN", "what?", "STATUS",
                "JOIN", "STATUS", "asdf", "STATUS", "HELP", "STATUS", "ok thanks", "STATUS", "STATUS", "STATUS",
                "STATUS", "STATUS", "LANG FI", "STATUS", "STATUS");
        for (String body : turns) {
            assertFalse(world.text(visitor, SITE, body).isEmpty(), "answered: " + body);
            world.clock.advance(Duration.ofMinutes(2));
        }
    }

    @Test
    void handle_shouldStillCarryOutACommand_ofASilencedSender_withoutAnswering() {
        for (int i = 0; i < ReplyBudget.DEFAULT.perHour(); i++) {
            world.text(LOOPER, SITE, "auto reply " + i);
        }

        assertEquals(InboundSmsRouter.NO_REPLY, world.text(LOOPER, SITE, "JOIN"));

        TicketRef first = new TicketRef(SITE.id(), ServiceDay.of(MORNING), 1);
        assertEquals(TicketStatus.WAITING, world.queue.find(first, MORNING).orElseThrow().status(),
                "the join still joined; only the reply was held back");
    }

    @Test
    void handle_shouldCountTheFirstSilencedMessage_andNoLaterOne() {
        String hash = world.phones.hash(LOOPER);
        for (int i = 0; i < ReplyBudget.DEFAULT.perHour() + 3; i++) {
            world.text(LOOPER, SITE, "auto reply " + i);
        }
        assertEquals(ReplyBudget.DEFAULT.perHour() + 1,
                world.replyCounter.counted(hash, ReplyBudget.windowOf(MORNING), MORNING),
                "the message that met the spent budget is counted, so it alone is logged; later ones write nothing");
    }

    @Test
    void handle_shouldWriteNoCount_afterAnErasure_evenWhenItMeetsTheSpentBudget() {
        String hash = world.phones.hash(LOOPER);
        for (int i = 0; i < ReplyBudget.DEFAULT.perHour(); i++) {
            world.text(LOOPER, SITE, "auto reply " + i);
        }

        assertEquals(InboundSmsRouter.NO_REPLY, world.text(LOOPER, SITE, "ERASE"));

        assertEquals(ReplyBudget.DEFAULT.perHour(),
                world.replyCounter.counted(hash, ReplyBudget.windowOf(MORNING), MORNING),
                "nothing derived from the number is written after it asked to be erased");
    }

    @Test
    void fingerprint_shouldBeAShortPrefixOfTheKeyedHash_neverTheNumber() {
        String fingerprint = InboundSmsRouter.fingerprint("Zq3vK9dL0pXw_7TnR2sYbQm1");
        assertEquals("Zq3vK9dL0p", fingerprint);
    }

    @Test
    void reply_shouldCountChangesAndTextThatWasNoCommand_butNotAJoinOrAQuestion() {
        assertTrue(Reply.toRemember("left").counted());
        assertTrue(Reply.notUnderstood("help").counted());
        assertFalse(Reply.remembered("ticket A1").counted());
        assertFalse(Reply.readOnly("3 ahead").counted());
        assertFalse(Reply.afterErasure("erased").counted());
    }
}
