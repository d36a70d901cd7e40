package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.language.CommandWord;

/** Which parsed command each interpreter's keyword list must produce. */
final class InterpreterCommandWords {

    private InterpreterCommandWords() {
    }

    static Class<? extends InterpreterCommand> commandType(CommandWord word) {
        return switch (word) {
            case YES -> InterpreterCommand.Yes.class;
            case NO -> InterpreterCommand.No.class;
            case HERE -> InterpreterCommand.Here.class;
            case AVAILABLE -> InterpreterCommand.Available.class;
            case AWAY -> InterpreterCommand.Away.class;
            case HELP -> InterpreterCommand.Help.class;
            case ERASE -> InterpreterCommand.Erase.class;
            case JOIN, STATUS, LEAVE, LANGUAGE -> throw new IllegalArgumentException(word + " is no interpreter's command");
        };
    }
}
