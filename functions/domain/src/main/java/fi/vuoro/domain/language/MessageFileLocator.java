package fi.vuoro.domain.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the names of all {@code messages/*.properties} files on a class path, whether a root is a
 * directory (tests, local runs) or a jar (a deployed, shaded function). A class loader cannot list a
 * directory, so each root that holds message files is listed by itself, unless it carries an index
 * ({@code messages/index.txt}, one file name a line, checked against the directory by a test): the
 * domain module's does, so a deployed function reads eight names instead of walking its whole jar.
 */
final class MessageFileLocator {

    private static final Logger LOG = LoggerFactory.getLogger(MessageFileLocator.class);

    static final String DIRECTORY = "messages";
    static final String INDEX = "index.txt";
    private static final String SUFFIX = ".properties";

    private MessageFileLocator() {
    }

    /**
     * The resource paths of every message file, sorted. Roots are found twice over: through the
     * {@code messages} directory entry, and through a file every catalogue has ({@code anchorFile}),
     * because jars built without directory entries do not answer for the directory.
     */
    static List<String> locate(ClassLoader loader, String anchorFile) {
        // A root usually answers both ways; list each root once (walking a shaded jar costs start-up time).
        Map<String, Root> roots = new LinkedHashMap<>();
        Set<String> names = new TreeSet<>();
        String indexSuffix = "/" + INDEX;
        for (URL index : resources(loader, DIRECTORY + indexSuffix)) {
            String text = index.toString();
            roots.put(text.substring(0, text.length() - indexSuffix.length()), new Root(index, true));
            names.addAll(readIndex(index));
        }
        Set<String> indexed = Set.copyOf(roots.keySet());
        for (URL directory : resources(loader, DIRECTORY)) {
            roots.putIfAbsent(withoutTrailingSlash(directory.toString()), new Root(directory, false));
        }
        String anchorSuffix = "/" + anchorFile;
        for (URL anchor : resources(loader, DIRECTORY + anchorSuffix)) {
            String text = anchor.toString();
            roots.putIfAbsent(text.substring(0, text.length() - anchorSuffix.length()), new Root(anchor, true));
        }
        roots.forEach((key, root) -> {
            if (!indexed.contains(key)) {
                names.addAll(list(root.url(), root.pointsAtFile()));
            }
        });
        return names.stream().map(name -> DIRECTORY + "/" + name).toList();
    }

    private static List<String> readIndex(URL index) {
        try (InputStream in = index.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(name -> name.endsWith(SUFFIX)).toList();
        } catch (IOException e) {
            throw new MessageCatalogueException("Cannot read the message file index " + index, e);
        }
    }

    /** Where message files were found: a directory, or (pointsAtFile) a file inside one. */
    private record Root(URL url, boolean pointsAtFile) {
    }

    private static String withoutTrailingSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static List<URL> resources(ClassLoader loader, String path) {
        try {
            return Collections.list(loader.getResources(path));
        } catch (IOException e) {
            throw new MessageCatalogueException("Cannot search the class path for " + path, e);
        }
    }

    /** File names in the directory the URL points at, or in the directory of the file it points at. */
    private static Set<String> list(URL url, boolean pointsAtFile) {
        try {
            if ("file".equals(url.getProtocol())) {
                Path path = Path.of(url.toURI());
                return listDirectory(pointsAtFile ? path.getParent() : path);
            }
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                return listJar(jar, pointsAtFile);
            }
        } catch (IOException | URISyntaxException | UncheckedIOException e) {
            throw new MessageCatalogueException("Cannot list the message files at " + url, e);
        }
        LOG.warn("Cannot list message files behind a {} URL; using only the file found by name", url.getProtocol());
        return pointsAtFile ? Set.of(url.getPath().substring(url.getPath().lastIndexOf('/') + 1)) : Set.of();
    }

    private static Set<String> listDirectory(Path directory) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(SUFFIX))
                    .forEach(names::add);
        }
        return names;
    }

    private static Set<String> listJar(JarURLConnection connection, boolean pointsAtFile) throws IOException {
        // Uncached, so the jar is opened for this listing only and closed right after.
        connection.setUseCaches(false);
        String entry = connection.getEntryName();
        String prefix = pointsAtFile
                ? entry.substring(0, entry.lastIndexOf('/') + 1)
                : (entry.endsWith("/") ? entry : entry + "/");
        Set<String> names = new TreeSet<>();
        try (JarFile jar = connection.getJarFile()) {
            jar.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.startsWith(prefix) && name.endsWith(SUFFIX))
                    .map(name -> name.substring(prefix.length()))
                    .filter(name -> !name.contains("/"))
                    .forEach(names::add);
        }
        return names;
    }
}
