package fi.vuoro.platform.crypto;

import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.domain.visitor.UnreadablePhoneException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 to recognise a number, AES-256-GCM for the copy kept while an SMS is owed. The keys come from
 * configuration (SSM SecureString parameters in AWS); any key text of 16+ characters is turned into key bytes with
 * SHA-256, so an operator can paste {@code openssl rand -base64 32} output.
 *
 * <p>The encryption keys are a {@link PhoneKeyRing}: each sealed number starts with the version of its key
 * ({@code v2:...}; text without one is version 1), new numbers are sealed with the current version, and every listed
 * version still opens, so a key is rotated without losing the numbers of tickets still open. The hash key is not
 * rotated: the hash is the key under which a number's tickets are found, and a new hash key would lose them.
 *
 * <p>Each key is read when first needed: a function that only opens numbers (to send or to mask them) never reads
 * the hash key, and one that only recognises numbers never reads the encryption keys. A sealed number naming a
 * version this instance does not know makes it read the keys again (at most once a minute): during a rotation an
 * instance started before the new key was listed learns it instead of failing that number.
 */
public final class KeyedPhoneProtector implements PhoneProtector {

    private static final Pattern VERSIONED = Pattern.compile("v([1-9][0-9]{0,5}):(.*)", Pattern.DOTALL);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final long RELOAD_NANOS = 60_000_000_000L;

    private final Supplier<String> hashKeyText;
    private final Supplier<String> encryptionKeysText;
    private final int currentVersion;
    private final LongSupplier nanoTime;
    private volatile SecretKeySpec hashKey;
    private volatile PhoneKeyRing encryptionKeys;
    private volatile long lastReload;

    public KeyedPhoneProtector(String hashKeyText, String encryptionKeysText) {
        this(hashKeyText, encryptionKeysText, 1);
    }

    public KeyedPhoneProtector(String hashKeyText, String encryptionKeysText, int currentVersion) {
        this(() -> hashKeyText, () -> encryptionKeysText, currentVersion);
        hashKey();
        encryptionKeys();
    }

    public KeyedPhoneProtector(Supplier<String> hashKeyText, Supplier<String> encryptionKeysText) {
        this(hashKeyText, encryptionKeysText, 1);
    }

    /**
     * @param encryptionKeysText asked again when a sealed number names an unknown version: give a supplier that
     *                           reads the secret afresh for that to find a newly listed key
     */
    public KeyedPhoneProtector(Supplier<String> hashKeyText, Supplier<String> encryptionKeysText, int currentVersion) {
        this(hashKeyText, encryptionKeysText, currentVersion, System::nanoTime);
    }

    KeyedPhoneProtector(Supplier<String> hashKeyText, Supplier<String> encryptionKeysText, int currentVersion,
                        LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.hashKeyText = hashKeyText;
        this.encryptionKeysText = encryptionKeysText;
        this.currentVersion = currentVersion;
    }

    private SecretKeySpec hashKey() {
        SecretKeySpec key = hashKey;
        if (key == null) {
            key = new SecretKeySpec(PhoneKeyRing.keyBytes(hashKeyText.get(), "hash"), "HmacSHA256");
            requireDifferent(key, encryptionKeys);
            hashKey = key;
        }
        return key;
    }

    private PhoneKeyRing encryptionKeys() {
        PhoneKeyRing keys = encryptionKeys;
        if (keys == null) {
            keys = readEncryptionKeys();
        }
        return keys;
    }

    private synchronized PhoneKeyRing readEncryptionKeys() {
        PhoneKeyRing keys = PhoneKeyRing.parse(encryptionKeysText.get(), currentVersion);
        requireDifferent(hashKey, keys);
        lastReload = nanoTime.getAsLong();
        encryptionKeys = keys;
        return keys;
    }

    @Override
    public String hash(String e164Number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey());
            byte[] digest = mac.doFinal(normalise(e164Number).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    @Override
    public String encrypt(String e164Number) {
        PhoneKeyRing keys = encryptionKeys();
        try {
            byte[] iv = new byte[IV_BYTES];
            // A generator made per call, not at start-up: a SnapStart snapshot must not carry its state into
            // every restored instance, or two instances could draw the same GCM nonce.
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.currentKey(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(normalise(e164Number).getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return "v" + keys.currentVersion() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    @Override
    public String decrypt(String cipherText) {
        if (cipherText == null || cipherText.isBlank()) {
            throw new UnreadablePhoneException("No encrypted phone number");
        }
        Matcher versioned = VERSIONED.matcher(cipherText);
        int version = versioned.matches() ? Integer.parseInt(versioned.group(1)) : 1;
        String body = versioned.matches() ? versioned.group(2) : cipherText;
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new UnreadablePhoneException("The encrypted phone number is not in its format", e);
        }
        if (in.length <= IV_BYTES) {
            throw new UnreadablePhoneException("The encrypted phone number is too short");
        }
        SecretKeySpec key = keyOf(version).orElseThrow(() -> new UnreadablePhoneException(
                "The encrypted phone number names key version " + version + ", which is not configured"));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new UnreadablePhoneException("The encrypted phone number is damaged or from another key of version "
                    + version, e);
        }
    }

    /** The key of that version, reading the keys again if it is unknown and they were not read in the last minute. */
    private Optional<SecretKeySpec> keyOf(int version) {
        Optional<SecretKeySpec> key = encryptionKeys().key(version);
        if (key.isEmpty() && nanoTime.getAsLong() - lastReload > RELOAD_NANOS) {
            try {
                key = readEncryptionKeys().key(version);
            } catch (RuntimeException e) {
                // The keys in use stay; the number is unreadable for now, and the keys are asked again next minute.
                lastReload = nanoTime.getAsLong();
            }
        }
        return key;
    }

    private static void requireDifferent(SecretKeySpec hash, PhoneKeyRing encryption) {
        if (hash == null || encryption == null) {
            return;
        }
        for (SecretKeySpec key : encryption.all()) {
            if (Arrays.equals(key.getEncoded(), hash.getEncoded())) {
                throw new IllegalArgumentException("The phone hash key and encryption key must differ");
            }
        }
    }

    private static String normalise(String number) {
        return number.trim();
    }
}
