package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.sms.Conversation;
import fi.vuoro.domain.sms.SenderRouting;
import fi.vuoro.domain.sms.SmsTurn;
import java.util.Optional;

/** A text from a registered interpreter's number goes to the interpreter conversation, whichever site it reached. */
public final class InterpreterRouting implements SenderRouting {

    private final InterpreterDirectory directory;
    private final InterpreterConversation conversation;

    public InterpreterRouting(InterpreterDirectory directory, InterpreterService service, MessageCatalogue catalogue) {
        this.directory = directory;
        this.conversation = new InterpreterConversation(directory, service, catalogue);
    }

    @Override
    public Optional<Conversation> conversationOf(SmsTurn turn) {
        // The number's route was read with the sender's other records; only an interpreter's is read further.
        return turn.known().interpreterId().flatMap(directory::find).map(unused -> conversation);
    }
}
