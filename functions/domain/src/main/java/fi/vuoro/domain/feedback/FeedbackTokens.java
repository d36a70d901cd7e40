package fi.vuoro.domain.feedback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-time tokens of feedback links: 18 URL-safe characters (so the link fits the SMS) holding 48 random bits,
 * the last day the link is open and the visitor's language, sealed with a 24-bit keyed MAC. The MAC tells a
 * tampered or cut-short link from a real one before anything is read; guessing a link means hitting both an open
 * invitation's random part and its MAC, about one chance in 2^72 per open link. The language and day let every
 * page (even "expired" and "already answered", when the invitation is gone) speak the visitor's language. Only the
 * token's hash is stored.
 */
public final class FeedbackTokens {

    public static final int LENGTH = 18;
    private static final int RANDOM_BYTES = 6;
    private static final int MAC_BYTES = 3;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Supplier<byte[]> key;

    /**
     * @param key the secret that seals tokens, at least 128 bits; a deployment's own. Asked for when a token is
     *            first made or read, not before (a secret is fetched on first use, after a snapshot restore).
     */
    public FeedbackTokens(Supplier<byte[]> key) {
        this.key = key;
    }

    /** What a valid token says. */
    public record Opened(String tokenHash, String language, LocalDate lastDay) {

        public boolean expired(Instant now) {
            return now.atOffset(ZoneOffset.UTC).toLocalDate().isAfter(lastDay);
        }
    }

    /** A new token for a link open until the end of {@code lastDay} (UTC), in {@code language} (two letters). */
    public String issue(String language, LocalDate lastDay) {
        if (language.length() != 2) {
            throw new IllegalArgumentException("A token carries a two-letter language code: " + language);
        }
        byte[] randomPart = new byte[RANDOM_BYTES];
        // A new generator per token, never one made at init: a restored snapshot must not share random state.
        new SecureRandom().nextBytes(randomPart);
        return seal(randomPart, language, lastDay);
    }

    /**
     * The token of a printed link, the same each time for the same {@code reference} (a walk-in's ticket), so a
     * card printed again is the same card; its first part is keyed, so it cannot be worked out without the key.
     */
    public String issueFor(String reference, String language, LocalDate lastDay) {
        if (language.length() != 2) {
            throw new IllegalArgumentException("A token carries a two-letter language code: " + language);
        }
        byte[] keyed = mac(("printed link of " + reference).getBytes(StandardCharsets.UTF_8), -1);
        byte[] randomPart = new byte[RANDOM_BYTES];
        System.arraycopy(keyed, 0, randomPart, 0, RANDOM_BYTES);
        return seal(randomPart, language, lastDay);
    }

    private String seal(byte[] randomPart, String language, LocalDate lastDay) {
        ByteBuffer payload = ByteBuffer.allocate(RANDOM_BYTES + 2 + 2 + MAC_BYTES);
        payload.put(randomPart);
        payload.putShort((short) lastDay.toEpochDay());
        payload.put(language.getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = mac(payload.array(), RANDOM_BYTES + 4);
        payload.put(sealed, 0, MAC_BYTES);
        return ENCODER.encodeToString(payload.array());
    }

    /** The token's contents if it is one of ours and whole; empty for anything else. */
    public Optional<Opened> open(String token) {
        if (token == null || token.length() != LENGTH || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!ENCODER.encodeToString(bytes).equals(token)) {
            return Optional.empty();  // the last character's spare bits were changed: not a token we made
        }
        byte[] expected = mac(bytes, RANDOM_BYTES + 4);
        byte[] given = new byte[MAC_BYTES];
        System.arraycopy(bytes, RANDOM_BYTES + 4, given, 0, MAC_BYTES);
        byte[] wanted = new byte[MAC_BYTES];
        System.arraycopy(expected, 0, wanted, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(given, wanted)) {
            return Optional.empty();
        }
        ByteBuffer payload = ByteBuffer.wrap(bytes);
        payload.position(RANDOM_BYTES);
        LocalDate lastDay = LocalDate.ofEpochDay(Short.toUnsignedInt(payload.getShort()));
        String language = new String(bytes, RANDOM_BYTES + 2, 2, StandardCharsets.US_ASCII);
        return Optional.of(new Opened(hash(token), language, lastDay));
    }

    /** The hash a token's invitation is stored under: the token itself is never stored. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private byte[] mac(byte[] data, int length) {
        try {
            byte[] secret = key.get();
            if (secret.length < 16) {
                throw new IllegalStateException("A token key has at least 128 bits");
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(data, 0, length < 0 ? data.length : length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
