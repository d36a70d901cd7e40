package fi.vuoro.domain.outbox;

/** One SMS handed to the gateway, the number decrypted for this moment only. */
public record SmsToSend(String outboxId, String to, String from, String body) {

    @Override
    public String toString() {
        return "SmsToSend[" + outboxId + "]";
    }
}
