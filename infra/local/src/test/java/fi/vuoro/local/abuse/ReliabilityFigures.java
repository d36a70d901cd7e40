package fi.vuoro.local.abuse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A test's figures: one line on standard output, and the same line appended to target/reliability.txt. */
final class ReliabilityFigures {

    private ReliabilityFigures() {
    }

    static void report(String figures) {
        String line = "[reliability] " + figures;
        System.out.println(line);
        try {
            Path file = Path.of("target", "reliability.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
