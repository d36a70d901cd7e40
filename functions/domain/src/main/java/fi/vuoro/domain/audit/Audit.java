package fi.vuoro.domain.audit;

import fi.vuoro.domain.account.AccountChange;
import fi.vuoro.domain.account.AccountChangeListener;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.staff.StaffMember;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of a site as staff actions write it and its coordinators read it. Every staff action records its
 * entry here <em>after</em> the action itself succeeded, as its own write. If that write fails, the action stands
 * and the request still succeeds: the entry goes, whole, to the error log instead (it holds no personal data of a
 * visitor), because failing the request would make staff repeat an action that was done, and a repeated "call next"
 * calls a second visitor, a repeated walk-in adds a second ticket.
 */
public final class Audit implements AccountChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);
    /** A record's fields that are bookkeeping, not settings: they change with every save. */
    private static final Set<String> NOT_A_SETTING = Set.of("version");
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,64}");
    private static final int MAX_CHANGE = 60;

    /** A site's audit of one day, oldest entry first. */
    public record Day(String siteId, LocalDate day, List<AuditEntry> entries) {
    }

    private final AuditTrail trail;
    private final Clock clock;

    public Audit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** Records nothing and reads nothing: for tests of rules that do not look at the audit. */
    public static Audit none() {
        return new Audit(new AuditTrail() {
            @Override
            public void record(AuditEntry entry) {
            }

            @Override
            public List<AuditEntry> day(String siteId, LocalDate day, Instant now) {
                return List.of();
            }
        }, Clock.systemUTC());
    }

    /** A staff action on a ticket, done at {@code at}; the entry carries the ticket's code, never its visitor. */
    public void ticket(StaffMember staff, AuditAction action, Ticket ticket, String detail, Instant at) {
        write(ticket.siteId(), at, staff.username(), action, Optional.of(ticket.code()), detail);
    }

    /** A staff action about the ticket with this code, e.g. its interpreter's arrival. */
    public void ticket(StaffMember staff, String siteId, AuditAction action, String ticketCode, String detail,
                       Instant at) {
        write(siteId, at, staff.username(), action, Optional.of(ticketCode), detail);
    }

    /** A staff action on a site that concerns no ticket, e.g. a desk opened. */
    public void site(StaffMember staff, String siteId, AuditAction action, String detail, Instant at) {
        write(siteId, at, staff.username(), action, Optional.empty(), detail);
    }

    /**
     * A site's settings saved by its coordinator: "created" for a new site, else the names of the fields whose value
     * changed, e.g. "openingHours, noShowGraceMinutes" (the values themselves are not repeated).
     */
    public void settingsSaved(StaffMember coordinator, String siteId, Optional<? extends Record> before, Record after) {
        String detail = before.map(old -> {
            List<String> changed = changedFields(old, after);
            return changed.isEmpty() ? "nothing changed" : String.join(", ", changed);
        }).orElse("created");
        write(siteId, clock.instant(), coordinator.username(), AuditAction.SETTINGS_CHANGE, Optional.empty(), detail);
    }

    /**
     * A staff account changed by a coordinator of the site: the account's username and what changed of it, e.g.
     * {@code accountChange(coordinator, "demo", "anna", "now coordinator")} gives the detail "anna: now coordinator".
     * Call it once the change is saved.
     */
    public void accountChange(StaffMember coordinator, String siteId, String username, String change) {
        accountChange(coordinator.username(), siteId, username, change);
    }

    /** A change of who works at a site, told once it is saved: who was added, re-roled or removed, by whom. */
    @Override
    public void accountChanged(AccountChange change) {
        String what;
        if (change.role() == null) {
            what = "removed" + (change.previousRole() == null ? "" : " (was " + change.previousRole().apiName() + ")");
        } else if (change.previousRole() == null) {
            what = (change.accountCreated() ? "account created, " : "") + "added as " + change.role().apiName();
        } else {
            what = "now " + change.role().apiName() + " (was " + change.previousRole().apiName() + ")";
        }
        accountChange(change.changedBy(), change.siteId(), change.username(), what);
    }

    private void accountChange(String changedBy, String siteId, String username, String change) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("An account change names the account's username");
        }
        if (change == null || change.isBlank() || change.length() > MAX_CHANGE) {
            throw new IllegalArgumentException("An account change says in at most " + MAX_CHANGE + " characters what"
                    + " changed, e.g. \"now coordinator\"");
        }
        write(siteId, clock.instant(), changedBy, AuditAction.ACCOUNT_CHANGE, Optional.empty(),
                username + ": " + change.strip());
    }

    /** The site's audit of the day (today in Helsinki when no day is given), for its coordinators only. */
    public Day day(StaffMember coordinator, String siteId, Optional<LocalDate> day) {
        coordinator.requireCoordinator(siteId);
        Instant now = clock.instant();
        LocalDate date = day.orElseGet(() -> ServiceDay.of(now).date());
        return new Day(siteId, date, trail.day(siteId, date, now));
    }

    private void write(String siteId, Instant at, String who, AuditAction action, Optional<String> ticket,
                       String detail) {
        AuditEntry entry = null;
        try {
            entry = new AuditEntry(siteId, at, who, action, ticket, detail);
            trail.record(entry);
        } catch (RuntimeException e) {
            // The action was done: it stands, and this log line keeps what the trail could not.
            LOG.error("Audit entry not written; the action stands: site {} at {} who {} action {} ticket {} detail {}",
                    siteId, at, who, action.code(), ticket.orElse("-"),
                    entry == null ? "(refused: " + e.getMessage() + ")" : entry.detail(), e);
        }
    }

    /** The names of the record's components whose values differ, in the record's order. */
    static List<String> changedFields(Record before, Record after) {
        if (before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("Settings of two kinds cannot be compared");
        }
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            if (NOT_A_SETTING.contains(component.getName())) {
                continue;
            }
            try {
                if (!Objects.equals(component.getAccessor().invoke(before), component.getAccessor().invoke(after))) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component.getName(), e);
            }
        }
        return changed;
    }
}
