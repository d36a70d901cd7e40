package fi.vuoro.platform.crypto;

import fi.vuoro.domain.visitor.PhoneProtector;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 to recognise a number, AES-256-GCM for the copy kept while an SMS is owed. The keys
 * come from configuration (SSM SecureString parameters in AWS); any key text of 16+ characters is
 * turned into key bytes with SHA-256, so an operator can paste {@code openssl rand -base64 32} output.
 *
 * <p>Each key is read when first needed: a function that only opens numbers (to send or to mask them) never reads
 * the hash key, and one that only recognises numbers never reads the encryption key.
 */
public final class KeyedPhoneProtector implements PhoneProtector {

    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_KEY_CHARS = 16;

    private final Supplier<String> hashKeyText;
    private final Supplier<String> encryptionKeyText;
    private volatile SecretKeySpec hashKey;
    private volatile SecretKeySpec encryptionKey;

    public KeyedPhoneProtector(String hashKeyText, String encryptionKeyText) {
        this(() -> hashKeyText, () -> encryptionKeyText);
        if (hashKeyText.equals(encryptionKeyText)) {
            throw new IllegalArgumentException("The phone hash key and encryption key must differ");
        }
        hashKey();
        encryptionKey();
    }

    public KeyedPhoneProtector(Supplier<String> hashKeyText, Supplier<String> encryptionKeyText) {
        this.hashKeyText = hashKeyText;
        this.encryptionKeyText = encryptionKeyText;
    }

    private SecretKeySpec hashKey() {
        SecretKeySpec key = hashKey;
        if (key == null) {
            key = new SecretKeySpec(keyBytes(hashKeyText.get(), "hash"), "HmacSHA256");
            requireDifferent(key, encryptionKey);
            hashKey = key;
        }
        return key;
    }

    private SecretKeySpec encryptionKey() {
        SecretKeySpec key = encryptionKey;
        if (key == null) {
            key = new SecretKeySpec(keyBytes(encryptionKeyText.get(), "encryption"), "AES");
            requireDifferent(key, hashKey);
            encryptionKey = key;
        }
        return key;
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
        try {
            byte[] iv = new byte[IV_BYTES];
            // A generator made per call, not at start-up: a SnapStart snapshot must not carry its state into
            // every restored instance, or two instances could draw the same GCM nonce.
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(normalise(e164Number).getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    @Override
    public String decrypt(String cipherText) {
        if (cipherText == null || !cipherText.startsWith(VERSION)) {
            throw new IllegalArgumentException("Not an encrypted phone number of a known version");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(cipherText.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The encrypted phone number is damaged or from another key", e);
        }
    }

    private static void requireDifferent(SecretKeySpec key, SecretKeySpec other) {
        if (other != null && java.util.Arrays.equals(key.getEncoded(), other.getEncoded())) {
            throw new IllegalArgumentException("The phone hash key and encryption key must differ");
        }
    }

    private static String normalise(String number) {
        return number.trim();
    }

    private static byte[] keyBytes(String text, String which) {
        if (text == null || text.length() < MIN_KEY_CHARS) {
            throw new IllegalArgumentException("The phone " + which + " key must be at least " + MIN_KEY_CHARS + " characters");
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
