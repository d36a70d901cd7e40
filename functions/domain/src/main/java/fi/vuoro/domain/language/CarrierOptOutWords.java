package fi.vuoro.domain.language;

import java.util.Set;

/**
 * Words SMS carriers and Twilio treat as "stop all messages from this number". Once a visitor sends
 * one, no further SMS reaches them, so such a word may only ever mean erasure: using it for leaving the
 * queue (or anything else) would promise a reply and a callback that can never arrive.
 */
final class CarrierOptOutWords {

    private static final Set<String> WORDS = Set.of(
            "stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout", "opt out");

    private CarrierOptOutWords() {
    }

    /** Whether the normalized keyword is one of the carriers' opt-out words. */
    static boolean contains(String normalizedKeyword) {
        return WORDS.contains(normalizedKeyword);
    }
}
