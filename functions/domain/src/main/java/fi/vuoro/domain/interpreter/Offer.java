package fi.vuoro.domain.interpreter;

import java.time.Instant;

/**
 * One interpreter asked for one request, in one wave, with the short code they answer with ("YES 7"); the code is
 * the interpreter's own, unique among their open offers.
 */
public record Offer(String interpreterId, String name, int code, int wave, State state, Instant offeredAt) {

    /** Where an offer stands. Only an OPEN offer can be answered. */
    public enum State { OPEN, ACCEPTED, DECLINED, EXPIRED, TAKEN, WITHDRAWN }

    Offer in(State next) {
        return new Offer(interpreterId, name, code, wave, next, offeredAt);
    }

    public boolean open() {
        return state == State.OPEN;
    }
}
