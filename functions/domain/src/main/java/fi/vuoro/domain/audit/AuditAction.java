package fi.vuoro.domain.audit;

import java.util.Arrays;

/** What a member of staff did, as the audit trail names it: the code is what the API and the table carry. */
public enum AuditAction {
    CALL("call"),
    RECALL("recall"),
    SERVED("served"),
    NO_SHOW("no-show"),
    REQUEUE("requeue"),
    REMOVE("remove"),
    WALK_IN("walk-in"),
    DESK_OPENED("desk-opened"),
    DESK_CLOSED("desk-closed"),
    INTERPRETER_REQUESTED("interpreter-requested"),
    INTERPRETER_CANCELLED("interpreter-cancelled"),
    INTERPRETER_ARRIVED("interpreter-arrived"),
    FEEDBACK_CARD_PRINTED("feedback-card-printed"),
    SETTINGS_CHANGE("settings-change"),
    ACCOUNT_CHANGE("account-change");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static AuditAction ofCode(String code) {
        return Arrays.stream(values()).filter(action -> action.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No audit action " + code));
    }
}
