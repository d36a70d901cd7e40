package fi.vuoro.domain.sms;

/** A kind of sender's conversation with a site by SMS (a visitor's, an interpreter's): one reply per message. */
public interface Conversation {

    /** Handles one message and returns the reply to send back, with what the reply log still owes it. */
    Reply respond(SmsTurn turn);
}
