package fi.vuoro.domain.language;

/**
 * Who texts with Vuoro. Visitors and interpreters text the same site number, but each has a conversation of
 * its own: a keyword belongs to the commands of one or both, and every message is written for one of them, so
 * the words a message tells its reader to send must be words that reader's conversation understands.
 */
public enum Audience {
    /** People who come for advice and queue by SMS. */
    VISITOR,
    /** Volunteer and purchased interpreters who answer interpreting requests by SMS. */
    INTERPRETER
}
