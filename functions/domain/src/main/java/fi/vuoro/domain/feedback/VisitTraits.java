package fi.vuoro.domain.feedback;

import java.util.Optional;

/**
 * What a visit's answers and tallies may be broken down by: topic, language and whether an interpreter was used.
 * Nothing in it points at a visitor.
 */
public record VisitTraits(Optional<String> topic, String language, boolean interpreterUsed) {
}
