package fi.vuoro.local;

import fi.vuoro.testkit.FormEncoding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.testkit.TwilioWebhookClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook trusts only Twilio, answers bad input clearly, and never acts twice on one message. */
class WebhookSecurityIT extends RunningService {

    @Test
    void missingSignature_shouldBeRefusedWith403_andWriteNothing() {
        String phone = newPhone();
        Map<String, String> params = inbound(phone, DemoSite.NUMBER, "JONO");
        TwilioWebhookClient.WebhookResponse response = twilio.postUnsigned(webhook(), params);
        assertEquals(403, response.status());
        assertNothingWritten(phone, params);
    }

    @Test
    void tamperedSignature_shouldBeRefusedWith403_andWriteNothing() {
        String phone = newPhone();
        Map<String, String> params = inbound(phone, DemoSite.NUMBER, "JONO");
        TwilioWebhookClient.WebhookResponse response =
                twilio.postWithTamperedSignature(webhook(), webhook().toString(), params);
        assertEquals(403, response.status());
        assertNothingWritten(phone, params);
    }

    @Test
    void signatureForAnotherUrl_orWithAnotherToken_shouldBeRefused() {
        String phone = newPhone();
        Map<String, String> params = inbound(phone, DemoSite.NUMBER, "JONO");
        assertEquals(403, twilio.post(webhook(), "https://elsewhere.example/sms/inbound", params).status());
        assertEquals(403, new TwilioWebhookClient("another-token").post(webhook(), webhook().toString(), params).status());
        assertNothingWritten(phone, params);
    }

    @Test
    void signedBodyChangedInTransit_shouldBeRefused() {
        String phone = newPhone();
        Map<String, String> signed = inbound(phone, DemoSite.NUMBER, "JONO");
        String signature = new fi.vuoro.testkit.TwilioWebhookSigner(TOKEN).sign(webhook().toString(), signed);
        Map<String, String> changed = new java.util.LinkedHashMap<>(signed);
        changed.put("Body", "POISTA");
        assertEquals(403, postSigned(changed, signature));
        assertNothingWritten(phone, signed);
    }

    @Test
    void retriedMessageSid_shouldGetTheSameReply_andChangeNothing() {
        String phone = newPhone();
        Map<String, String> params = inbound(phone, DemoSite.NUMBER, "JONO");
        Reply first = deliver(params);
        Reply retried = deliver(params);
        assertEquals(first.body(), retried.body());
        long tickets = itemsOfPhone(phone).stream().filter(i -> i.get("SK").s().startsWith("TICKET#")).count();
        assertEquals(1, tickets);

        Map<String, String> leave = inbound(phone, DemoSite.NUMBER, "POIS");
        deliver(leave);
        Reply leaveAgain = deliver(leave);
        assertTrue(leaveAgain.text().contains(first.ticketCode()), "the retry repeats the first answer: " + leaveAgain.text());
    }

    @Test
    void missingFrom_shouldGet400WithAMessage() {
        Map<String, String> params = inbound(null, DemoSite.NUMBER, "JONO");
        Reply reply = deliver(params);
        assertEquals(400, reply.status());
        assertTrue(reply.body().contains("From"), reply.body());
        assertFalse(replyStored(params.get("MessageSid")));
    }

    @Test
    void emptyBody_shouldGetTheLanguageMenu() {
        Reply reply = text(newPhone(), "");
        assertEquals(200, reply.status());
        assertTrue(reply.text().contains("Suomi"), reply.text());
    }

    @Test
    void missingBody_withMedia_shouldGetTheLanguageMenu() {
        Map<String, String> params = inbound(newPhone(), DemoSite.NUMBER, null);
        params.put("NumMedia", "1");
        Reply reply = deliver(params);
        assertEquals(200, reply.status());
        assertFalse(reply.text().isBlank());
    }

    @Test
    void aTwoThousandCharacterMessage_shouldGetAShortAnswer() {
        Reply reply = text(newPhone(), "x".repeat(1000) + " " + "ä".repeat(999));
        assertEquals(200, reply.status());
        assertTrue(reply.text().length() < 320, reply.text());
    }

    @Test
    void emojiAndMixedScripts_shouldBeUnderstoodOrAnsweredWithHelp() {
        assertTrue(text(newPhone(), "JONO 🙂🙂").ticketCode().startsWith("A"));
        Reply mixed = text(newPhone(), "привет مرحبا hello 你好 🙂");
        assertEquals(200, mixed.status());
        assertFalse(mixed.text().isBlank());
    }

    private static int postSigned(Map<String, String> params, String signature) {
        String form = FormEncoding.encode(params);
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(webhook())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Twilio-Signature", signature)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertNothingWritten(String phone, Map<String, String> params) {
        assertTrue(itemsOfPhone(phone).isEmpty(), "nothing is stored about the sender");
        assertFalse(replyStored(params.get("MessageSid")), "no reply is recorded");
    }
}
