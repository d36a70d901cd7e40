package fi.vuoro.domain.queue;

/**
 * The short code a visitor sees: a letter and 1-3 digits (A1 ... A999). After 999 tickets in a day the
 * letter moves on (B1 ...), so codes stay unique within a site's service day.
 */
public final class TicketCode {

    private static final int PER_LETTER = 999;

    private TicketCode() {
    }

    public static String of(char siteLetter, int ticketNumber) {
        if (ticketNumber < 1) {
            throw new IllegalArgumentException("Ticket numbers start at 1");
        }
        int letterOffset = (ticketNumber - 1) / PER_LETTER;
        int digits = (ticketNumber - 1) % PER_LETTER + 1;
        char letter = (char) ('A' + (siteLetter - 'A' + letterOffset) % 26);
        return letter + Integer.toString(digits);
    }
}
