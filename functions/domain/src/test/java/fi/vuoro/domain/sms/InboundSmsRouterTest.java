package fi.vuoro.domain.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.visitor.PhoneProtector;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboundSmsRouterTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();

    /** Remembers replies in memory. */
    private static final class MemoryReplyLog implements ReplyLog {
        final Map<String, String> replies = new HashMap<>();

        @Override
        public Optional<String> find(String messageId, Instant now) {
            return Optional.ofNullable(replies.get(messageId));
        }

        @Override
        public String saveIfAbsent(String messageId, String reply, Instant expiresAt) {
            return replies.computeIfAbsent(messageId, unused -> reply);
        }
    }

    /** A port whose every call fails, as a store does when DynamoDB cannot be reached. */
    @SuppressWarnings("unchecked")
    private static <T> T unreachable(Class<T> port) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            throw new IllegalStateException("store unreachable");
        });
    }

    private static InboundSmsRouter service(SiteDirectory sites, ReplyLog replies) {
        return new InboundSmsRouter(sites, replies, unreachable(PhoneProtector.class), List.of(),
                unreachable(Conversation.class), CATALOGUE,
                Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void handle_shouldAskToTryAgain_andRememberNothing_whenStorageFails() {
        MemoryReplyLog replies = new MemoryReplyLog();
        String reply = service(unreachable(SiteDirectory.class), replies)
                .handle(new InboundSms("SM1", "+358401234567", "+358500000001", "JONO"));
        assertEquals(CATALOGUE.render(CATALOGUE.fallbackLanguage(), MessageKey.TRY_AGAIN, Map.of()), reply);
        assertTrue(replies.replies.isEmpty(), "a redelivery must be handled afresh");
    }

    @Test
    void handle_shouldRepeatTheStoredReply_forARedeliveredMessage_withoutTouchingAnythingElse() {
        MemoryReplyLog replies = new MemoryReplyLog();
        replies.saveIfAbsent("SM2", "the first answer", Instant.MAX);
        String reply = service(unreachable(SiteDirectory.class), replies)
                .handle(new InboundSms("SM2", "+358401234567", "+358500000001", "JONO"));
        assertEquals("the first answer", reply);
    }

    @Test
    void handle_shouldAskToTryAgain_whenEvenTheReplyLogCannotBeRead() {
        String reply = service(unreachable(SiteDirectory.class), unreachable(ReplyLog.class))
                .handle(new InboundSms("SM5", "+358401234567", "+358500000001", "JONO"));
        assertEquals(CATALOGUE.render(CATALOGUE.fallbackLanguage(), MessageKey.TRY_AGAIN, Map.of()), reply);
    }

    @Test
    void handle_shouldStillAnswer_whenTheReplyCannotBeRemembered() {
        ReplyLog forgetful = new ReplyLog() {
            @Override
            public Optional<String> find(String messageId, Instant now) {
                return Optional.empty();
            }

            @Override
            public String saveIfAbsent(String messageId, String reply, Instant expiresAt) {
                throw new IllegalStateException("store unreachable");
            }
        };
        String reply = service(noSites(), forgetful)
                .handle(new InboundSms("SM6", "+358401234567", "+358500009999", "JOIN"));
        assertEquals(CATALOGUE.render(CATALOGUE.fallbackLanguage(), MessageKey.NUMBER_NOT_IN_USE, Map.of()), reply);
    }

    @Test
    void handle_shouldTellTheSender_whenTheNumberBelongsToNoSite() {
        String reply = service(noSites(), new MemoryReplyLog())
                .handle(new InboundSms("SM3", "+358401234567", "+358500009999", "JOIN"));
        assertEquals(CATALOGUE.render(CATALOGUE.fallbackLanguage(), MessageKey.NUMBER_NOT_IN_USE, Map.of()), reply);
    }

    private static SiteDirectory noSites() {
        return new SiteDirectory() {
            @Override
            public Optional<fi.vuoro.domain.site.Site> findByNumber(String e164Number) {
                return Optional.empty();
            }

            @Override
            public Optional<fi.vuoro.domain.site.Site> findById(String siteId) {
                return Optional.empty();
            }

            @Override
            public java.util.List<fi.vuoro.domain.site.Site> all() {
                return java.util.List.of();
            }
        };
    }

    @Test
    void inboundSms_shouldRequireSenderRecipientAndMessageId_butNotABody() {
        assertThrows(InvalidSmsException.class, () -> new InboundSms("SM4", null, "+358500000001", "JONO"));
        assertThrows(InvalidSmsException.class, () -> new InboundSms("SM4", "+358401234567", " ", "JONO"));
        assertThrows(InvalidSmsException.class, () -> new InboundSms(null, "+358401234567", "+358500000001", "JONO"));
        assertEquals("", new InboundSms("SM4", "+358401234567", "+358500000001", null).body());
        assertTrue(!new InboundSms("SM4", "+358401234567", "+358500000001", "x").toString().contains("358401234567"),
                "the sender's number never reaches a log through toString");
    }
}
