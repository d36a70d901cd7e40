package fi.vuoro.local;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Local account passwords, kept only as a salted PBKDF2-HMAC-SHA256 hash; the iteration count is stored with each
 * hash so it can grow later. Initial passwords are random, from letters and digits that cannot be misread.
 */
final class LocalPasswords {

    /** A stored hash: salt, iterations and the derived key. */
    record Hash(byte[] salt, int iterations, byte[] key) {
    }

    static final int ITERATIONS = 100_000;
    private static final int KEY_BITS = 256;
    private static final int SALT_BYTES = 16;
    private static final String INITIAL_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int INITIAL_LENGTH = 16;
    /** What an unknown username is compared against, so it costs as much as a known one. */
    private static final Hash NO_ACCOUNT = hash("no account has this password \u0000");

    private LocalPasswords() {
    }

    static Hash hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new Hash(salt, ITERATIONS, derive(password, salt, ITERATIONS));
    }

    /** Whether the password is the one hashed; in constant time, and as slow for a missing account (null). */
    static boolean matches(String password, Hash stored) {
        Hash against = stored == null ? NO_ACCOUNT : stored;
        boolean equal = MessageDigest.isEqual(against.key(), derive(password, against.salt(), against.iterations()));
        return equal && stored != null;
    }

    /** A new account's first password, made per call (never at start-up, which a snapshot would share). */
    static String initial() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(INITIAL_LENGTH);
        for (int i = 0; i < INITIAL_LENGTH; i++) {
            password.append(INITIAL_ALPHABET.charAt(random.nextInt(INITIAL_ALPHABET.length())));
        }
        return password.toString();
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
