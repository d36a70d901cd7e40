package fi.vuoro.platform.twilio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.testing.FigureLine;
import fi.vuoro.domain.testing.HostileText;
import fi.vuoro.domain.testing.QueueWorld;
import fi.vuoro.testkit.TwilioWebhookSigner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The webhook's signature check ({@link TwilioWebhookVerifier}, Twilio's own validator over the configured public
 * URL) accepts every request signed as Twilio signs it and refuses every other: random parameters (any Unicode,
 * empty, many), URLs, schemes, ports and query strings; a changed value, an added or removed parameter, another
 * URL, another token or a changed signature. Twilio documents that it may sign with or without the scheme's default
 * port, and its validator accepts both forms: so a signature over the URL with the port added or removed is right.
 */
class TwilioSignaturePropertiesTest {

    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static final AtomicInteger ACCEPTED_WRONG = new AtomicInteger();
    private static final AtomicInteger REJECTED_RIGHT = new AtomicInteger();

    /** A webhook as configured: the public base URL, the path with any query string, the parameters, the token. */
    record Webhook(String scheme, String host, Integer port, String basePath, String path, Map<String, String> params,
                   String token) {

        String base() {
            return scheme + "://" + host + (port == null ? "" : ":" + port) + basePath;
        }

        String url() {
            return base() + path;
        }

        /** The same URL with the scheme's default port written out, or with any port left out. */
        List<String> portForms() {
            String bare = scheme + "://" + host + basePath + path;
            String withDefault = scheme + "://" + host + ":" + ("https".equals(scheme) ? 443 : 80) + basePath + path;
            return port == null ? List.of(bare, withDefault) : List.of(url(), bare);
        }

        TwilioWebhookVerifier verifier() {
            return new TwilioWebhookVerifier(token, base());
        }

        boolean accepts(String signature, Map<String, String> withParams) {
            return verifier().isSigned(path, withParams, signature);
        }
    }

    @Provide
    Arbitrary<Webhook> webhooks() {
        Arbitrary<String> schemes = Arbitraries.of("https", "http");
        Arbitrary<String> hosts = Arbitraries.of("abc123.execute-api.eu-north-1.amazonaws.com", "vuoro.example.org",
                "localhost", "127.0.0.1", "xn--hervanta-8za.fi");
        Arbitrary<Integer> ports = Arbitraries.of(443, 80, 8443, 8080, 3000, 65535).injectNull(0.5);
        // No percent-escapes in the path: the SDK rebuilds the URL decoded when it adds or removes the port, so a
        // public URL with escapes in its path must be configured exactly as Twilio was given it.
        Arbitrary<String> basePaths = Arbitraries.of("", "/prod", "/v1/api", "/Prod-2");
        Arbitrary<String> paths = Arbitraries.of("/sms/inbound", "/sms/status", "/sms/inbound?site=demo",
                "/sms/inbound?a=1&b=2&a=3", "/sms/inbound?x=y&z=", "/");
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("Body", "From", "To", "MessageSid", "AccountSid", "NumMedia", "MediaUrl0", "SmsStatus"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(10),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6).filter(TwilioSignaturePropertiesTest::encodable));
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.just(""),
                HostileText.texts(QueueWorld.CATALOGUE, 600).filter(TwilioSignaturePropertiesTest::encodable));
        Arbitrary<Map<String, String>> params = Arbitraries.maps(names, values).ofMaxSize(12);
        Arbitrary<String> tokens = Arbitraries.strings().withCharRange('0', 'z').ofMinLength(1).ofMaxLength(40);
        return Combinators.combine(schemes, hosts, ports, basePaths, paths, params, tokens).as(Webhook::new);
    }

    /** Valid UTF-16 only: what a form body can carry (a lone surrogate cannot be encoded in UTF-8). */
    private static boolean encodable(String text) {
        return text.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
    }

    @Property(tries = 1500)
    void signedAsTwilioSigns_shouldBeAccepted_withOrWithoutTheDefaultPort(@ForAll("webhooks") Webhook webhook) {
        for (String signedUrl : webhook.portForms()) {
            String signature = new TwilioWebhookSigner(webhook.token()).sign(signedUrl, webhook.params());
            expect(true, webhook.accepts(signature, webhook.params()), "signed over " + signedUrl, webhook);
        }
    }

    @Property(tries = 1500)
    void anyChange_shouldBeRefused(@ForAll("webhooks") Webhook webhook, @ForAll("tampers") Tamper tamper) {
        String signature = new TwilioWebhookSigner(webhook.token()).sign(webhook.url(), webhook.params());
        Map<String, String> sent = new TreeMap<>(webhook.params());
        String sentSignature = signature;
        String signedUrl = webhook.url();
        String token = webhook.token();
        switch (tamper.kind()) {
            case VALUE -> {
                if (sent.isEmpty()) {
                    sent.put("Body", tamper.text());
                } else {
                    String name = sent.keySet().iterator().next();
                    sent.put(name, sent.get(name) + tamper.text());
                }
            }
            case ADDED -> sent.merge("Added" + tamper.text(), tamper.text(), (old, extra) -> old + extra);
            case REMOVED -> {
                if (sent.isEmpty()) {
                    sent.put("Body", tamper.text());
                } else {
                    sent.remove(sent.keySet().iterator().next());
                }
            }
            case HOST -> signedUrl = webhook.url().replace(webhook.host(), "evil.example");
            case PATH -> signedUrl = webhook.base() + "/sms/other" + tamper.text();
            case QUERY -> signedUrl = webhook.url() + (webhook.url().contains("?") ? "&" : "?") + "x=" + tamper.text();
            case SCHEME -> signedUrl = webhook.url().replaceFirst("^https?", webhook.scheme().equals("https")
                    ? "http" : "https");
            case PORT -> signedUrl = webhook.scheme() + "://" + webhook.host() + ":" + otherPort(webhook)
                    + webhook.basePath() + webhook.path();
            case TOKEN -> token = webhook.token() + tamper.text();
            case SIGNATURE -> sentSignature = flip(signature, tamper.text().length());
            case TRUNCATED -> sentSignature = signature.substring(0, signature.length() - 2);
            case EMPTY_SIGNATURE -> sentSignature = tamper.text().isEmpty() ? "" : " ";
        }
        if (tamper.kind() == Kind.SIGNATURE || tamper.kind() == Kind.TRUNCATED || tamper.kind() == Kind.EMPTY_SIGNATURE) {
            expect(false, webhook.accepts(sentSignature, sent), "signature " + tamper.kind(), webhook);
            return;
        }
        if (signedUrl.equals(webhook.url()) && token.equals(webhook.token())
                && payload(sent).equals(payload(webhook.params()))) {
            return; // the change left the signed text as it was: nothing to refuse
        }
        String wrongSignature = new TwilioWebhookSigner(token).sign(signedUrl, webhook.params());
        String sentWith = tamper.kind() == Kind.VALUE || tamper.kind() == Kind.ADDED || tamper.kind() == Kind.REMOVED
                ? signature : wrongSignature;
        expect(false, webhook.accepts(sentWith, sent), tamper.kind() + " changed", webhook);
    }

    enum Kind { VALUE, ADDED, REMOVED, HOST, PATH, QUERY, SCHEME, PORT, TOKEN, SIGNATURE, TRUNCATED, EMPTY_SIGNATURE }

    record Tamper(Kind kind, String text) {
    }

    @Provide
    Arbitrary<Tamper> tampers() {
        return Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)).as(Tamper::new);
    }

    /**
     * Twilio's worked example ("Validating Requests are coming from Twilio", twilio.com/docs/usage/security): auth
     * token 12345, the URL https://mycompany.com/myapp.php?foo=1&bar=2 and the five parameters, with the signature
     * the guide publishes; the older edition of the same guide had other numbers and its own signature.
     */
    @Example
    void twiliosPublishedExamples_shouldBeAccepted_andRefusedWhenChanged() {
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        Map<String, String> current = new LinkedHashMap<>(Map.of("CallSid", "CA1234567890ABCDE",
                "Caller", "+12349013030", "Digits", "1234", "From", "+12349013030", "To", "+18005551212"));
        Map<String, String> older = new LinkedHashMap<>(Map.of("CallSid", "CA1234567890ABCDE",
                "Caller", "+14158675309", "Digits", "1234", "From", "+14158675309", "To", "+18005551212"));
        TwilioWebhookVerifier verifier = new TwilioWebhookVerifier("12345", "https://mycompany.com");
        String path = "/myapp.php?foo=1&bar=2";
        expectPublished(true, verifier.isSigned(path, current, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="), url);
        expectPublished(true, verifier.isSigned(path, older, "RSOYDt4T1cUTdK1PDd93/VVr8B8="), url);
        expectPublished(true, new TwilioWebhookSigner("12345").sign(url, current).equals("0/KCTR6DLpKmkAf8muzZqo1nDgQ="),
                "the test signer");
        Map<String, String> changed = new LinkedHashMap<>(current);
        changed.put("Digits", "1235");
        expectPublished(false, verifier.isSigned(path, changed, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="), "Digits changed");
        expectPublished(false, verifier.isSigned("/myapp.php?foo=1&bar=3", current, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="),
                "query changed");
        expectPublished(false, new TwilioWebhookVerifier("12346", "https://mycompany.com")
                .isSigned(path, current, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="), "another token");
        expectPublished(false, verifier.isSigned(path, current, "0/KCTR6DLpKmkAf8muzZqo1nDgQ"), "signature cut short");
    }

    @AfterContainer
    static void publishFigures() {
        FigureLine.publish("hostile signatures=" + CHECKED.get() + " accepted-wrong=" + ACCEPTED_WRONG.get()
                + " rejected-right=" + REJECTED_RIGHT.get());
    }

    private static void expectPublished(boolean accepted, boolean actual, String what) {
        count(accepted, actual);
        if (accepted) {
            assertTrue(actual, "Twilio's published example refused: " + what);
        } else {
            assertFalse(actual, "a changed published example accepted: " + what);
        }
    }

    private static void expect(boolean accepted, boolean actual, String what, Webhook webhook) {
        count(accepted, actual);
        String context = what + " at " + webhook.url() + " with " + webhook.params().keySet();
        if (accepted) {
            assertTrue(actual, "a right signature refused: " + context);
        } else {
            assertFalse(actual, "a wrong signature accepted: " + context);
        }
    }

    private static void count(boolean accepted, boolean actual) {
        CHECKED.incrementAndGet();
        if (accepted && !actual) {
            REJECTED_RIGHT.incrementAndGet();
        }
        if (!accepted && actual) {
            ACCEPTED_WRONG.incrementAndGet();
        }
    }

    /** What Twilio signs after the URL: each name and value, names in sorted order. */
    private static String payload(Map<String, String> params) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> text.append(name).append(value));
        return text.toString();
    }

    private static int otherPort(Webhook webhook) {
        int port = webhook.port() == null ? 8443 : webhook.port() + 1;
        return port == 443 || port == 80 ? 8444 : port;
    }

    private static String flip(String signature, int at) {
        int index = at % signature.length();
        char replaced = signature.charAt(index) == 'A' ? 'B' : 'A';
        return signature.substring(0, index) + replaced + signature.substring(index + 1);
    }
}
