package fi.vuoro.domain.command;

import fi.vuoro.domain.language.CommandWord;

/** Which parsed command each visitor's keyword list must produce. */
final class CommandWords {

    private CommandWords() {
    }

    static Class<? extends Command> commandType(CommandWord word) {
        return switch (word) {
            case JOIN -> Command.Join.class;
            case STATUS -> Command.Status.class;
            case LEAVE -> Command.Leave.class;
            case HELP -> Command.Help.class;
            case LANGUAGE -> Command.ChangeLanguage.class;
            case ERASE -> Command.Erase.class;
            case YES, NO, HERE, AVAILABLE, AWAY -> throw new IllegalArgumentException(word + " is no visitor's command");
        };
    }
}
