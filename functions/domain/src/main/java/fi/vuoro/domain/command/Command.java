package fi.vuoro.domain.command;

import fi.vuoro.domain.language.Language;
import java.util.Objects;
import java.util.Optional;

/** What a visitor's SMS asks for. */
public sealed interface Command {

    /**
     * Join the queue.
     *
     * @param language a language named after the keyword ({@code JONO AR}), if any
     * @param topic    the rest of the text after the keyword and language, normalized; empty if nothing is left
     */
    record Join(Optional<Language> language, Optional<String> topic) implements Command {
        public Join {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(topic, "topic");
        }
    }

    /** Where am I in the queue? */
    record Status() implements Command {
    }

    /** Leave the queue. */
    record Leave() implements Command {
    }

    /** Which words can I send? */
    record Help() implements Command {
    }

    /**
     * Reply to me in another language.
     *
     * @param language the language named after the keyword; empty when none or an unknown one was named
     */
    record ChangeLanguage(Optional<Language> language) implements Command {
        public ChangeLanguage {
            Objects.requireNonNull(language, "language");
        }
    }

    /** Delete everything about me and send me nothing more. */
    record Erase() implements Command {
    }

    /**
     * The whole text is a number: a choice from the language menu.
     *
     * @param number 1 to 99; whether a language has that number is for the catalogue to say
     */
    record MenuChoice(int number) implements Command {
        public MenuChoice {
            if (number < 1 || number > 99) {
                throw new IllegalArgumentException("Menu choices are 1 to 99, not " + number);
            }
        }
    }

    /** Nothing recognisable, including an empty message. */
    record Unknown() implements Command {
    }
}
