package fi.vuoro.domain.queue;

/**
 * The short code a visitor sees: the site's (or the topic's) letter and the ticket's number, {@code A1},
 * {@code K12}, {@code A1000}. Numbers are drawn once per site and service day, shared by all its topics, so the
 * code is unique within the day whatever the letters: {@code K999} and {@code L1} can never stand for the same
 * number, as they could if a letter moved on after 999.
 *
 * <p>A site's day has at most {@link #MAX_PER_DAY} tickets (a busy advice point gives a few hundred; this is one
 * every three seconds for eight hours): the store refuses the draw after that ({@link DayFullException}), so a
 * code is at most five characters, every SMS that carries one fits its two segments, and the ticket's
 * five-digit sort key keeps its order.
 */
public final class TicketCode {

    /** The most tickets one site can give in one service day. */
    public static final int MAX_PER_DAY = 9_999;

    private TicketCode() {
    }

    public static String of(char letter, int ticketNumber) {
        if (ticketNumber < 1 || ticketNumber > MAX_PER_DAY) {
            throw new IllegalArgumentException("Ticket numbers run from 1 to " + MAX_PER_DAY + ", not " + ticketNumber);
        }
        if (letter < 'A' || letter > 'Z') {
            throw new IllegalArgumentException("Ticket letters run from A to Z, not " + letter);
        }
        return letter + Integer.toString(ticketNumber);
    }
}
