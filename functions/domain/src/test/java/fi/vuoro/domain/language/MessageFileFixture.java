package fi.vuoro.domain.language;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Copies of the real message files, changed as a test needs and put on an isolated class path. */
final class MessageFileFixture {

    private MessageFileFixture() {
    }

    /** The directory the build copied the message files to. */
    static Path messagesDirectory() {
        URL english = MessageFileFixture.class.getClassLoader().getResource("messages/en.properties");
        try {
            return Path.of(english.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** File name to content, for every real message file. */
    static Map<String, String> realFiles() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(messagesDirectory())) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".properties")).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** The content with one entry's value replaced, or added when the file lacks it. */
    static String withEntry(String content, String key, String value) {
        Matcher line = entryLine(key).matcher(content);
        if (line.find()) {
            return line.replaceFirst(Matcher.quoteReplacement(key + "=" + value));
        }
        return content + "\n" + key + "=" + value + "\n";
    }

    static String withoutEntry(String content, String key) {
        return entryLine(key).matcher(content).replaceFirst("");
    }

    private static Pattern entryLine(String key) {
        return Pattern.compile("(?m)^" + Pattern.quote(key) + "=.*$");
    }

    /** Writes the files to {@code root/messages/} and returns root. */
    static Path writeDirectory(Path root, Map<String, String> files) throws IOException {
        Path messages = Files.createDirectories(root.resolve("messages"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(messages.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return root;
    }

    /** Writes the files into a jar under {@code messages/}, with or without the directory's own entry. */
    static Path writeJar(Path jar, Map<String, String> files, boolean withDirectoryEntry) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            if (withDirectoryEntry) {
                jarOut.putNextEntry(new JarEntry("messages/"));
                jarOut.closeEntry();
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                jarOut.putNextEntry(new JarEntry("messages/" + file.getKey()));
                jarOut.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    /** A class loader that sees only these roots, not the module's own message files. */
    static URLClassLoader isolatedLoader(Path... roots) throws IOException {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            urls[i] = roots[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }

    /** Loads a catalogue from a directory holding exactly these files. */
    static MessageCatalogue loadFrom(Path root, Map<String, String> files) throws IOException {
        writeDirectory(root, files);
        try (URLClassLoader loader = isolatedLoader(root)) {
            return MessageCatalogue.load(loader);
        }
    }
}
