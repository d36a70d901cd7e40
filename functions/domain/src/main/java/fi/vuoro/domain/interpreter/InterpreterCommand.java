package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.language.PlaceholderLimits;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** What an interpreter's SMS asks for. */
public sealed interface InterpreterCommand {

    /**
     * Take an interpreting request.
     *
     * @param offer the request's number from the offer SMS ({@code YES 41}); empty when none was given, which is
     *              enough while only one request is open to the interpreter
     */
    record Yes(OptionalInt offer) implements InterpreterCommand {
        public Yes {
            requireOfferNumber(offer);
        }
    }

    /**
     * Turn an interpreting request down.
     *
     * @param offer the request's number from the offer SMS ({@code NO 41}); empty when none was given
     */
    record No(OptionalInt offer) implements InterpreterCommand {
        public No {
            requireOfferNumber(offer);
        }
    }

    /** I have arrived at the site. */
    record Here() implements InterpreterCommand {
    }

    /**
     * I can take requests today.
     *
     * @param window the hours given ({@code IN 12-16}); empty for the whole day
     */
    record Available(Optional<TimeWindow> window) implements InterpreterCommand {
        public Available {
            Objects.requireNonNull(window, "window");
        }
    }

    /** I take no requests today. */
    record Away() implements InterpreterCommand {
    }

    /** Which words can I send? */
    record Help() implements InterpreterCommand {
    }

    /** Delete my interpreter details and send me nothing more: the visitors' erasure words, carrier opt-outs among them. */
    record Erase() implements InterpreterCommand {
    }

    /** Nothing recognisable, including a keyword followed by something that cannot be read (YES 150, IN 16-12). */
    record Unknown() implements InterpreterCommand {
    }

    private static void requireOfferNumber(OptionalInt offer) {
        Objects.requireNonNull(offer, "offer");
        if (offer.isPresent() && (offer.getAsInt() < 1 || offer.getAsInt() > PlaceholderLimits.MAX_OFFER)) {
            throw new IllegalArgumentException("Offers are numbered 1 to " + PlaceholderLimits.MAX_OFFER + ", not "
                    + offer.getAsInt());
        }
    }
}
