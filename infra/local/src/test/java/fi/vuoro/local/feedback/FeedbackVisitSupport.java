package fi.vuoro.local.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.feedback.FeedbackTokens;
import fi.vuoro.local.staff.StaffApiSupport;
import fi.vuoro.testkit.FakeTwilioApi;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A visit served by the real path (an SMS to the demo site, a call and "served" through the staff API), for its link. */
public abstract class FeedbackVisitSupport extends StaffApiSupport {

    private static final Pattern LINK = Pattern.compile(
            "http://localhost:[0-9]+/f/[A-Za-z0-9_-]{" + FeedbackTokens.LENGTH + "}");

    /**
     * A new visitor texts {@code join}, is called to desk 1 and served at once (their "your turn" SMS may still be
     * owed, and is then dropped); returns the single link of the feedback SMS
     * they get afterwards. The link's token joins the suite's personal data, which no log line may carry.
     */
    protected static String servedVisitorsLink(String join) throws IOException, InterruptedException {
        String phone = newPhone();
        int number = Integer.parseInt(text(phone, join).ticketCode().substring(1));
        assertEquals(200, post("/staff/api/sites/demo/tickets/" + number + "/call", token("anna"), "{\"desk\":\"1\"}")
                .statusCode());
        assertEquals(200, post("/staff/api/sites/demo/tickets/" + number + "/served", token("anna"), "").statusCode());
        FakeTwilioApi.RecordedMessage sms = awaitSms(phone, message -> LINK.matcher(message.body()).find());
        Matcher link = LINK.matcher(sms.body());
        assertTrue(link.find());
        String found = link.group();
        assertFalse(link.find(), "one link in the SMS: " + sms.body());
        assertTrue(found.startsWith(runtime.baseUrl() + "/f/"), found);
        assertEquals(1, sentTo(phone).stream().filter(m -> LINK.matcher(m.body()).find()).count(),
                "one feedback SMS per visit");
        personalData.add(found.substring(found.lastIndexOf('/') + 1));
        return found;
    }
}
