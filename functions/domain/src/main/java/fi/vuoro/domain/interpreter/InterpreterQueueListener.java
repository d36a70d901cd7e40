package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.queue.QueueEvent;
import fi.vuoro.domain.queue.QueueListener;

/**
 * Interpreter matching, hooked into the queue by its events: a visitor who needs an interpreter gets a request
 * when they join (or switch to a language the staff do not speak); their interpreter is texted the desk when they
 * are called; a visit that ends (served, no-show, left, removed, erased) withdraws the request and tells a confirmed
 * interpreter.
 */
public final class InterpreterQueueListener implements QueueListener {

    private final InterpreterService interpreters;

    public InterpreterQueueListener(InterpreterService interpreters) {
        this.interpreters = interpreters;
    }

    @Override
    public void on(QueueEvent event) {
        if (event instanceof QueueEvent.Joined joined) {
            if (joined.ticket().needsInterpreter()) {
                interpreters.request(joined.site(), joined.ticket(), joined.at());
            }
        } else if (event instanceof QueueEvent.LanguageChanged changed) {
            if (changed.ticket().needsInterpreter()) {
                interpreters.request(changed.site(), changed.ticket(), changed.at());
            } else {
                interpreters.withdraw(changed.site(), changed.ticket().ref(), changed.at());
            }
        } else if (event instanceof QueueEvent.Called called) {
            interpreters.called(called.site(), called.ticket(), called.desk(), called.at());
        } else if (event instanceof QueueEvent.Finished finished) {
            interpreters.withdraw(finished.site(), finished.ticket().ref(), finished.at());
        } else if (event instanceof QueueEvent.Left left) {
            interpreters.withdraw(left.site(), left.ticket().ref(), left.at());
        } else if (event instanceof QueueEvent.Removed removed) {
            interpreters.withdraw(removed.site(), removed.ticket().ref(), removed.at());
        } else if (event instanceof QueueEvent.Erased erased) {
            interpreters.withdraw(erased.site(), erased.ticket().ref(), erased.at());
        }
        // Requeued: back in the queue, the request (if any) stands as it is.
    }
}
