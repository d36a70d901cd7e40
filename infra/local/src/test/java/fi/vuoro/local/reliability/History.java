package fi.vuoro.local.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything that was asked of the service during a run, in the order it was asked: each operation with the moment
 * it was sent and the moment its answer came (monotonic nanoseconds), and what the answer said.
 */
final class History {

    /** What an operation was. */
    enum Kind {
        JOIN, JOIN_WITH_TOPIC, TOPIC_CHOICE, REPEAT_JOIN, STATUS, LEAVE, FEEDBACK,
        CALL_NEXT, SERVED, NO_SHOW, REQUEUE, QUEUE_VIEW,
        INTERPRETER_YES, INTERPRETER_NO, INTERPRETER_HERE,
        OUTBOX_RUN, NO_SHOW_SWEEP
    }

    /**
     * What the answer says the operation did to the ticket it names. {@code UNKNOWN}: no answer said (the service
     * failed, or answered "busy"); the ticket may or may not have changed.
     */
    enum Effect {
        NONE, JOINED, CALLED, REQUEUED, SERVED, NO_SHOW, LEFT, CONFIRMED, TAKEN, UNKNOWN;

        /** The ticket stops waiting or starts again. */
        boolean movesWaiting() {
            return this == JOINED || this == CALLED || this == REQUEUED || this == LEFT;
        }

        /** An ending of the ticket: after it, the ticket never changes again. New endings are added here. */
        boolean ends() {
            return this == SERVED || this == NO_SHOW || this == LEFT;
        }
    }

    /**
     * One operation. {@code code} is the ticket it is about (when the answer or the asker knows); {@code toldAhead}
     * is the number of people before the visitor the answer told, if it told one.
     */
    record Operation(long id, Kind kind, String actor, String siteId, long invokedAt, long respondedAt,
                     Optional<String> code, OptionalInt toldAhead, Effect effect, String answer) {

        int number() {
            return Integer.parseInt(code.orElseThrow().substring(1));
        }
    }

    private final AtomicLong ids = new AtomicLong();
    private final List<Operation> operations = new ArrayList<>();

    long now() {
        return System.nanoTime();
    }

    synchronized Operation record(Kind kind, String actor, String siteId, long invokedAt, Optional<String> code,
                                  OptionalInt toldAhead, Effect effect, String answer) {
        Operation operation = new Operation(ids.incrementAndGet(), kind, actor, siteId, invokedAt, now(), code,
                toldAhead, effect, answer);
        operations.add(operation);
        return operation;
    }

    synchronized List<Operation> operations() {
        return List.copyOf(operations);
    }

    synchronized Map<Kind, Integer> countsByKind() {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (Operation operation : operations) {
            counts.merge(operation.kind(), 1, Integer::sum);
        }
        return counts;
    }

    /** The whole history, one operation a line, for reading after a run (the test's own made-up numbers only). */
    synchronized void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        long start = operations.isEmpty() ? 0 : operations.get(0).invokedAt();
        Files.write(file, operations.stream().map(op -> String.format("%d %s %s %s [%.3f, %.3f] %s %s %s | %s",
                op.id(), op.kind(), op.actor(), op.siteId(), (op.invokedAt() - start) / 1e9,
                (op.respondedAt() - start) / 1e9, op.code().orElse("-"),
                op.toldAhead().isPresent() ? "ahead=" + op.toldAhead().getAsInt() : "", op.effect(),
                op.answer().replace('\n', ' '))).toList());
    }

    synchronized int size() {
        return operations.size();
    }
}
