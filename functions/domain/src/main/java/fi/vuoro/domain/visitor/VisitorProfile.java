package fi.vuoro.domain.visitor;

/** What Vuoro remembers about a visitor beyond their tickets: only the language they chose. */
public record VisitorProfile(String phoneHash, String language) {
}
