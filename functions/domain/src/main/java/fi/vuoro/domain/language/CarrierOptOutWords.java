package fi.vuoro.domain.language;

import java.util.List;
import java.util.Set;

/**
 * Words SMS carriers and Twilio treat as "stop all messages from this number". Once a visitor sends
 * one, no further SMS reaches them, so such a word may only ever mean erasure: using it for leaving the
 * queue (or anything else) would promise a reply and a callback that can never arrive.
 *
 * <p>Twilio blocks the sender (every later send to them fails with error 21610) only when the whole message is one
 * such word, and lifts the block when the whole message is one of its opt-in words: START, UNSTOP or YES.
 */
public final class CarrierOptOutWords {

    private static final Set<String> WORDS = Set.of(
            "stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout", "opt out");
    private static final Set<String> OPT_IN_WORDS = Set.of("start", "unstop", "yes");

    private CarrierOptOutWords() {
    }

    /** Whether the normalized keyword is one of the carriers' opt-out words. */
    static boolean contains(String normalizedKeyword) {
        return WORDS.contains(normalizedKeyword);
    }

    /** Whether Twilio blocks the sender of this message: the whole text is one opt-out word ({@code STOP}). */
    public static boolean optsOut(String body) {
        return singleWordIn(body, WORDS);
    }

    /** Whether Twilio lifts a sender's block on this message: the whole text is START, UNSTOP or YES. */
    public static boolean optsIn(String body) {
        return singleWordIn(body, OPT_IN_WORDS);
    }

    private static boolean singleWordIn(String body, Set<String> words) {
        List<String> found = TextNormalizer.words(body);
        return found.size() == 1 && words.contains(found.get(0));
    }
}
