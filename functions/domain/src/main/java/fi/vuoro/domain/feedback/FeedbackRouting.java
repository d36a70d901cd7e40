package fi.vuoro.domain.feedback;

import fi.vuoro.domain.sms.Conversation;
import fi.vuoro.domain.sms.Reply;
import fi.vuoro.domain.sms.SenderRouting;
import fi.vuoro.domain.sms.SmsTurn;
import fi.vuoro.domain.sms.TopicMenu;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A single digit 1-5 (Western, Arabic-Indic or Persian) from a visitor whose feedback invitation is still open for a
 * digit reply answers its first question. Any other message, and any message once the window closed or the form
 * was answered, is an ordinary command (a bare digit then picks a language from the menu, as always). The latest
 * question wins: while a topic menu sent after the invitation awaits its answer, a digit answers the menu.
 */
public final class FeedbackRouting implements SenderRouting {

    private final FeedbackService feedback;

    public FeedbackRouting(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public Optional<Conversation> conversationOf(SmsTurn turn) {
        OptionalInt point = singleDigit(turn.body());
        if (point.isEmpty() || point.getAsInt() < 1 || point.getAsInt() > 5) {
            return Optional.empty();
        }
        // Read once: the conversation answers the invitation found here. The profile is read only when both could
        // claim the digit: the topic menu was sent after the visit the invitation is about, so it is the later question.
        return feedback.awaitedDigit(turn.phoneHash(), turn.now())
                .filter(awaited -> !TopicMenu.awaited(turn.known().profile(), turn))
                .map(awaited -> answering -> Reply.toRemember(
                feedback.answerByDigit(awaited, point.getAsInt())
                        // Answered meanwhile (the form, or the same digit twice at once): thanked, nothing changes.
                        .orElseGet(() -> feedback.thanks(awaited))));
    }

    /** The digit of a message that is one digit and nothing else (spaces and a full stop aside). */
    static OptionalInt singleDigit(String body) {
        if (body == null) {
            return OptionalInt.empty();
        }
        String text = body.strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.codePointCount(0, text.length()) != 1) {
            return OptionalInt.empty();
        }
        int digit = Character.digit(text.codePointAt(0), 10);
        return digit < 0 ? OptionalInt.empty() : OptionalInt.of(digit);
    }
}
