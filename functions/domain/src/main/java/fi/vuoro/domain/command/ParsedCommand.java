package fi.vuoro.domain.command;

import fi.vuoro.domain.language.Language;
import java.util.Objects;
import java.util.Optional;

/**
 * A visitor's command and the language it was written in.
 *
 * @param command         what the visitor asks for
 * @param keywordLanguage the language of the keyword that matched; empty for {@link Command.Unknown}
 *                        and {@link Command.MenuChoice}, which have no keyword
 */
public record ParsedCommand(Command command, Optional<Language> keywordLanguage) {

    public ParsedCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(keywordLanguage, "keywordLanguage");
    }

    static ParsedCommand withoutKeyword(Command command) {
        return new ParsedCommand(command, Optional.empty());
    }
}
