package fi.vuoro.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A test's figure: printed as one {@code [reliability] } line and appended to target/reliability.txt. */
public final class ReliabilityLine {

    private ReliabilityLine() {
    }

    public static void report(String figures) {
        String line = "[reliability] " + figures;
        System.out.println(line);
        try {
            Path file = Path.of("target", "reliability.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
