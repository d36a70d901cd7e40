package fi.vuoro.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Open TCP connections of this process, from Linux's socket tables (the network namespace's, narrowed to the sockets
 * among this process's file descriptors, as other processes' sockets may happen to have the same port numbers):
 * what a client of this JVM keeps alive to a server.
 */
public final class LoopbackConnections {

    private static final String ESTABLISHED = "01";

    private LoopbackConnections() {
    }

    /** The established connections of this process whose remote end is {@code port}: the clients' side of them. */
    public static int establishedTo(int port) {
        String remotePort = String.format(":%04X", port);
        Set<String> ownSockets = ownSocketInodes();
        int open = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(path)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && fields[2].endsWith(remotePort) && fields[3].equals(ESTABLISHED)
                            && fields.length > 9 && ownSockets.contains(fields[9])) {
                        open++;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + table, e);
            }
        }
        return open;
    }

    private static Set<String> ownSocketInodes() {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // A descriptor closed while listing is no open connection.
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list this process's file descriptors", e);
        }
        return inodes;
    }
}
