package fi.vuoro.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.outbox.ClaimedSms;
import fi.vuoro.domain.outbox.DeliveryReports;
import fi.vuoro.domain.outbox.DueSms;
import fi.vuoro.domain.outbox.OutboxStatus;
import fi.vuoro.domain.outbox.OutboxStore;
import fi.vuoro.domain.outbox.SendSlot;
import fi.vuoro.platform.http.WebhookNotSignedException;
import fi.vuoro.platform.twilio.TwilioWebhookVerifier;
import fi.vuoro.testkit.TwilioWebhookSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwilioStatusCallbackControllerTest {

    private static final String TOKEN = "status-callback-test-token";
    private static final String BASE_URL = "https://a1b2c3.execute-api.eu-north-1.amazonaws.com";
    private static final String ID = "demo.2026-11-24.7.called-1764000000000";

    /** Remembers the reports it was given; knows only the message {@link #ID}, already SENT. */
    private static final class RecordingStore implements OutboxStore {
        final List<OutboxStatus> recorded = new ArrayList<>();
        OutboxStatus current = OutboxStatus.SENT;

        @Override
        public boolean recordDelivery(String id, OutboxStatus status, Instant now) {
            if (!ID.equals(id) || status.rank() <= current.rank()) {
                return false;
            }
            current = status;
            recorded.add(status);
            return true;
        }

        @Override
        public List<DueSms> due(Instant now, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Instant> nextDueAt() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ClaimedSms> claim(String id, Instant now, Instant leaseUntil) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release(ClaimedSms claim, Instant dueAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SendSlot takeSendSlot(String from, Instant now, Duration interval,
                                     fi.vuoro.domain.outbox.SiteSendCap.Allowance allowance) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markSent(ClaimedSms claim, String providerId, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void retryLater(ClaimedSms claim, Instant nextAttemptAt, String reason, Optional<Instant> unsureSince) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markFailed(ClaimedSms claim, String reason, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markDropped(ClaimedSms claim, String reason, Instant now) {
            throw new UnsupportedOperationException();
        }
    }

    private final RecordingStore store = new RecordingStore();
    private final TwilioStatusCallbackController controller = new TwilioStatusCallbackController(
            new TwilioWebhookVerifier(TOKEN, BASE_URL), new DeliveryReports(store, Clock.systemUTC()));
    private final TwilioWebhookSigner signer = new TwilioWebhookSigner(TOKEN);

    private static Map<String, String> report(String status) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", "AC00000000000000000000000000000001");
        form.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
        form.put("MessageStatus", status);
        form.put("SmsStatus", status);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    private String signed(String outbox, Map<String, String> form) {
        return signer.sign(BASE_URL + "/sms/status?outbox=" + outbox, form);
    }

    @Test
    void status_shouldMoveTheMessageToDelivered_whenSignedForItsCallbackUrl() {
        Map<String, String> form = report("delivered");

        assertEquals(200, controller.status(ID, form, signed(ID, form)).code());

        assertEquals(List.of(OutboxStatus.DELIVERED), store.recorded);
    }

    @Test
    void status_shouldVerifyThePostedParametersOnly_whenTheQueryArrivesAmongThemAsBehindApiGateway() {
        Map<String, String> form = report("delivered");
        String signature = signed(ID, form);
        Map<String, String> withQuery = new LinkedHashMap<>(form);
        withQuery.put("outbox", ID);

        assertEquals(200, controller.status(ID, withQuery, signature).code());

        assertEquals(List.of(OutboxStatus.DELIVERED), store.recorded);
    }

    @Test
    void status_shouldNotMoveADeliveredMessageBack_whenALateSentReportArrives() {
        Map<String, String> delivered = report("delivered");
        controller.status(ID, delivered, signed(ID, delivered));
        Map<String, String> sent = report("sent");

        assertEquals(200, controller.status(ID, sent, signed(ID, sent)).code());

        assertEquals(OutboxStatus.DELIVERED, store.current);
    }

    @Test
    void status_shouldRefuseAnUnsignedReport_beforeWritingAnything() {
        Map<String, String> form = report("delivered");

        assertThrows(WebhookNotSignedException.class, () -> controller.status(ID, form, null));
        assertThrows(WebhookNotSignedException.class, () -> controller.status(ID, form, "bm90IGEgc2lnbmF0dXJl"));

        assertTrue(store.recorded.isEmpty());
    }

    @Test
    void status_shouldRefuseASignatureMadeForAnotherMessagesUrl() {
        Map<String, String> form = report("failed");

        assertThrows(WebhookNotSignedException.class,
                () -> controller.status(ID, form, signed("demo.2026-11-24.8.called-1", form)));

        assertTrue(store.recorded.isEmpty());
    }

    @Test
    void status_shouldAnswer200AndChangeNothing_forAnUnknownMessageOrStatus() {
        Map<String, String> delivered = report("delivered");
        assertEquals(200, controller.status("unknown", delivered, signed("unknown", delivered)).code());
        Map<String, String> received = report("received");
        assertEquals(200, controller.status(ID, received, signed(ID, received)).code());

        assertTrue(store.recorded.isEmpty());
    }
}
