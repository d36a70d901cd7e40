package fi.vuoro.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.visitor.UnreadablePhoneException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Versioned phone encryption keys: a rotation keeps every stored number readable and the hash unchanged. */
class PhoneKeyRotationTest {

    private static final String HASH_KEY = "hash-key-for-rotation-0123456789";
    private static final String KEY_1 = "first-encryption-key-0123456789";
    private static final String KEY_2 = "second-encryption-key-0123456789+/=";
    private static final String NUMBER = "+358401234567";

    private final KeyedPhoneProtector before = new KeyedPhoneProtector(HASH_KEY, KEY_1);
    private final KeyedPhoneProtector during = new KeyedPhoneProtector(HASH_KEY, "v1=" + KEY_1 + " v2=" + KEY_2, 1);
    private final KeyedPhoneProtector after = new KeyedPhoneProtector(HASH_KEY, "v1=" + KEY_1 + ",\nv2=" + KEY_2, 2);
    private final KeyedPhoneProtector done = new KeyedPhoneProtector(HASH_KEY, "v2=" + KEY_2, 2);

    @Test
    void encrypt_shouldNameTheCurrentKeyVersion() {
        assertTrue(before.encrypt(NUMBER).startsWith("v1:"));
        assertTrue(during.encrypt(NUMBER).startsWith("v1:"), "a listed key seals nothing until it is current");
        assertTrue(after.encrypt(NUMBER).startsWith("v2:"));
    }

    @Test
    void decrypt_shouldOpenNumbersOfEveryListedVersion_whenTheKeyIsRotated() {
        String sealedBefore = before.encrypt(NUMBER);
        String sealedAfter = after.encrypt(NUMBER);

        assertEquals(NUMBER, after.decrypt(sealedBefore), "a version 1 number after the rotation");
        assertEquals(NUMBER, during.decrypt(sealedAfter), "an instance that lists version 2 but seals with 1");
        assertEquals(NUMBER, done.decrypt(sealedAfter));
        assertThrows(UnreadablePhoneException.class, () -> done.decrypt(sealedBefore), "version 1 was removed");
    }

    @Test
    void decrypt_shouldReadTextWithoutVersionAsVersionOne() {
        String unversioned = before.encrypt(NUMBER).substring("v1:".length());
        assertEquals(NUMBER, after.decrypt(unversioned));
    }

    @Test
    void hash_shouldStayTheSame_whenTheEncryptionKeyIsRotated() {
        assertEquals(before.hash(NUMBER), after.hash(NUMBER));
        assertEquals(before.hash(NUMBER), done.hash(NUMBER));
    }

    @Test
    void decrypt_shouldRefuseAsUnreadable_whenTheTextIsDamagedOrOfAnUnknownVersion() {
        String sealed = after.encrypt(NUMBER);
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String flipped = "v2:" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        for (String bad : new String[] {flipped, "v3:" + sealed.substring(3), "v2:not base64!", "v2:", "v2:AAAA",
                "", "garbage"}) {
            assertThrows(UnreadablePhoneException.class, () -> after.decrypt(bad), bad);
        }
    }

    @Test
    void decrypt_shouldReadTheKeysAgain_whenANumberNamesAVersionNotYetKnown() {
        AtomicReference<String> parameter = new AtomicReference<>(KEY_1);
        AtomicInteger reads = new AtomicInteger();
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        KeyedPhoneProtector startedBeforeRotation = new KeyedPhoneProtector(() -> HASH_KEY, () -> {
            reads.incrementAndGet();
            return parameter.get();
        }, 1, nanos::get);
        startedBeforeRotation.encrypt(NUMBER);
        assertEquals(1, reads.get());

        parameter.set("v1=" + KEY_1 + " v2=" + KEY_2);
        String sealedByANewInstance = after.encrypt(NUMBER);
        // The first read was just now: within the minute it is not repeated, so a flood of bad numbers costs no reads.
        assertThrows(UnreadablePhoneException.class, () -> startedBeforeRotation.decrypt(sealedByANewInstance));
        assertEquals(1, reads.get());

        nanos.addAndGet(61_000_000_000L);
        assertEquals(NUMBER, startedBeforeRotation.decrypt(sealedByANewInstance), "the keys read again");
        assertEquals(2, reads.get());
        assertTrue(startedBeforeRotation.encrypt(NUMBER).startsWith("v1:"), "still sealing with its own version");
    }

    @Test
    void keys_shouldBeRefused_whenTheCurrentVersionIsNotListed_orAnEntryIsMalformed() {
        assertThrows(IllegalArgumentException.class, () -> new KeyedPhoneProtector(HASH_KEY, KEY_1, 2));
        assertThrows(IllegalArgumentException.class,
                () -> new KeyedPhoneProtector(HASH_KEY, "v1=" + KEY_1 + " v1=" + KEY_2, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new KeyedPhoneProtector(HASH_KEY, "v1=" + KEY_1 + " v2=short", 1));
        assertThrows(IllegalArgumentException.class,
                () -> new KeyedPhoneProtector(HASH_KEY, "v1=" + KEY_1 + " " + KEY_2, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new KeyedPhoneProtector(HASH_KEY, "v1=" + KEY_1 + " v2=" + HASH_KEY, 1), "hash key reused");
    }
}
