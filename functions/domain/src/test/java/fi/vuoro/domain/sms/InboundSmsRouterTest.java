package fi.vuoro.domain.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.visitor.PhoneProtector;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InboundSmsRouterTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();

    /** Remembers replies in memory. */
    private static final class MemoryReplyLog implements ReplyLog {
        final Map<String, String> replies = new HashMap<>();

        @Override
        public Optional<String> find(String phoneHash, String messageId, Instant now) {
            return Optional.ofNullable(replies.get(messageId));
        }

        @Override
        public String saveIfAbsent(String phoneHash, String messageId, String reply, Instant expiresAt) {
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

    private static final Site SITE = new Site("router", "Router Site", "+358500000001", OpeningHours.always(),
            Set.of("fi"), Duration.ofMinutes(15), 1, 'A', Set.of());

    /** Numbers hashed in the clear: enough to find the sender's records. */
    private static final PhoneProtector PHONES = new PhoneProtector() {
        @Override
        public String hash(String e164Number) {
            return "hash:" + e164Number;
        }

        @Override
        public String encrypt(String e164Number) {
            throw new IllegalStateException("nothing is encrypted here");
        }

        @Override
        public String decrypt(String cipherText) {
            throw new IllegalStateException("nothing is decrypted here");
        }
    };

    private static InboundSmsRouter service(SiteDirectory sites, ReplyLog replies) {
        return service(sites, replies, unreachable(Conversation.class));
    }

    private static InboundSmsRouter service(SiteDirectory sites, ReplyLog replies, Conversation visitors) {
        SenderRecordsSource records = (messageId, phoneHash, siteId, now) -> new SenderRecords(
                replies.find(phoneHash, messageId, now), Optional.empty(), Optional.empty(), Optional.empty());
        return new InboundSmsRouter(sites, records, replies, PHONES, List.of(), visitors, CATALOGUE,
                ReplyBudget.DEFAULT, (phoneHash, window, expiresAt) -> { }, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
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
    void handle_shouldRepeatTheStoredReply_forARedeliveredMessage_withoutTouchingTheConversation() {
        MemoryReplyLog replies = new MemoryReplyLog();
        replies.saveIfAbsent(PHONES.hash("+358401234567"), "SM2", "the first answer", Instant.MAX);
        String reply = service(sites(SITE), replies)
                .handle(new InboundSms("SM2", "+358401234567", "+358500000001", "JONO"));
        assertEquals("the first answer", reply);
    }

    @Test
    void handle_shouldAskToTryAgain_whenEvenTheReplyLogCannotBeRead() {
        String reply = service(sites(SITE), unreachable(ReplyLog.class))
                .handle(new InboundSms("SM5", "+358401234567", "+358500000001", "JONO"));
        assertEquals(CATALOGUE.render(CATALOGUE.fallbackLanguage(), MessageKey.TRY_AGAIN, Map.of()), reply);
    }

    @Test
    void handle_shouldStillAnswer_whenTheReplyCannotBeRemembered() {
        ReplyLog forgetful = new ReplyLog() {
            @Override
            public Optional<String> find(String phoneHash, String messageId, Instant now) {
                return Optional.empty();
            }

            @Override
            public String saveIfAbsent(String phoneHash, String messageId, String reply, Instant expiresAt) {
                throw new IllegalStateException("store unreachable");
            }
        };
        String reply = service(sites(SITE), forgetful, turn -> Reply.toRemember("you left the queue"))
                .handle(new InboundSms("SM6", "+358401234567", "+358500000001", "LEAVE"));
        assertEquals("you left the queue", reply);
    }

    @Test
    void handle_shouldRememberOnlyReplies_ofMessagesThatChangedSomething_andNotThoseStoredWithTheirChange() {
        MemoryReplyLog replies = new MemoryReplyLog();
        service(sites(SITE), replies, turn -> Reply.toRemember("left"))
                .handle(new InboundSms("SM7", "+358401234567", "+358500000001", "LEAVE"));
        service(sites(SITE), replies, turn -> Reply.readOnly("3 ahead"))
                .handle(new InboundSms("SM8", "+358401234567", "+358500000001", "STATUS"));
        service(sites(SITE), replies, turn -> Reply.remembered("ticket A1"))
                .handle(new InboundSms("SM9", "+358401234567", "+358500000001", "JONO"));
        assertEquals(Map.of("SM7", "left"), replies.replies);
    }

    @Test
    void handle_shouldGiveTheReplyRememberedFirst_whenAParallelDeliveryAnsweredBefore() {
        MemoryReplyLog replies = new MemoryReplyLog();
        Conversation answeredMeanwhile = turn -> {
            replies.saveIfAbsent(turn.phoneHash(), turn.messageId(), "the first delivery's answer", Instant.MAX);
            return Reply.toRemember("the second delivery's answer");
        };
        assertEquals("the first delivery's answer", service(sites(SITE), replies, answeredMeanwhile)
                .handle(new InboundSms("SM10", "+358401234567", "+358500000001", "LEAVE")));
    }

    private static SiteDirectory sites(Site site) {
        return new SiteDirectory() {
            @Override
            public Optional<Site> findByNumber(String e164Number) {
                return Optional.of(site).filter(s -> s.smsNumber().equals(e164Number));
            }

            @Override
            public Optional<Site> findById(String siteId) {
                return Optional.of(site).filter(s -> s.id().equals(siteId));
            }

            @Override
            public List<Site> all() {
                return List.of(site);
            }
        };
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
