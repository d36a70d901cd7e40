package fi.vuoro.domain.language;

import java.util.Properties;

/**
 * The entries of one message file as found on the class path.
 *
 * @param path    the resource path, e.g. {@code messages/fi.properties}, used in every error message
 * @param entries the file's entries, read as UTF-8
 */
record MessageFile(String path, Properties entries) {

    /** The file name without directory and {@code .properties}: the language code it must declare. */
    String baseName() {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".properties") ? name.substring(0, name.length() - ".properties".length()) : name;
    }
}
