package fi.vuoro.staff;

/** Staff see only enough of a number to tell two visitors apart: the country code and last two digits. */
final class PhoneMask {

    /** Shown instead of a number that is stored but cannot be opened. */
    static final String UNAVAILABLE = "number unavailable";

    private PhoneMask() {
    }

    static String mask(String e164) {
        if (e164 == null || e164.length() < 6) {
            return "•••";
        }
        int countryEnd = e164.startsWith("+358") ? 4 : Math.min(3, e164.length() - 2);
        return e164.substring(0, countryEnd) + " ••• ••" + e164.substring(e164.length() - 2);
    }
}
