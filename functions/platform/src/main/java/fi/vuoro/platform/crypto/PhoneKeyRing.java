package fi.vuoro.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * The phone encryption keys by version, read from one secret: either a single key text (version 1, as every
 * deployment began) or entries {@code v<version>=<key text>} separated by spaces, commas or new lines, e.g.
 * {@code v1=<old key> v2=<new key>}. New numbers are sealed with the current version; every listed version opens.
 *
 * <p>Key texts of 16+ characters are turned into key bytes with SHA-256, so an operator can paste
 * {@code openssl rand -base64 32} output (which may end in {@code =}: an entry is split at its first {@code =}).
 */
final class PhoneKeyRing {

    static final int MIN_KEY_CHARS = 16;
    private static final Pattern ENTRY = Pattern.compile("v([1-9][0-9]{0,5})=(.*)", Pattern.DOTALL);
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private final Map<Integer, SecretKeySpec> keys;
    private final int current;

    private PhoneKeyRing(Map<Integer, SecretKeySpec> keys, int current) {
        this.keys = keys;
        this.current = current;
    }

    /** The keys in the text, sealing with {@code currentVersion}, which must be among them. */
    static PhoneKeyRing parse(String text, int currentVersion) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The phone encryption key is empty");
        }
        String trimmed = text.trim();
        Map<Integer, SecretKeySpec> keys = new TreeMap<>();
        if (!trimmed.startsWith("v") || !ENTRY.matcher(SEPARATORS.split(trimmed)[0]).matches()) {
            keys.put(1, aesKey(trimmed, "version 1"));
        } else {
            for (String entry : SEPARATORS.split(trimmed)) {
                Matcher matcher = ENTRY.matcher(entry);
                if (!matcher.matches()) {
                    throw new IllegalArgumentException("A phone encryption key entry is not v<version>=<key>");
                }
                int version = Integer.parseInt(matcher.group(1));
                if (keys.put(version, aesKey(matcher.group(2), "version " + version)) != null) {
                    throw new IllegalArgumentException("Phone encryption key version " + version + " is listed twice");
                }
            }
        }
        if (!keys.containsKey(currentVersion)) {
            throw new IllegalArgumentException("The current phone encryption key version " + currentVersion
                    + " is not among the configured versions " + keys.keySet());
        }
        return new PhoneKeyRing(Collections.unmodifiableMap(keys), currentVersion);
    }

    int currentVersion() {
        return current;
    }

    SecretKeySpec currentKey() {
        return keys.get(current);
    }

    Optional<SecretKeySpec> key(int version) {
        return Optional.ofNullable(keys.get(version));
    }

    Iterable<SecretKeySpec> all() {
        return keys.values();
    }

    static byte[] keyBytes(String text, String which) {
        if (text == null || text.length() < MIN_KEY_CHARS) {
            throw new IllegalArgumentException("The phone " + which + " key must be at least " + MIN_KEY_CHARS
                    + " characters");
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static SecretKeySpec aesKey(String text, String which) {
        return new SecretKeySpec(keyBytes(text, "encryption " + which), "AES");
    }
}
