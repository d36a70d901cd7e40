package fi.vuoro.domain.language;

/** The values a message may carry, written {@code {id}} in the message files. */
public enum Placeholder {
    SITE("site"),
    CODE("code"),
    POSITION("position"),
    WAIT_MIN("waitMin"),
    WAIT_MAX("waitMax"),
    OPENS("opens"),
    DESK("desk");

    private final String id;

    Placeholder(String id) {
        this.id = id;
    }

    /** The name used between braces in the message files and as the key of render values. */
    public String id() {
        return id;
    }
}
