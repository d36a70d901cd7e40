package fi.vuoro.domain.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A test's figures (inputs tried, cases checked, losses) as one {@code [reliability] } line: printed to the build's
 * console and appended to the module's {@code target/reliability.txt}, where the published figures are collected.
 */
public final class FigureLine {

    private FigureLine() {
    }

    public static synchronized void publish(String figures) {
        String line = "[reliability] " + figures;
        System.out.println(line);
        Path file = Path.of("target", "reliability.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
