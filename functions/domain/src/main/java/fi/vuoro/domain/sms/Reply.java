package fi.vuoro.domain.sms;

import java.util.Objects;

/**
 * A conversation's answer to one message, and whether the reply log still has to remember it. A message that changed
 * something is remembered, so a redelivery gets the same answer and changes nothing twice; one that only read (a
 * status, help) is simply answered again when redelivered. Whether it counts against the sender's
 * {@link ReplyBudget}: answers to changes and to text that was no command do, a join's and a question's do not. The
 * erasure's answer forgets the sender: nothing about them (no count either) may be written after it.
 */
public record Reply(String text, Memory memory, boolean counted, boolean forgetsSender) {

    /** What the reply log still owes this answer. */
    public enum Memory {
        /** The message changed something: remember the answer, or give the one remembered first. */
        REMEMBER,
        /** The answer was stored in the same write as the change it reports. */
        REMEMBERED,
        /** The message changed nothing: a redelivery is answered afresh. */
        READ_ONLY
    }

    public Reply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(memory, "memory");
    }

    public Reply(String text, Memory memory, boolean counted) {
        this(text, memory, counted, false);
    }

    /** An answer to a change counts against the budget; a join's (stored with its ticket) and a question's do not. */
    public Reply(String text, Memory memory) {
        this(text, memory, memory == Memory.REMEMBER);
    }

    /** The answer to text that was no command (help, a menu again): what a loop with an auto-responder is made of. */
    public static Reply notUnderstood(String text) {
        return new Reply(text, Memory.READ_ONLY, true);
    }

    /**
     * The erasure's answer: not remembered (the reply log keeps replies under the sender's hash, which the erasure has
     * just deleted; a redelivery erases again and finds nothing) and not counted, even when it meets a spent budget:
     * counting it would store something about the sender again.
     */
    public static Reply afterErasure(String text) {
        return new Reply(text, Memory.READ_ONLY, false, true);
    }

    public static Reply toRemember(String text) {
        return new Reply(text, Memory.REMEMBER);
    }

    public static Reply remembered(String text) {
        return new Reply(text, Memory.REMEMBERED);
    }

    public static Reply readOnly(String text) {
        return new Reply(text, Memory.READ_ONLY);
    }
}
