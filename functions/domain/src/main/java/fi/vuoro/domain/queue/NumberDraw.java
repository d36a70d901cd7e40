package fi.vuoro.domain.queue;

/**
 * A ticket number drawn for a new WAITING ticket, with how many were waiting ahead of it at that moment: the draw
 * counts the new ticket among the day's waiting in the same atomic step, so concurrent joins see each other in number
 * order.
 */
public record NumberDraw(int number, int waitingAhead) {
}
