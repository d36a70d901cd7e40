package fi.vuoro.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What each function's deployment package weighs and what takes the space: for every
 * {@code functions/<name>/target/<name>-lambda.jar}, the file's size, its entries' compressed and uncompressed
 * totals, and the ten largest packages by compressed size (Lambda's limit and upload count the compressed jar).
 * A package is an entry's folder cut to four levels ({@code com/twilio/rest/api}), five under the AWS SDK's
 * services ({@code software/amazon/awssdk/services/ssm}), so one SDK service or one Twilio product is one row.
 */
final class JarSizes {

    private static final int TOP = 10;
    private static final double MB = 1_000_000.0;

    private final PrintStream out;

    JarSizes(PrintStream out) {
        this.out = out;
    }

    void run(Path functions) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(functions)) {
            for (Path module : modules) {
                Path jar = module.resolve("target").resolve(module.getFileName() + "-lambda.jar");
                if (Files.isRegularFile(jar)) {
                    jars.add(jar);
                }
            }
        }
        jars.sort(Comparator.naturalOrder());
        if (jars.isEmpty()) {
            throw new IllegalStateException("No functions/*/target/*-lambda.jar: build the functions first");
        }
        out.printf(Locale.ROOT, "%n== Package size (MB = 10^6 bytes) ==%n");
        for (Path jar : jars) {
            report(jar);
        }
    }

    private void report(Path jar) throws IOException {
        Map<String, long[]> packages = new TreeMap<>();
        long compressed = 0;
        long uncompressed = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                long[] sizes = packages.computeIfAbsent(packageOf(entry.getName()), k -> new long[2]);
                sizes[0] += entry.getCompressedSize();
                sizes[1] += entry.getSize();
                compressed += entry.getCompressedSize();
                uncompressed += entry.getSize();
            }
        }
        out.printf(Locale.ROOT, "%n%s: file %.1f MB, entries %.1f MB compressed, %.1f MB uncompressed%n",
                jar, Files.size(jar) / MB, compressed / MB, uncompressed / MB);
        out.println("| package | compressed MB | uncompressed MB |");
        out.println("|---|---|---|");
        packages.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
                .limit(TOP)
                .forEach(e -> out.printf(Locale.ROOT, "| %s | %.2f | %.2f |%n",
                        e.getKey(), e.getValue()[0] / MB, e.getValue()[1] / MB));
    }

    static String packageOf(String entry) {
        String[] parts = entry.split("/");
        int folders = parts.length - 1;
        if (folders == 0) {
            return "(root)";
        }
        int depth = entry.startsWith("software/amazon/awssdk/services/") ? 5 : 4;
        return String.join("/", java.util.Arrays.copyOfRange(parts, 0, Math.min(folders, depth)));
    }
}
