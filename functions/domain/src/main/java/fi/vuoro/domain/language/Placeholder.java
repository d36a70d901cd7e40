package fi.vuoro.domain.language;

/** The values a message may carry, written {@code {id}} in the message files. */
public enum Placeholder {
    SITE("site"),
    CODE("code"),
    POSITION("position"),
    WAIT_MIN("waitMin"),
    WAIT_MAX("waitMax"),
    OPENS("opens"),
    DESK("desk"),
    /** A language's name as the message's language writes it (see {@link MessageCatalogue#languageName}). */
    LANGUAGE("language"),
    /** A time of day, {@code HH:mm}. */
    TIME("time"),
    /** The number an interpreter answers a request by: {@code YES 41}. */
    OFFER("offer"),
    /** The start of an interpreter's hours, {@code HH:mm}. */
    FROM("from"),
    /** The end of an interpreter's hours, {@code HH:mm}. */
    TO("to"),
    /** The address of a visitor's feedback form. */
    LINK("link"),
    /** The numbered lines of the topic menu, {@code 1 Kela benefits} ..., fitted by the menu to two segments. */
    TOPICS("topics");

    private final String id;

    Placeholder(String id) {
        this.id = id;
    }

    /** The name used between braces in the message files and as the key of render values. */
    public String id() {
        return id;
    }
}
