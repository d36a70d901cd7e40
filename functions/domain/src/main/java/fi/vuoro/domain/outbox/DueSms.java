package fi.vuoro.domain.outbox;

import java.time.Instant;

/** A message whose next attempt is due: enough to pick it in order and pace its sending number. */
public record DueSms(String id, String from, Instant dueAt) {
}
