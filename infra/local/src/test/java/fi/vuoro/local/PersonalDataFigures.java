package fi.vuoro.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The figures of the personal-data tests: one line each on stdout and in {@code target/reliability.txt}. */
public final class PersonalDataFigures {

    private static final Path FILE = Path.of("target", "reliability.txt");

    private PersonalDataFigures() {
    }

    public static synchronized void print(String figures) {
        String line = "[reliability] " + figures;
        System.out.println(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
