package fi.vuoro.domain.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** docs/keywords.md must show the keywords exactly as the message files have them. */
class KeywordsDocumentationTest {

    private static final MessageCatalogue CATALOGUE = MessageCatalogue.loadDefault();

    @Test
    void keywordsDocument_shouldMatchTheMessageFiles() throws IOException {
        assertTablesMatch(KeywordTableMarkdown.render(CATALOGUE), KeywordTableMarkdown.START, KeywordTableMarkdown.END);
    }

    @Test
    void keywordsDocument_shouldShowTheInterpretersWordsAndLanguageNamesOfTheMessageFiles() throws IOException {
        assertTablesMatch(KeywordTableMarkdown.renderInterpreters(CATALOGUE),
                KeywordTableMarkdown.INTERPRETERS_START, KeywordTableMarkdown.INTERPRETERS_END);
    }

    private static void assertTablesMatch(String expected, String startMarker, String endMarker) throws IOException {
        Optional<Path> document = findDocument();
        Assumptions.assumeTrue(document.isPresent(), "docs/keywords.md is not part of this checkout");
        String text = Files.readString(document.get(), StandardCharsets.UTF_8);

        int start = text.indexOf(startMarker);
        int end = text.indexOf(endMarker);
        assertTrue(start >= 0 && end > start, "docs/keywords.md lost its generated-table markers; put back:\n" + expected);
        assertEquals(expected, text.substring(start, end + endMarker.length()),
                "docs/keywords.md is out of date; replace its tables with:\n" + expected);
    }

    /** The module is built from its own directory; the document sits at the repository root. */
    private static Optional<Path> findDocument() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("keywords.md");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
