package fi.vuoro.domain.sms;

import java.time.Instant;
import java.util.Optional;

/** Reads what every inbound message needs to know about its sender, at once (one round trip in DynamoDB). */
public interface SenderRecordsSource {

    /**
     * The records of the message's sender; the live ticket only at {@code siteId} (none when the number texted
     * belongs to no site).
     */
    SenderRecords read(String messageId, String phoneHash, Optional<String> siteId, Instant now);
}
