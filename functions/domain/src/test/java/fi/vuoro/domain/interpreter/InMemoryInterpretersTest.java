package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.queue.InMemoryQueueStore;

/** The in-memory interpreter stores keep the same promises as the DynamoDB adapter. */
class InMemoryInterpretersTest extends InterpreterStoresContract {

    private final InMemoryQueueStore outbox = new InMemoryQueueStore();
    private final InMemoryInterpreters stores = new InMemoryInterpreters(outbox);

    @Override
    protected InterpreterDirectory directory() {
        return stores;
    }

    @Override
    protected InterpreterRequestStore requests() {
        return stores;
    }

    @Override
    protected boolean owes(String smsId) {
        return outbox.owed().containsKey(smsId);
    }
}
