package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.interpreter.InterpreterService.Answer;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.sms.Conversation;
import fi.vuoro.domain.sms.Reply;
import fi.vuoro.domain.sms.SmsTurn;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An interpreter's SMS conversation: answer an offer (YES 7 / NO 7, or a bare YES or NO with one open offer), say
 * they arrived (HERE), when they are available today (IN, IN 12-16) or away (OUT), ask for help, or be removed
 * (STOP). Replies go in the interpreter's language, or the language of the words they used.
 */
public final class InterpreterConversation implements Conversation {

    private static final Logger LOG = LoggerFactory.getLogger(InterpreterConversation.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final InterpreterDirectory directory;
    private final InterpreterService service;
    private final MessageCatalogue catalogue;
    private final InterpreterCommandParser parser;

    public InterpreterConversation(InterpreterDirectory directory, InterpreterService service,
                                   MessageCatalogue catalogue) {
        this.directory = directory;
        this.service = service;
        this.catalogue = catalogue;
        this.parser = new InterpreterCommandParser(catalogue);
    }

    /** Every interpreter's message may change an offer or their day: its answer is remembered. */
    @Override
    public Reply respond(SmsTurn turn) {
        return Reply.toRemember(answer(turn));
    }

    private String answer(SmsTurn turn) {
        Interpreter interpreter = directory.findByPhoneHash(turn.phoneHash())
                .orElseThrow(() -> new InterpreterConflictException("The interpreter is no longer registered"));
        Optional<Language> own = catalogue.language(interpreter.language());
        ParsedInterpreterCommand parsed = parser.parse(turn.body(), own);
        Language in = parsed.keywordLanguage().or(() -> own).orElse(catalogue.fallbackLanguage());
        InterpreterCommand command = parsed.command();
        LOG.info("Interpreter command {} from interpreter {}", command.getClass().getSimpleName(), interpreter.id());
        if (command instanceof InterpreterCommand.Yes yes) {
            return answer(in, service.yes(interpreter, yes.offer(), turn.now()));
        }
        if (command instanceof InterpreterCommand.No no) {
            return answer(in, service.no(interpreter, no.offer(), turn.now()));
        }
        if (command instanceof InterpreterCommand.Here) {
            return answer(in, service.here(interpreter, turn.now()));
        }
        if (command instanceof InterpreterCommand.Available available) {
            return available(in, interpreter, available, turn);
        }
        if (command instanceof InterpreterCommand.Away) {
            service.availableToday(interpreter, new AvailabilityToday(turn.now().atZone(Site.ZONE).toLocalDate(),
                    false, Optional.empty()));
            return render(in, MessageKey.INTERPRETER_AWAY, Map.of());
        }
        if (command instanceof InterpreterCommand.Help) {
            return render(in, MessageKey.INTERPRETER_HELP, Map.of());
        }
        if (command instanceof InterpreterCommand.Erase) {
            service.remove(interpreter, turn.now());
            return render(in, MessageKey.INTERPRETER_ERASED, Map.of());
        }
        return render(in, MessageKey.INTERPRETER_UNKNOWN, Map.of());
    }

    private String available(Language in, Interpreter interpreter, InterpreterCommand.Available available,
                             SmsTurn turn) {
        service.availableToday(interpreter, new AvailabilityToday(turn.now().atZone(Site.ZONE).toLocalDate(), true,
                available.window()));
        LocalTime from = available.window().map(TimeWindow::from)
                .orElse(turn.now().atZone(Site.ZONE).toLocalTime().withSecond(0).withNano(0));
        String to = available.window().map(w -> TIME.format(w.to())).orElse("24:00");
        return render(in, MessageKey.INTERPRETER_AVAILABLE, Map.of("from", TIME.format(from), "to", to));
    }

    private String answer(Language in, Answer answer) {
        if (answer instanceof Answer.Confirmed confirmed) {
            return confirmedText(in, confirmed);
        }
        if (answer instanceof Answer.Declined) {
            return render(in, MessageKey.INTERPRETER_DECLINED, Map.of());
        }
        if (answer instanceof Answer.Arrived) {
            return render(in, MessageKey.INTERPRETER_ARRIVED, Map.of());
        }
        if (answer instanceof Answer.Taken taken) {
            return render(in, MessageKey.INTERPRETER_TAKEN, Map.of(
                    "language", catalogue.languageName(in, taken.request().language()), "site", taken.site().name()));
        }
        if (answer instanceof Answer.NotNeeded notNeeded && notNeeded.request() != null) {
            return render(in, MessageKey.INTERPRETER_NOT_NEEDED, Map.of(
                    "language", catalogue.languageName(in, notNeeded.request().language()),
                    "site", notNeeded.site().name(), "code", notNeeded.request().ticketCode()));
        }
        if (answer instanceof Answer.WhichOffer which) {
            return render(in, MessageKey.INTERPRETER_WHICH_OFFER, Map.of("offer", Integer.toString(which.exampleCode())));
        }
        if (answer instanceof Answer.NothingConfirmed) {
            return render(in, MessageKey.INTERPRETER_NOT_CONFIRMED, Map.of());
        }
        return render(in, MessageKey.INTERPRETER_NO_OFFER, Map.of());
    }

    /** The confirmation goes out by SMS as well; the reply says the same, so a reader of either knows. */
    private String confirmedText(Language in, Answer.Confirmed confirmed) {
        InterpreterRequest request = confirmed.request();
        Map<String, String> values = Map.of(
                "language", catalogue.languageName(in, request.language()),
                "site", confirmed.site().name(),
                "code", request.ticketCode(),
                "time", TIME.format(request.expectedAt().atZone(Site.ZONE)));
        return confirmed.site().interpreting().readyOnConfirmation()
                ? render(in, MessageKey.INTERPRETER_CONFIRMED_REMOTE, values)
                : render(in, MessageKey.INTERPRETER_CONFIRMED, values);
    }

    private String render(Language in, MessageKey key, Map<String, String> values) {
        return catalogue.render(in, key, values);
    }
}
