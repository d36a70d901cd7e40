package fi.vuoro.domain.language;

import static fi.vuoro.domain.language.Audience.INTERPRETER;
import static fi.vuoro.domain.language.Audience.VISITOR;
import static fi.vuoro.domain.language.CommandWord.AVAILABLE;
import static fi.vuoro.domain.language.CommandWord.AWAY;
import static fi.vuoro.domain.language.CommandWord.ERASE;
import static fi.vuoro.domain.language.CommandWord.HERE;
import static fi.vuoro.domain.language.CommandWord.JOIN;
import static fi.vuoro.domain.language.CommandWord.LANGUAGE;
import static fi.vuoro.domain.language.CommandWord.LEAVE;
import static fi.vuoro.domain.language.CommandWord.NO;
import static fi.vuoro.domain.language.CommandWord.STATUS;
import static fi.vuoro.domain.language.CommandWord.YES;
import static fi.vuoro.domain.language.Placeholder.CODE;
import static fi.vuoro.domain.language.Placeholder.DESK;
import static fi.vuoro.domain.language.Placeholder.FROM;
import static fi.vuoro.domain.language.Placeholder.LINK;
import static fi.vuoro.domain.language.Placeholder.OFFER;
import static fi.vuoro.domain.language.Placeholder.OPENS;
import static fi.vuoro.domain.language.Placeholder.POSITION;
import static fi.vuoro.domain.language.Placeholder.SITE;
import static fi.vuoro.domain.language.Placeholder.TIME;
import static fi.vuoro.domain.language.Placeholder.TO;
import static fi.vuoro.domain.language.Placeholder.WAIT_MAX;
import static fi.vuoro.domain.language.Placeholder.WAIT_MIN;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every message Vuoro sends by SMS. Each key declares who reads it, the placeholders its text may use and the
 * commands whose keyword the text must name, so that loading can reject a translation that tells its reader to
 * send a word their conversation would not understand.
 */
public enum MessageKey {
    JOINED("joined", VISITOR, names(STATUS, LEAVE), SITE, CODE, POSITION, WAIT_MIN, WAIT_MAX),
    JOINED_NEXT("joined.next", VISITOR, names(STATUS, LEAVE), SITE, CODE),
    STATUS_WAITING("status.waiting", VISITOR, names(LEAVE), CODE, POSITION, WAIT_MIN, WAIT_MAX),
    STATUS_NEXT("status.next", VISITOR, names(), CODE),
    STATUS_CALLED("status.called", VISITOR, names(), CODE, DESK),
    COME_BACK("come.back", VISITOR, names(LEAVE), SITE, CODE, POSITION),
    NO_SHOW("no.show", VISITOR, names(JOIN), CODE),
    NOT_IN_QUEUE("status.none", VISITOR, names(JOIN)),
    LEFT("left", VISITOR, names(JOIN), CODE),
    CLOSED("closed", VISITOR, names(JOIN), SITE, OPENS),
    CLOSED_NO_HOURS("closed.nohours", VISITOR, names(), SITE),
    /** The site has given the most tickets a day can have: no number until the next service day. */
    DAY_FULL("queue.full", VISITOR, names(), SITE),
    HELP("help", VISITOR, names(JOIN, STATUS, LEAVE, LANGUAGE, ERASE), SITE),
    UNKNOWN("unknown", VISITOR, names(JOIN, STATUS, LEAVE, CommandWord.HELP)),
    LANGUAGE_CHANGED("language.changed", VISITOR, names(CommandWord.HELP)),
    ERASED("erased", VISITOR, names(JOIN)),
    TRY_AGAIN("error.retry", VISITOR, names()),
    NUMBER_NOT_IN_USE("site.unknown", VISITOR, names()),
    /** The visitor waits without the interpreter they needed: no interpreter took the request. */
    NO_INTERPRETER("visitor.no.interpreter", VISITOR, names(), Placeholder.LANGUAGE, CODE),
    /**
     * Sent once when a visit is marked served: the link to the feedback form, and that a digit 1-5 sent back
     * answers the form's first question (was the visitor helped), 5 being best.
     */
    FEEDBACK_INVITE("feedback.invite", VISITOR, names(), once(LINK), SITE),
    /** The reply to that digit. */
    FEEDBACK_THANKS("feedback.thanks", VISITOR, names()),
    /** JOIN at a site with several topics and none named: which one, by number (or by its word). */
    TOPIC_MENU("topic.menu", VISITOR, names(), Placeholder.TOPICS),

    /** A request offered to an interpreter who speaks the language; {offer} is the number to answer by. */
    INTERPRETER_OFFER("interpreter.offer", INTERPRETER, names(YES, NO), Placeholder.LANGUAGE, SITE, TIME, OFFER),
    INTERPRETER_CONFIRMED("interpreter.confirmed", INTERPRETER, names(HERE), Placeholder.LANGUAGE, SITE, CODE, TIME),
    /** Confirmed for interpreting by phone or video: there is nowhere to arrive, the desk is texted later. */
    INTERPRETER_CONFIRMED_REMOTE("interpreter.confirmed.remote", INTERPRETER, names(), Placeholder.LANGUAGE, SITE, CODE),
    /** Someone else answered YES first. */
    INTERPRETER_TAKEN("interpreter.taken", INTERPRETER, names(), Placeholder.LANGUAGE, SITE),
    /** The visitor left, was served or no longer needs the interpreter the interpreter had taken or been offered. */
    INTERPRETER_NOT_NEEDED("interpreter.not.needed", INTERPRETER, names(), Placeholder.LANGUAGE, SITE, CODE),
    /** The visitor is called and a desk is ready: the interpreter's turn to go there. */
    INTERPRETER_DESK("interpreter.desk", INTERPRETER, names(), SITE, CODE, DESK),
    INTERPRETER_DECLINED("interpreter.declined", INTERPRETER, names()),
    INTERPRETER_NO_OFFER("interpreter.no.offer", INTERPRETER, names()),
    /** YES without a number while several requests are open to the interpreter. */
    INTERPRETER_WHICH_OFFER("interpreter.which.offer", INTERPRETER, names(YES), OFFER),
    INTERPRETER_ARRIVED("interpreter.arrived", INTERPRETER, names()),
    /** HERE from an interpreter who has taken no request today. */
    INTERPRETER_NOT_CONFIRMED("interpreter.not.confirmed", INTERPRETER, names()),
    INTERPRETER_AVAILABLE("interpreter.available", INTERPRETER, names(), FROM, TO),
    INTERPRETER_AWAY("interpreter.away", INTERPRETER, names(AVAILABLE)),
    INTERPRETER_HELP("interpreter.help", INTERPRETER, names(YES, NO, HERE, AVAILABLE, AWAY)),
    INTERPRETER_UNKNOWN("interpreter.unknown", INTERPRETER, names(CommandWord.HELP)),
    INTERPRETER_ERASED("interpreter.erased", INTERPRETER, names());

    private final String key;
    private final Audience audience;
    private final Set<CommandWord> namedCommands;
    private final List<Placeholder> placeholders;
    private final Set<Placeholder> requiredOnce;

    MessageKey(String key, Audience audience, Set<CommandWord> namedCommands, Placeholder... placeholders) {
        this(key, audience, namedCommands, Set.of(), placeholders);
    }

    MessageKey(String key, Audience audience, Set<CommandWord> namedCommands, Set<Placeholder> requiredOnce,
               Placeholder... optional) {
        for (CommandWord command : namedCommands) {
            if (!command.isFor(audience)) {
                throw new IllegalArgumentException(key + " names " + command + ", which is no command of its reader ("
                        + audience + ")");
            }
        }
        this.key = key;
        this.audience = audience;
        this.namedCommands = namedCommands;
        List<Placeholder> all = new ArrayList<>(Arrays.asList(optional));
        all.addAll(requiredOnce);
        this.placeholders = List.copyOf(all);
        this.requiredOnce = requiredOnce;
    }

    /** The entry name in the message files, e.g. {@code joined.next}. */
    public String key() {
        return key;
    }

    /** Who reads the message, and so whose conversation must understand the words it names. */
    public Audience audience() {
        return audience;
    }

    /** The placeholders this message may use; a text need not use all of them, except {@link #requiredOnce()}. */
    public List<Placeholder> placeholders() {
        return placeholders;
    }

    public boolean allows(String placeholderId) {
        return placeholders.stream().anyMatch(placeholder -> placeholder.id().equals(placeholderId));
    }

    /** Whether the message may carry this placeholder. */
    public boolean allows(Placeholder placeholder) {
        return placeholders.contains(placeholder);
    }

    /** The commands whose shown keyword (the first one listed) every translation must mention. */
    public Set<CommandWord> namedCommands() {
        return namedCommands;
    }

    /**
     * The placeholders every translation must use exactly once: what the message exists to deliver (the form's
     * link), which a text may neither leave out nor pay for twice.
     */
    public Set<Placeholder> requiredOnce() {
        return requiredOnce;
    }

    private static Set<CommandWord> names(CommandWord... commands) {
        return setOf(CommandWord.class, commands);
    }

    private static Set<Placeholder> once(Placeholder... placeholders) {
        return setOf(Placeholder.class, placeholders);
    }

    @SafeVarargs
    private static <E extends Enum<E>> Set<E> setOf(Class<E> type, E... values) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(Arrays.asList(values));
        return Collections.unmodifiableSet(set);
    }
}
