package fi.vuoro.domain.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageFileDiscoveryTest {

    @TempDir
    Path temp;

    private final List<Language> expected = MessageCatalogue.loadDefault().languages();

    @Test
    void load_shouldFindEveryLanguage_whenFilesAreInADirectoryOnTheClassPath() throws IOException {
        MessageCatalogue catalogue = MessageFileFixture.loadFrom(temp, MessageFileFixture.realFiles());

        assertEquals(expected, catalogue.languages());
    }

    @Test
    void load_shouldFindEveryLanguage_whenFilesAreInsideAJar() throws IOException {
        Path jar = MessageFileFixture.writeJar(temp.resolve("vuoro.jar"), MessageFileFixture.realFiles(), true);

        try (URLClassLoader loader = MessageFileFixture.isolatedLoader(jar)) {
            assertEquals(expected, MessageCatalogue.load(loader).languages());
        }
    }

    @Test
    void load_shouldFindEveryLanguage_whenTheJarHasNoDirectoryEntries() throws IOException {
        Path jar = MessageFileFixture.writeJar(temp.resolve("shaded.jar"), MessageFileFixture.realFiles(), false);

        try (URLClassLoader loader = MessageFileFixture.isolatedLoader(jar)) {
            assertEquals(expected, MessageCatalogue.load(loader).languages());
        }
    }

    @Test
    void theIndex_shouldListExactlyTheMessageFilesOfItsDirectory() throws IOException {
        List<String> indexed = Files.readAllLines(MessageFileFixture.messagesDirectory().resolve(MessageFileLocator.INDEX));

        assertEquals(List.copyOf(MessageFileFixture.realFiles().keySet()), indexed.stream().sorted().toList(),
                "messages/index.txt must name every message file, one a line");
    }

    @Test
    void load_shouldReadTheIndexInsteadOfListingTheJar_whenTheJarCarriesOne() throws IOException {
        Map<String, String> files = new TreeMap<>(MessageFileFixture.realFiles());
        files.put(MessageFileLocator.INDEX, String.join("\n", MessageFileFixture.realFiles().keySet()) + "\n");
        files.put("xx.properties", "language.code=xx\n");
        Path jar = MessageFileFixture.writeJar(temp.resolve("indexed.jar"), files, false);

        try (URLClassLoader loader = MessageFileFixture.isolatedLoader(jar)) {
            assertEquals(expected, MessageCatalogue.load(loader).languages());
        }
    }

    @Test
    void load_shouldAddALanguage_whenAnotherJarBringsOnlyItsFile() throws IOException {
        Map<String, String> files = new TreeMap<>(MessageFileFixture.realFiles());
        String extra = MessageFileFixture.withEntry(files.get("sv.properties"), "language.code", "xx");
        extra = MessageFileFixture.withEntry(extra, "language.order", "99");
        extra = MessageFileFixture.withEntry(extra, "language.name", "Xx");
        extra = MessageFileFixture.withEntry(extra, "language.aliases", "XXX");
        Path base = MessageFileFixture.writeJar(temp.resolve("base.jar"), files, true);
        Path pack = MessageFileFixture.writeJar(temp.resolve("pack.jar"), Map.of("xx.properties", extra), true);

        try (URLClassLoader loader = MessageFileFixture.isolatedLoader(base, pack)) {
            List<Language> languages = MessageCatalogue.load(loader).languages();
            assertEquals(expected.size() + 1, languages.size());
            assertEquals("xx", languages.get(languages.size() - 1).code());
        }
    }

    @Test
    void load_shouldIgnoreAFile_whenItDeclaresNoLanguage() throws IOException {
        Map<String, String> files = new TreeMap<>(MessageFileFixture.realFiles());
        files.put("errors.properties", "some.library.message=Not ours\n");

        assertEquals(expected, MessageFileFixture.loadFrom(temp, files).languages());
    }

    @Test
    void load_shouldFail_whenNoMessageFilesAreOnTheClassPath() throws IOException {
        try (URLClassLoader loader = MessageFileFixture.isolatedLoader(temp)) {
            assertThrows(MessageCatalogueException.class, () -> MessageCatalogue.load(loader));
        }
    }
}
