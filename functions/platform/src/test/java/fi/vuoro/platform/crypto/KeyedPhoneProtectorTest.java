package fi.vuoro.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fi.vuoro.domain.visitor.UnreadablePhoneException;
import org.junit.jupiter.api.Test;

class KeyedPhoneProtectorTest {

    private final KeyedPhoneProtector protector =
            new KeyedPhoneProtector("hash-key-for-tests-0123456789", "encryption-key-for-tests-0123456789");

    @Test
    void hash_shouldRecogniseTheSameNumber_withoutRevealingIt() {
        String hash = protector.hash("+358401234567");
        assertEquals(hash, protector.hash("+358401234567"));
        assertNotEquals(hash, protector.hash("+358401234568"));
        assertFalse(hash.contains("358401234567"));
    }

    @Test
    void eachKey_shouldBeReadOnlyWhenFirstNeeded_soAFunctionReadsOnlyTheSecretsItUses() {
        java.util.concurrent.atomic.AtomicInteger hashKeyReads = new java.util.concurrent.atomic.AtomicInteger();
        KeyedPhoneProtector opensOnly = new KeyedPhoneProtector(() -> {
            hashKeyReads.incrementAndGet();
            return "hash-key-for-tests-0123456789";
        }, () -> "encryption-key-for-tests-0123456789");

        String cipher = opensOnly.encrypt("+358401234567");
        assertEquals("+358401234567", opensOnly.decrypt(cipher));
        assertEquals(0, hashKeyReads.get(), "opening a number needs no hash key");

        opensOnly.hash("+358401234567");
        opensOnly.hash("+358401234568");
        assertEquals(1, hashKeyReads.get(), "read once, then kept");
    }

    @Test
    void keys_shouldBeRefused_whenBothAreTheSame_evenIfReadLazily() {
        KeyedPhoneProtector same = new KeyedPhoneProtector(() -> "the-same-key-0123456789",
                () -> "the-same-key-0123456789");
        same.hash("+358401234567");
        assertThrows(IllegalArgumentException.class, () -> same.encrypt("+358401234567"));
    }

    @Test
    void hash_shouldDependOnTheKey() {
        KeyedPhoneProtector otherKey =
                new KeyedPhoneProtector("another-hash-key-0123456789", "encryption-key-for-tests-0123456789");
        assertNotEquals(protector.hash("+358401234567"), otherKey.hash("+358401234567"));
    }

    @Test
    void encrypt_shouldRoundTrip_andDifferEachTime() {
        String first = protector.encrypt("+358401234567");
        String second = protector.encrypt("+358401234567");
        assertNotEquals(first, second, "a fresh IV each time");
        assertFalse(first.contains("358401234567"));
        assertEquals("+358401234567", protector.decrypt(first));
    }

    @Test
    void decrypt_shouldRefuseTamperedText_orAnotherKey() {
        String sealed = protector.encrypt("+358401234567");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThrows(UnreadablePhoneException.class, () -> protector.decrypt(tampered));
        KeyedPhoneProtector otherKey =
                new KeyedPhoneProtector("hash-key-for-tests-0123456789", "another-encryption-key-0123456789");
        assertThrows(UnreadablePhoneException.class, () -> otherKey.decrypt(sealed));
    }

    @Test
    void constructor_shouldRefuseShortOrEqualKeys() {
        assertThrows(IllegalArgumentException.class, () -> new KeyedPhoneProtector("short", "encryption-key-for-tests"));
        assertThrows(IllegalArgumentException.class,
                () -> new KeyedPhoneProtector("same-key-0123456789", "same-key-0123456789"));
    }
}
