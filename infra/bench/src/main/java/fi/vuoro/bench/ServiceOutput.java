package fi.vuoro.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends what the services print (JSON log lines, DynamoDB Local's banner) to a file while a benchmark runs,
 * so the report holds only figures. Logging still costs what it costs: only its destination changes.
 */
final class ServiceOutput {

    interface Body {
        void run() throws Exception;
    }

    private ServiceOutput() {
    }

    static void redirectedTo(Path file, Body body) throws Exception {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        Files.createDirectories(file.getParent());
        try (PrintStream log = new PrintStream(Files.newOutputStream(file), true, "UTF-8")) {
            System.setOut(log);
            System.setErr(log);
            try {
                body.run();
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
            }
        }
    }
}
