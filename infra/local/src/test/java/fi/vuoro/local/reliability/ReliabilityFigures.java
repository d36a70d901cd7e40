package fi.vuoro.local.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A test's figures, one line each: on the console, and collected in the module's target/reliability.txt. */
final class ReliabilityFigures {

    private static final Path FILE = Path.of("target", "reliability.txt");

    private ReliabilityFigures() {
    }

    static synchronized void report(String figures) {
        String line = "[reliability] " + figures;
        System.out.println(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append the figures to " + FILE.toAbsolutePath(), e);
        }
    }
}
