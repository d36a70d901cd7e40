package fi.vuoro.domain.queue;

/** The in-memory store keeps the same promises as the DynamoDB store. */
class InMemoryQueueStoreTest extends QueueStoreContract {

    private final InMemoryQueueStore store = new InMemoryQueueStore();

    @Override
    protected QueueStore store() {
        return store;
    }

    @Override
    protected boolean owes(String smsId) {
        return store.owed().containsKey(smsId);
    }
}
