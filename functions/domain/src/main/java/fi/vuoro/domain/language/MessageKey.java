package fi.vuoro.domain.language;

import static fi.vuoro.domain.language.CommandWord.ERASE;
import static fi.vuoro.domain.language.CommandWord.JOIN;
import static fi.vuoro.domain.language.CommandWord.LANGUAGE;
import static fi.vuoro.domain.language.CommandWord.LEAVE;
import static fi.vuoro.domain.language.CommandWord.STATUS;
import static fi.vuoro.domain.language.Placeholder.CODE;
import static fi.vuoro.domain.language.Placeholder.DESK;
import static fi.vuoro.domain.language.Placeholder.OPENS;
import static fi.vuoro.domain.language.Placeholder.POSITION;
import static fi.vuoro.domain.language.Placeholder.SITE;
import static fi.vuoro.domain.language.Placeholder.WAIT_MAX;
import static fi.vuoro.domain.language.Placeholder.WAIT_MIN;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every message a visitor can receive. Each key declares the placeholders its text may use and the
 * commands whose keyword the text must name, so that loading can reject a translation that tells
 * the visitor to send a word the parser would not understand.
 */
public enum MessageKey {
    JOINED("joined", names(STATUS, LEAVE), SITE, CODE, POSITION, WAIT_MIN, WAIT_MAX),
    JOINED_NEXT("joined.next", names(STATUS, LEAVE), SITE, CODE),
    STATUS_WAITING("status.waiting", names(LEAVE), CODE, POSITION, WAIT_MIN, WAIT_MAX),
    STATUS_NEXT("status.next", names(), CODE),
    STATUS_CALLED("status.called", names(), CODE, DESK),
    COME_BACK("come.back", names(LEAVE), SITE, CODE, POSITION),
    NO_SHOW("no.show", names(JOIN), CODE),
    NOT_IN_QUEUE("status.none", names(JOIN)),
    LEFT("left", names(JOIN), CODE),
    CLOSED("closed", names(JOIN), SITE, OPENS),
    CLOSED_NO_HOURS("closed.nohours", names(), SITE),
    HELP("help", names(JOIN, STATUS, LEAVE, LANGUAGE, ERASE), SITE),
    UNKNOWN("unknown", names(JOIN, STATUS, LEAVE, CommandWord.HELP)),
    LANGUAGE_CHANGED("language.changed", names(CommandWord.HELP)),
    ERASED("erased", names(JOIN)),
    TRY_AGAIN("error.retry", names()),
    NUMBER_NOT_IN_USE("site.unknown", names());

    private final String key;
    private final Set<CommandWord> namedCommands;
    private final List<Placeholder> placeholders;

    MessageKey(String key, Set<CommandWord> namedCommands, Placeholder... placeholders) {
        this.key = key;
        this.namedCommands = namedCommands;
        this.placeholders = List.of(placeholders);
    }

    /** The entry name in the message files, e.g. {@code joined.next}. */
    public String key() {
        return key;
    }

    /** The placeholders this message may use; a text need not use all of them. */
    public List<Placeholder> placeholders() {
        return placeholders;
    }

    public boolean allows(String placeholderId) {
        return placeholders.stream().anyMatch(placeholder -> placeholder.id().equals(placeholderId));
    }

    /** The commands whose shown keyword (the first one listed) every translation must mention. */
    public Set<CommandWord> namedCommands() {
        return namedCommands;
    }

    private static Set<CommandWord> names(CommandWord... commands) {
        EnumSet<CommandWord> set = EnumSet.noneOf(CommandWord.class);
        set.addAll(Arrays.asList(commands));
        return Collections.unmodifiableSet(set);
    }
}
