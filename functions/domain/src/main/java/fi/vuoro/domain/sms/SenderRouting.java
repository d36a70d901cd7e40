package fi.vuoro.domain.sms;

import java.util.Optional;

/**
 * Tells whose conversation an inbound message belongs to, before it is parsed: a capability whose people text
 * the site's number too (interpreters) claims the messages of its senders; everyone else is a visitor.
 */
public interface SenderRouting {

    /** The conversation of this sender, if it is one of this capability's; empty for anyone else. */
    Optional<Conversation> conversationOf(SmsTurn turn);
}
