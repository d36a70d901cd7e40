package fi.vuoro.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.testing.FigureLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * After the whole suite: no table item and no log line holds a phone number in clear. It runs last (the class order
 * is by {@code @Order}); every DynamoDB Local the suite ran was read right before it stopped
 * ({@link PersonalDataScan}), so this test adds a broad day of its own, reads its tables while they are live, and
 * then fails the build on anything found in any of them or in the suite's log lines.
 */
@Order(Integer.MAX_VALUE)
class PersonalDataScanIT extends VisitLife {

    @BeforeAll
    static void scanEvenWhenRunAlone() {
        PersonalDataScan.start();
    }

    @Test
    void noTableItemAndNoLogLine_shouldHoldAPhoneNumberInClear_afterTheWholeSuite() throws Exception {
        List<String> sids = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        servedWithAnInterpreter(newPhone(), sids, replies);
        String leaving = newPhone();
        say(leaving, "JONO", sids, replies);
        say(leaving, "LANG AR", sids, replies);
        say(leaving, "LEAVE", sids, replies);
        String missing = newPhone();
        int number = number(say(missing, "JOIN", sids, replies).ticketCode());
        ok(post("/staff/api/sites/demo/tickets/" + number + "/call", token("anna"), "{\"desk\":\"3\"}").statusCode());
        ok(post("/staff/api/sites/demo/tickets/" + number + "/no-show", token("anna"), "").statusCode());
        String erasing = newPhone();
        say(erasing, "JOIN", sids, replies);
        say(erasing, "POISTA", sids, replies);
        say(newPhone(), "JOIN", sids, replies);
        awaitOutboxIdle();

        List<String> inTables = PersonalDataScan.scanTables(dynamo());
        List<String> inLogs = PersonalDataScan.scanSuiteLogs();

        FigureLine.publish(PersonalDataScan.figures());
        assertTrue(PersonalDataScan.itemsScanned() > 0 && PersonalDataScan.logLinesScanned() > 0,
                "nothing was read: the check would prove nothing");
        assertEquals(List.of(), inTables, "items with a phone number in clear");
        assertEquals(List.of(), inLogs, "log lines with a phone number");
        assertEquals(List.of(), PersonalDataScan.findings(), "phone numbers in clear, anywhere in the suite");
    }
}
