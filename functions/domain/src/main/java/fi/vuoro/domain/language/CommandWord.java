package fi.vuoro.domain.language;

/**
 * What a visitor can ask for by SMS. Every language names each of these with its own keywords,
 * read from the {@code keyword.*} entries of its message file.
 */
public enum CommandWord {
    JOIN("keyword.join"),
    STATUS("keyword.status"),
    LEAVE("keyword.leave"),
    HELP("keyword.help"),
    LANGUAGE("keyword.language"),
    ERASE("keyword.erase");

    private final String propertyKey;

    CommandWord(String propertyKey) {
        this.propertyKey = propertyKey;
    }

    /** The message file entry that lists this command's keywords, e.g. {@code keyword.join}. */
    public String propertyKey() {
        return propertyKey;
    }
}
