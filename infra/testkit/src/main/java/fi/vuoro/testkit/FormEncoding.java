package fi.vuoro.testkit;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** {@code application/x-www-form-urlencoded} in UTF-8, the encoding Twilio uses in both directions. */
public final class FormEncoding {

    private FormEncoding() {}

    public static String encode(Map<String, String> params) {
        StringJoiner form = new StringJoiner("&");
        params.forEach((name, value) -> form.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    /** Every value of every field, in order; repeated fields (e.g. {@code MediaUrl}) keep all their values. */
    static Map<String, List<String>> decode(String form) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return params;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), key -> new ArrayList<>())
                    .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
