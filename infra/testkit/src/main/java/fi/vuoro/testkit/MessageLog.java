package fi.vuoro.testkit;

import fi.vuoro.testkit.FakeTwilioApi.RecordedMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Every message the fake Twilio accepted, in order, with the details its JSON answers need. */
final class MessageLog {

    /** A logged message; {@code accountSid} is null for replies recorded outside the REST API. */
    record Entry(RecordedMessage message, String accountSid, String fromNumber, String messagingServiceSid,
                 String direction) {}

    private final List<Entry> entries = new ArrayList<>();
    private final Clock clock = Clock.systemUTC();

    synchronized Entry add(String accountSid, String to, String from, String messagingServiceSid, String body,
                           String statusCallback, String direction) {
        // Twilio's timestamps have whole-second precision.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String sender = from != null ? from : messagingServiceSid;
        RecordedMessage message = new RecordedMessage(newSid(), to, sender, body, now, statusCallback);
        Entry entry = new Entry(message, accountSid, from, messagingServiceSid, direction);
        entries.add(entry);
        return entry;
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }

    private static String newSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }
}
