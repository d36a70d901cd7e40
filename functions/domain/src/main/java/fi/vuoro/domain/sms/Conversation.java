package fi.vuoro.domain.sms;

/** A kind of sender's conversation with a site by SMS (a visitor's, an interpreter's): one reply per message. */
public interface Conversation {

    /** Handles one message and returns the reply to send back. */
    String respond(SmsTurn turn);
}
