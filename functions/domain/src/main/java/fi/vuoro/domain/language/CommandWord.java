package fi.vuoro.domain.language;

import static fi.vuoro.domain.language.Audience.INTERPRETER;
import static fi.vuoro.domain.language.Audience.VISITOR;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What someone can ask for by SMS. Every language names each of these with its own keywords, read from the
 * {@code keyword.*} entries of its message file. Each command belongs to the conversations of an
 * {@link Audience}; help and erasure belong to both, so that the same words work for everyone.
 */
public enum CommandWord {
    JOIN("keyword.join", VISITOR),
    STATUS("keyword.status", VISITOR),
    LEAVE("keyword.leave", VISITOR),
    HELP("keyword.help", VISITOR, INTERPRETER),
    LANGUAGE("keyword.language", VISITOR),
    ERASE("keyword.erase", VISITOR, INTERPRETER),
    /** Take an interpreting request: {@code YES 41}. */
    YES("keyword.yes", INTERPRETER),
    /** Turn an interpreting request down: {@code NO 41}. */
    NO("keyword.no", INTERPRETER),
    /** The interpreter has arrived at the site. */
    HERE("keyword.here", INTERPRETER),
    /** The interpreter can take requests today, all day or within hours: {@code IN 12-16}. */
    AVAILABLE("keyword.available", INTERPRETER),
    /** The interpreter takes no requests today. */
    AWAY("keyword.away", INTERPRETER);

    private final String propertyKey;
    private final Set<Audience> audiences;

    CommandWord(String propertyKey, Audience first, Audience... more) {
        this.propertyKey = propertyKey;
        this.audiences = Collections.unmodifiableSet(EnumSet.of(first, more));
    }

    /** The message file entry that lists this command's keywords, e.g. {@code keyword.join}. */
    public String propertyKey() {
        return propertyKey;
    }

    /** Whether this command is one the audience's conversation understands. */
    public boolean isFor(Audience audience) {
        return audiences.contains(audience);
    }

    /** The commands of one audience's conversation, in declaration order. */
    public static Set<CommandWord> of(Audience audience) {
        EnumSet<CommandWord> commands = EnumSet.noneOf(CommandWord.class);
        for (CommandWord command : values()) {
            if (command.isFor(audience)) {
                commands.add(command);
            }
        }
        return Collections.unmodifiableSet(commands);
    }
}
