package fi.vuoro.platform.dynamodb;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading typed values out of an item, and the TTL check every read applies. */
public final class Attributes {

    public static final String EXPIRES_AT = "expiresAt";

    private Attributes() {
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("Stored item lacks attribute " + name);
        }
        return value.s();
    }

    public static Optional<String> optionalString(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalStateException("Stored item lacks number " + name);
        }
        return Long.parseLong(value.n());
    }

    public static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    public static AttributeValue epochSeconds(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
    }

    public static AttributeValue epochMillis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    /**
     * DynamoDB deletes expired items only eventually (DynamoDB Local never does), so an item past its
     * {@code expiresAt} counts as gone.
     */
    public static boolean isLive(Map<String, AttributeValue> item, Instant now) {
        if (item == null || item.isEmpty()) {
            return false;
        }
        AttributeValue expires = item.get(EXPIRES_AT);
        return expires == null || Long.parseLong(expires.n()) > now.getEpochSecond();
    }
}
