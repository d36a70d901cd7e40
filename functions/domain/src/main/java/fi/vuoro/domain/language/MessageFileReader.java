package fi.vuoro.domain.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/** Reads one message file strictly: valid UTF-8 and no entry written twice. */
final class MessageFileReader {

    private MessageFileReader() {
    }

    static MessageFile read(ClassLoader loader, String path) {
        URL url = loader.getResource(path);
        if (url == null) {
            throw new MessageCatalogueException(path + ": listed on the class path but cannot be opened");
        }
        String text = decode(path, bytes(url, path));
        Set<String> repeated = new LinkedHashSet<>();
        Properties entries = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    repeated.add(String.valueOf(key));
                }
                return super.put(key, value);
            }
        };
        try {
            entries.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new MessageCatalogueException(path + ": cannot be read as a properties file", e);
        }
        if (!repeated.isEmpty()) {
            throw new MessageCatalogueException(path + ": " + String.join(", ", repeated) + " written more than once");
        }
        Properties plain = new Properties();
        plain.putAll(entries);
        return new MessageFile(path, plain);
    }

    private static byte[] bytes(URL url, String path) {
        try {
            URLConnection connection = url.openConnection();
            // A cached jar would stay open and could serve a stale copy of a replaced jar.
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new MessageCatalogueException(path + ": cannot be read", e);
        }
    }

    private static String decode(String path, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new MessageCatalogueException(path + ": is not valid UTF-8", e);
        }
    }
}
