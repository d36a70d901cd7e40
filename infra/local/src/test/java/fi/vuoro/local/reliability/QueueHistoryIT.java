package fi.vuoro.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.testing.FigureLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The queue's promises under concurrent use of two sites by visitors, desks, interpreters and the jobs, checked on
 * the recorded history. A modest run by default; {@code -Dvuoro.soak=true} runs thousands of operations.
 */
class QueueHistoryIT extends HistoryRun {

    static long seed() {
        String given = System.getProperty("vuoro.history.seed");
        return given == null || given.isBlank() ? System.currentTimeMillis() : Long.parseLong(given.trim());
    }

    static boolean soak() {
        return Boolean.getBoolean("vuoro.soak");
    }

    @BeforeAll
    protected static void startService() {
        startLoadedService(QUICK_OUTBOX, http -> http);
    }

    @Test
    void concurrentHistory_shouldKeepEveryPromise() throws Exception {
        long seed = seed();
        int operations = soak() ? 5000 : 400;
        System.out.println("[reliability] history seed=" + seed + " (repeat with -Dvuoro.history.seed=" + seed + ")");

        RunResult result = run(seed, operations, soak() ? 10 : 6);

        HistoryChecks.Verdict verdict = result.verdict();
        FigureLine.publish("history seed=" + seed + " operations=" + result.history().size() + " by kind "
                + byKind(result.history()) + ", sites=" + sitesOf(result.history()).size() + " visitors="
                + result.visitors() + " sms-owed=" + result.smsOwed() + " positions-checked="
                + verdict.positionsChecked() + ", lost=" + verdict.lost().size() + ", doubled="
                + verdict.doubled().size() + ", wrong positions=" + verdict.wrongPositions().size()
                + ", two winners=" + verdict.winners().size() + ", your-turn-not-owed="
                + verdict.yourTurnsMissing().size());
        if (!verdict.yourTurnsMissing().isEmpty()) {
            System.out.println("[reliability] history your-turn-not-owed (under investigation): "
                    + verdict.yourTurnsMissing());
        }
        assertTrue(verdict.all().isEmpty(), "broken promises (seed " + seed + "):\n"
                + String.join("\n", verdict.all()));
        assertEquals(0, verdict.unexplained(), "without faults every change of a ticket was answered");
        assertTrue(verdict.positionsChecked() > operations / 10, "too few positions told to prove anything");
    }
}
