package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.language.Language;
import java.util.Objects;
import java.util.Optional;

/**
 * An interpreter's command and the language it was written in.
 *
 * @param command         what the interpreter asks for
 * @param keywordLanguage the language of the keyword that started the text; empty when none did. An
 *                        {@link InterpreterCommand.Unknown} that began with a keyword keeps its language, so
 *                        the reply can be in the language the interpreter just wrote in.
 */
public record ParsedInterpreterCommand(InterpreterCommand command, Optional<Language> keywordLanguage) {

    public ParsedInterpreterCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(keywordLanguage, "keywordLanguage");
    }

    static ParsedInterpreterCommand withoutKeyword() {
        return new ParsedInterpreterCommand(new InterpreterCommand.Unknown(), Optional.empty());
    }
}
