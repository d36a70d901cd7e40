package fi.vuoro.domain.staff;

/**
 * A staff request that cannot be carried out as asked: bad input (400), not found (404), or in conflict with a change
 * made meanwhile (409).
 */
public class StaffRequestException extends RuntimeException {

    /** Why a request was refused, which decides the HTTP status it maps to. */
    public enum Reason { INVALID, NOT_FOUND, CONFLICT }

    private final Reason reason;

    public StaffRequestException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public static StaffRequestException invalid(String message) {
        return new StaffRequestException(Reason.INVALID, message);
    }

    public static StaffRequestException notFound(String message) {
        return new StaffRequestException(Reason.NOT_FOUND, message);
    }

    public static StaffRequestException conflict(String message) {
        return new StaffRequestException(Reason.CONFLICT, message);
    }

    public Reason reason() {
        return reason;
    }
}
