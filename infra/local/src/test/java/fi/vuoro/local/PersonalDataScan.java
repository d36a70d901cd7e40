package fi.vuoro.local;

import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.TableItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The suite's search for phone numbers in clear: every item of every table of every DynamoDB Local the suite ran,
 * read right before it stopped, and every log line the suite wrote. A number is an E.164 string ({@code +} and 8 to
 * 15 digits), or a number the suite texted from written without its {@code +}. The sites' own numbers are public and
 * allowed wherever they appear (known from profiles, number routes, send slots and the senders of outbox messages);
 * interpreters' and visitors' are not.
 * A volunteer's contact, which they typed and consented to leave, is not searched.
 */
public final class PersonalDataScan {

    private static final Pattern E164 = Pattern.compile("\\+\\d{8,15}");

    private static final Set<String> siteNumbers = ConcurrentHashMap.newKeySet();
    private static final Set<String> knownNumbers = ConcurrentHashMap.newKeySet();
    private static final List<String> findings = new ArrayList<>();
    private static int servers;
    private static int tables;
    private static long items;
    private static long logLines;

    private static LogCapture suiteLogs;

    private PersonalDataScan() {
    }

    /**
     * From now on, every DynamoDB Local of this JVM is scanned right before it stops, and every log line is kept
     * for {@link #scanSuiteLogs()}. Called once per JVM (again changes nothing), by {@link PersonalDataScanListener}
     * when the suite starts.
     */
    public static synchronized void start() {
        if (suiteLogs != null) {
            return;
        }
        suiteLogs = LogCapture.attach();
        List.of(DemoInterpreters.DARI, DemoInterpreters.DARI_AND_ARABIC, DemoInterpreters.ARABIC_AND_SOMALI)
                .forEach(PersonalDataScan::knownNumber);
        DynamoDbLocalServer.beforeEachStop(PersonalDataScan::scanBeforeStop);
    }

    /** Searches every log line the suite wrote since {@link #start()}, each once. */
    public static List<String> scanSuiteLogs() {
        List<String> lines;
        synchronized (PersonalDataScan.class) {
            List<String> all = suiteLogs.lines();
            lines = all.subList((int) Math.min(logLines, all.size()), all.size());
        }
        return scanLogLines(lines);
    }

    /** A number the suite texted or had texted: searched for with and without its {@code +}. */
    public static void knownNumber(String e164) {
        knownNumbers.add(e164.startsWith("+") ? e164.substring(1) : e164);
    }

    /** Reads every item of every table, and notes (and returns) where a number in clear is. */
    public static List<String> scanTables(DynamoDbClient dynamo) {
        List<String> found = new ArrayList<>();
        int tablesHere = 0;
        long itemsHere = 0;
        for (String table : dynamo.listTablesPaginator(b -> { }).tableNames()) {
            List<Map<String, AttributeValue>> all = TableItems.all(dynamo, table);
            all.forEach(PersonalDataScan::learnSiteNumbers);
            for (Map<String, AttributeValue> item : all) {
                String where = table + " " + text(item.get("PK")) + " / " + text(item.get("SK"));
                boolean volunteer = text(item.get("PK")).endsWith("#VOLUNTEERS");
                item.forEach((name, value) -> {
                    if (!(volunteer && name.equals("contact"))) {
                        search(name, where + " key", found);
                        search(value, where + " ." + name, found);
                    }
                });
            }
            tablesHere++;
            itemsHere += all.size();
        }
        synchronized (PersonalDataScan.class) {
            servers++;
            tables += tablesHere;
            items += itemsHere;
            findings.addAll(found);
        }
        return found;
    }

    /** Fails the stop of a server whose tables hold a number in clear: the test class that ran it fails. */
    private static void scanBeforeStop(DynamoDbClient dynamo) {
        List<String> found = scanTables(dynamo);
        if (!found.isEmpty()) {
            throw new AssertionError("phone numbers in clear in the tables: " + found);
        }
    }

    /** Searches the log lines, and notes what it found. */
    private static List<String> scanLogLines(List<String> lines) {
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            List<String> inLine = new ArrayList<>();
            searchText(line, "a log line", inLine);
            if (!inLine.isEmpty()) {
                found.add(inLine.get(0) + ": " + mask(line));
            }
        }
        synchronized (PersonalDataScan.class) {
            logLines += lines.size();
            findings.addAll(found);
        }
        return found;
    }

    public static synchronized String figures() {
        return "personal-data servers=" + servers + " tables=" + tables + " items=" + items + " log-lines=" + logLines
                + " numbers-found=" + findings.size();
    }

    public static synchronized List<String> findings() {
        return List.copyOf(findings);
    }

    public static synchronized long itemsScanned() {
        return items;
    }

    public static synchronized long logLinesScanned() {
        return logLines;
    }

    /**
     * The sites' public numbers: those of site profiles and number routes, and the sending numbers of outbox messages
     * and send slots (an SMS is only ever sent from a site's number, which may since have changed).
     */
    private static void learnSiteNumbers(Map<String, AttributeValue> item) {
        String pk = text(item.get("PK"));
        if (pk.startsWith("NUMBER#")) {
            siteNumbers.add(pk.substring("NUMBER#".length()));
        }
        if (pk.startsWith("RATE#")) {
            siteNumbers.add(pk.substring("RATE#".length()));
        }
        if (pk.startsWith("OUTBOX#") && item.get("from") != null) {
            siteNumbers.add(text(item.get("from")));
        }
        if (pk.startsWith("SITE#") && item.get("smsNumber") != null) {
            siteNumbers.add(text(item.get("smsNumber")));
        }
    }

    private static void search(String text, String where, List<String> found) {
        searchText(text, where, found);
    }

    private static void search(AttributeValue value, String where, List<String> found) {
        if (value.s() != null) {
            searchText(value.s(), where, found);
        } else if (value.hasSs()) {
            value.ss().forEach(s -> searchText(s, where, found));
        } else if (value.hasL()) {
            value.l().forEach(v -> search(v, where, found));
        } else if (value.hasM()) {
            value.m().forEach((name, v) -> {
                searchText(name, where, found);
                search(v, where + "." + name, found);
            });
        }
    }

    private static void searchText(String text, String where, List<String> found) {
        Matcher matcher = E164.matcher(text);
        while (matcher.find()) {
            if (!siteNumbers.contains(matcher.group()) && !DemoSite.NUMBER.equals(matcher.group())) {
                found.add(mask(matcher.group()) + " in " + mask(where));
            }
        }
        for (String number : knownNumbers) {
            if (text.contains(number) && !siteNumbers.contains("+" + number)) {
                found.add(mask(number) + " in " + mask(where));
            }
        }
    }

    /** A finding names where a number was, not the number. */
    private static String mask(String text) {
        return text.replaceAll("\\d{6,}", "######");
    }

    private static String text(AttributeValue value) {
        return value == null || value.s() == null ? "" : value.s();
    }
}
