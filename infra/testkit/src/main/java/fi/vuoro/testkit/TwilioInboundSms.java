package fi.vuoro.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The form parameters Twilio posts to a messaging webhook for one inbound SMS, in Twilio's order. */
public final class TwilioInboundSms {

    private TwilioInboundSms() {
    }

    /** An inbound SMS with a new message SID; the map may be changed, e.g. to leave a parameter out. */
    public static Map<String, String> params(String accountSid, String from, String to, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        params.put("ToCountry", "FI");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", "0");
        params.put("SmsStatus", "received");
        params.put("Body", body);
        params.put("To", to);
        params.put("MessageSid", sid);
        params.put("AccountSid", accountSid);
        params.put("From", from);
        params.put("ApiVersion", "2010-04-01");
        return params;
    }
}
