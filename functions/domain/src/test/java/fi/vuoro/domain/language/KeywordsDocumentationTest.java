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

    @Test
    void keywordsDocument_shouldMatchTheMessageFiles() throws IOException {
        Optional<Path> document = findDocument();
        Assumptions.assumeTrue(document.isPresent(), "docs/keywords.md is not part of this checkout");
        String text = Files.readString(document.get(), StandardCharsets.UTF_8);
        String expected = KeywordTableMarkdown.render(MessageCatalogue.loadDefault());

        int start = text.indexOf(KeywordTableMarkdown.START);
        int end = text.indexOf(KeywordTableMarkdown.END);
        assertTrue(start >= 0 && end > start, "docs/keywords.md lost its generated-table markers; put back:\n" + expected);
        assertEquals(expected, text.substring(start, end + KeywordTableMarkdown.END.length()),
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
