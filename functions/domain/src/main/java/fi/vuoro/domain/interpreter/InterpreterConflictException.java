package fi.vuoro.domain.interpreter;

/** An interpreter cannot be added or changed so: e.g. their number already belongs to another. */
public class InterpreterConflictException extends RuntimeException {

    public InterpreterConflictException(String message) {
        super(message);
    }
}
