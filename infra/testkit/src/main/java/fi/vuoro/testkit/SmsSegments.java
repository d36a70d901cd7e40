package fi.vuoro.testkit;

/**
 * How many SMS segments a body costs, as carriers count them: GSM-7 text fits 160 characters in one segment
 * (153 per part when split), anything else is sent as UCS-2 with 70 (67) UTF-16 units. One Arabic or emoji
 * character therefore more than doubles the cost of a long message.
 */
final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    // Characters reached through the GSM escape, each costing two septets.
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {}

    static int count(String body) {
        if (body == null || body.isEmpty()) {
            return 1;
        }
        int septets = gsmSeptets(body);
        if (septets >= 0) {
            return septets <= 160 ? 1 : ceilDiv(septets, 153);
        }
        int units = body.length();
        return units <= 70 ? 1 : ceilDiv(units, 67);
    }

    /** The body's length in GSM-7 septets, or -1 if it needs UCS-2. */
    private static int gsmSeptets(String body) {
        int septets = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return -1;
            }
        }
        return septets;
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
