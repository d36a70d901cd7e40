package fi.vuoro.domain.feedback;

import java.time.Instant;

/**
 * For a while after the invitation, a single digit from the visitor's number answers its first question. Found by
 * the number's keyed hash; it points at the invitation's token hash and keeps the language to thank in.
 */
public record DigitReply(String phoneHash, String tokenHash, String language, Instant until) {

    @Override
    public String toString() {
        return "DigitReply[until " + until + "]";
    }
}
