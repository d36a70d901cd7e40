package fi.vuoro.domain.outbox;

/** What one drain of the outbox did. */
public record DrainResult(int sent, int retried, int failed) {

    public int handled() {
        return sent + retried + failed;
    }
}
