package fi.vuoro.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON bodies Twilio's 2010-04-01 API answers with, in its field names and formats. */
final class TwilioJson {

    // Twilio's own format, e.g. "Thu, 05 Jun 2025 12:00:00 +0000". The Java SDK parses dates with exactly this
    // pattern and silently yields null for Java's RFC_1123 output ("GMT", one-digit days).
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TwilioJson() {}

    static Map<String, Object> message(MessageLog.Entry entry, String accountSid) {
        FakeTwilioApi.RecordedMessage message = entry.message();
        String messagesPath = messagesPath(accountSid);
        String resourcePath = messagesPath.replace(".json", "/" + message.sid());
        String created = DATE.format(message.createdAt());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("api_version", "2010-04-01");
        json.put("body", message.body());
        json.put("date_created", created);
        json.put("date_sent", null);
        json.put("date_updated", created);
        json.put("direction", entry.direction());
        json.put("error_code", null);
        json.put("error_message", null);
        json.put("from", entry.fromNumber());
        json.put("messaging_service_sid", entry.messagingServiceSid());
        json.put("num_media", "0");
        json.put("num_segments", String.valueOf(SmsSegments.count(message.body())));
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("sid", message.sid());
        json.put("status", "queued");
        json.put("subresource_uris", Map.of("media", resourcePath + "/Media.json"));
        json.put("to", message.to());
        json.put("uri", resourcePath + ".json");
        return json;
    }

    /** A single page holding every message, newest first as Twilio lists them. */
    static Map<String, Object> messagePage(List<Map<String, Object>> newestFirst, String accountSid) {
        int pageSize = Math.max(50, newestFirst.size());
        String pageUri = messagesPath(accountSid) + "?PageSize=" + pageSize + "&Page=0";
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("end", Math.max(0, newestFirst.size() - 1));
        json.put("first_page_uri", pageUri);
        json.put("messages", newestFirst);
        json.put("next_page_uri", null);
        json.put("page", 0);
        json.put("page_size", pageSize);
        json.put("previous_page_uri", null);
        json.put("start", 0);
        json.put("uri", pageUri);
        return json;
    }

    static Map<String, Object> error(int httpStatus, int code, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("message", message);
        json.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        json.put("status", httpStatus);
        return json;
    }

    static byte[] bytes(Object json) {
        try {
            return MAPPER.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render JSON", e);
        }
    }

    static String messagesPath(String accountSid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
    }
}
