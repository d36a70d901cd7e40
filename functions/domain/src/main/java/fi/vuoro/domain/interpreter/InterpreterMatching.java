package fi.vuoro.domain.interpreter;

import java.util.List;

/**
 * Who is asked next for a request: interpreters who interpret the language, serve the site, are available when the
 * visitor is expected to be called, and were not asked for this request yet; least recently asked or assigned
 * first (so not the same person every time); at most a wave's size.
 */
public final class InterpreterMatching {

    private InterpreterMatching() {
    }

    public static List<Interpreter> nextWave(InterpreterRequest request, List<Interpreter> interpreters, int waveSize) {
        return interpreters.stream()
                .filter(i -> i.canTake(request.language(), request.ticket().siteId(), request.expectedAt()))
                .filter(i -> !request.asked(i.id()))
                .sorted(Interpreter.FAIRNESS)
                .limit(waveSize)
                .toList();
    }
}
