package fi.vuoro.staff;

import fi.vuoro.domain.report.Reports;
import fi.vuoro.domain.staff.StaffRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The days a report asks for, as the query names them: {@code from} and {@code to}, both included. */
record ReportPeriod(LocalDate from, LocalDate to) {

    /**
     * @throws StaffRequestException (400) naming the parameter that is missing, not a date, or makes the period end
     *                               before it starts or last longer than {@link Reports#MAX_DAYS} days
     */
    static ReportPeriod of(String from, String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw StaffRequestException.invalid("to (" + last + ") is before from (" + first + ")");
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > Reports.MAX_DAYS) {
            throw StaffRequestException.invalid("to: the period from " + first + " to " + last + " is " + days
                    + " days; a report covers at most " + Reports.MAX_DAYS);
        }
        return new ReportPeriod(first, last);
    }

    private static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw StaffRequestException.invalid(parameter + " is missing: give the day as " + parameter + "=YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            // The value itself is not repeated: whatever was typed stays out of the answer.
            throw StaffRequestException.invalid(parameter + " is not a date: write it as YYYY-MM-DD");
        }
    }
}
