package fi.vuoro.domain.outbox;

/** Whether Twilio holds a message sent by an attempt whose outcome was unknown. */
public sealed interface SentCheck {

    /** Twilio accepted it after all: it must not be sent again. */
    record Found(String providerId) implements SentCheck {
    }

    /** Twilio has no such message: sending it again texts the visitor once. */
    record NotFound() implements SentCheck {
    }

    /** Twilio could not be asked: neither send nor give up yet. */
    record Unknown(String reason) implements SentCheck {
    }
}
