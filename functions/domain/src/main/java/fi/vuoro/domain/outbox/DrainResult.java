package fi.vuoro.domain.outbox;

/** What one drain of the outbox did. */
public record DrainResult(int sent, int retried, int failed, int dropped) {

    public int handled() {
        return sent + retried + failed + dropped;
    }
}
