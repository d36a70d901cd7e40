package fi.vuoro.domain.staff;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.queue.Desk;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.Topic;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What staff type, checked for size and shape before anything is read or written: a walk-in's name, a language,
 * a topic (one of the site's own), a desk label. A refusal names the field and never repeats more than a short
 * piece of what was typed.
 */
public final class StaffInput {

    public static final int MAX_WALK_IN_NAME = 40;
    private static final int ECHO = 24;

    private final MessageCatalogue catalogue;

    public StaffInput(MessageCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A walk-in's name or initials: 1 to 40 characters, no control characters. */
    public String walkInName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw invalid("name", "a walk-in needs a name or initials");
        }
        if (clean.length() > MAX_WALK_IN_NAME) {
            throw invalid("name", "keep a walk-in's name to at most " + MAX_WALK_IN_NAME + " characters");
        }
        if (clean.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid("name", "a name cannot hold control characters");
        }
        return clean;
    }

    /** The code of a language visitors are served in, e.g. {@code ar}. */
    public String language(String language) {
        if (language == null || language.isBlank()) {
            throw invalid("language", "give the visitor's language, e.g. \"fi\" or \"ar\"");
        }
        String code = language.strip().toLowerCase(Locale.ROOT);
        return catalogue.language(code).orElseThrow(() -> invalid("language", "unknown language \"" + echo(code)
                + "\"; known: " + catalogue.languages().stream().map(l -> l.code()).collect(Collectors.joining(", "))))
                .code();
    }

    /** One of the site's topics, as the site names it; empty when none was given. */
    public Optional<String> topic(Optional<String> topic, Site site) {
        if (topic.isEmpty() || topic.get().isBlank()) {
            return Optional.empty();
        }
        String named = topic.get().strip().toUpperCase(Locale.ROOT);
        return Optional.of(site.topic(named).orElseThrow(() -> invalid("topic", site.topics().isEmpty()
                ? "this site has no topics" : "\"" + echo(named) + "\" is not one of this site's topics ("
                + site.topics().stream().map(Topic::word).collect(Collectors.joining(", ")) + ")")).word());
    }

    /** A desk label: 1 to 5 letters, digits, spaces or dashes. */
    public String desk(String desk) {
        String label = desk == null ? "" : desk.strip();
        if (label.isEmpty() || label.length() > Desk.MAX_LABEL_LENGTH || !label.matches("[\\p{L}\\p{N} -]+")) {
            throw invalid("desk", "a desk is named by 1-" + Desk.MAX_LABEL_LENGTH + " letters or digits");
        }
        return label;
    }

    private static StaffRequestException invalid(String field, String message) {
        return StaffRequestException.invalid(field + ": " + message);
    }

    private static String echo(String typed) {
        return typed.length() <= ECHO ? typed : typed.substring(0, ECHO) + "…";
    }
}
