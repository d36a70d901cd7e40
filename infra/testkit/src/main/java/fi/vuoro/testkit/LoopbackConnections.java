package fi.vuoro.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Open TCP connections on this machine, from Linux's socket tables: what a client keeps alive to a server. */
public final class LoopbackConnections {

    private static final String ESTABLISHED = "01";

    private LoopbackConnections() {
    }

    /** The established connections whose remote end is {@code port}: the clients' side of them. */
    public static int establishedTo(int port) {
        String remotePort = String.format(":%04X", port);
        int open = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(path)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && fields[2].endsWith(remotePort) && fields[3].equals(ESTABLISHED)) {
                        open++;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + table, e);
            }
        }
        return open;
    }
}
