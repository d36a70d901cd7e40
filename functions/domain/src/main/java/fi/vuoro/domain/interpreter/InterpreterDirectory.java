package fi.vuoro.domain.interpreter;

import java.util.List;
import java.util.Optional;

/** Where the region's interpreters are kept. Every read on a request path is a key lookup or one Query. */
public interface InterpreterDirectory {

    /** The interpreter texting from the number with this keyed hash, if it is one (active or not). */
    Optional<Interpreter> findByPhoneHash(String phoneHash);

    Optional<Interpreter> find(String interpreterId);

    /** Every interpreter of the deployment (a region has tens, not thousands). */
    List<Interpreter> all();

    /**
     * Adds an interpreter, with the route from their number's hash.
     *
     * @throws InterpreterConflictException if that number already belongs to an interpreter
     */
    void create(Interpreter interpreter);

    /** Writes {@code after} onto {@code before}'s version. @return false if it changed meanwhile */
    boolean update(Interpreter before, Interpreter after);

    /** The interpreter's next offer code, 1 to 99 and round again: short to type, unique among open offers. */
    int nextOfferCode(String interpreterId);

    /** Deletes the interpreter, their number's route and the offers indexed under them. */
    void remove(String interpreterId);
}
