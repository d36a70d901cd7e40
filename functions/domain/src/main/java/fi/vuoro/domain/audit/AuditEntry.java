package fi.vuoro.domain.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One staff action in a site's audit trail: when, who (the staff username), what, the ticket code where the action
 * was about a ticket, and a short detail (a desk, a language, the names of changed settings, an account's username
 * and role). Nothing about a visitor but the ticket code: never a phone number, a walk-in's name or a message text,
 * and a detail that looks like a phone number is refused outright.
 */
public record AuditEntry(String siteId, Instant at, String who, AuditAction action, Optional<String> ticket,
                         String detail) {

    public static final int MAX_DETAIL = 200;
    private static final Pattern TICKET_CODE = Pattern.compile("[A-Z][0-9]{1,4}");
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,}[0-9]");

    public AuditEntry {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(ticket, "ticket");
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("An audit entry names who acted");
        }
        ticket.ifPresent(code -> {
            if (!TICKET_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("An audit entry's ticket is a ticket code like A12");
            }
        });
        detail = detail == null ? "" : detail.strip();
        if (detail.length() > MAX_DETAIL) {
            throw new IllegalArgumentException("An audit detail is at most " + MAX_DETAIL + " characters");
        }
        if (PHONE_LIKE.matcher(detail).find()) {
            throw new IllegalArgumentException("An audit detail never holds a phone number");
        }
    }
}
