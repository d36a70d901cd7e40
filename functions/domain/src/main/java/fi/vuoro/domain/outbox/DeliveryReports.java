package fi.vuoro.domain.outbox;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what the provider reports about a sent message (Twilio's status callbacks). A report only moves a
 * message forward: "delivered" after "sent" counts, a late "sent" after "delivered" changes nothing. A report
 * that arrives before the dispatcher recorded its own send also settles the message, so it is not sent again.
 */
public final class DeliveryReports {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReports.class);

    private final OutboxStore store;
    private final Clock clock;

    public DeliveryReports(OutboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @return true if the message moved to {@code status} */
    public boolean report(String outboxId, OutboxStatus status) {
        if (status.rank() < OutboxStatus.SENT.rank()) {
            throw new IllegalArgumentException("A delivery report is SENT or later, not " + status);
        }
        boolean moved = store.recordDelivery(outboxId, status, clock.instant());
        if (moved) {
            LOG.info("Outbox message {} is {}", outboxId, status);
        } else {
            LOG.debug("Ignored a {} report for outbox message {}: unknown, or already as far", status, outboxId);
        }
        return moved;
    }
}
