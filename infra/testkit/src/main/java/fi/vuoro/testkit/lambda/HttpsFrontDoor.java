package fi.vuoro.testkit.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The internet as a deployed function sees it, on loopback: an HTTPS proxy that the function's JVM is told to use
 * ({@code https.proxyHost}), which answers each {@code CONNECT} for a known host (e.g. {@code api.twilio.com},
 * {@code dynamodb.eu-north-1.amazonaws.com}) with a TLS server holding a certificate for that name, and passes the
 * requests on to a local stand-in (the fake Twilio, DynamoDB Local, ...). The function's code, configuration and
 * HTTP clients stay exactly as deployed: it resolves the real endpoints, speaks TLS to them and checks their
 * certificate against the trust store it is given ({@link #jvmFlags()}).
 *
 * <p>The certificate is made for this run with the JDK's {@code keytool}; a host not in the map is refused.
 */
public final class HttpsFrontDoor implements AutoCloseable {

    private static final String PASSWORD = "front-door";
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer");

    private final Map<String, URI> backends;
    private final Path workDir;
    private final Path trustStore;
    private final HttpsServer tls;
    private final ServerSocket proxy;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "https-front-door");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean closed;

    private HttpsFrontDoor(Map<String, URI> backends, Path workDir, Path trustStore, HttpsServer tls,
                           ServerSocket proxy) {
        this.backends = backends;
        this.workDir = workDir;
        this.trustStore = trustStore;
        this.tls = tls;
        this.proxy = proxy;
    }

    /** @param backends where each public host's requests go, e.g. {@code api.twilio.com -> http://127.0.0.1:4567} */
    public static HttpsFrontDoor start(Map<String, URI> backends) {
        try {
            Path workDir = Files.createTempDirectory("https-front-door-");
            Path keyStore = workDir.resolve("hosts.p12");
            Path certificate = workDir.resolve("hosts.cer");
            Path trustStore = workDir.resolve("trust.p12");
            String names = backends.keySet().stream().map(host -> "dns:" + host).collect(Collectors.joining(","));
            keytool("-genkeypair", "-alias", "hosts", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=" + backends.keySet().iterator().next(), "-ext", "SAN=" + names,
                    "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                    "-keypass", PASSWORD);
            keytool("-exportcert", "-alias", "hosts", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                    "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", "hosts", "-file", certificate.toString(),
                    "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);

            HttpsServer tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            tls.setHttpsConfigurator(new HttpsConfigurator(sslContext(keyStore)));
            ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            HttpsFrontDoor door = new HttpsFrontDoor(Map.copyOf(backends), workDir, trustStore, tls, proxy);
            tls.createContext("/", door::pass);
            tls.setExecutor(door.threads);
            tls.start();
            door.threads.submit(door::acceptConnects);
            return door;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the HTTPS front door", e);
        }
    }

    /** What the function's JVM is started with: the proxy for https, and the trust store with this run's certificate. */
    public List<String> jvmFlags() {
        return List.of("-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + proxy.getLocalPort(),
                "-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    private void acceptConnects() {
        while (!closed) {
            try {
                Socket client = proxy.accept();
                threads.submit(() -> tunnel(client));
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Answers one CONNECT and joins the client to the TLS server, for a host that is served here. */
    private void tunnel(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            String requestLine = readHead(in);
            String[] parts = requestLine.split(" ");
            OutputStream out = client.getOutputStream();
            String host = parts.length > 1 ? parts[1].replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT) : "";
            if (parts.length < 2 || !parts[0].equals("CONNECT") || !backends.containsKey(host)) {
                out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (Socket server = new Socket(InetAddress.getLoopbackAddress(), tls.getAddress().getPort())) {
                var upstream = threads.submit(() -> pipe(in, server.getOutputStream()));
                pipe(server.getInputStream(), out);
                upstream.cancel(true);
            }
        } catch (IOException e) {
            // The client or the server closed the tunnel.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' || b == '\n') ? (matched + 1) : 0;
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int end = text.indexOf("\r\n");
        return end < 0 ? text : text.substring(0, end);
    }

    private static Void pipe(InputStream from, OutputStream to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            int n;
            while ((n = from.read(buffer)) != -1) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // One side closed.
        }
        return null;
    }

    /** Passes one request on to the stand-in of the host it was sent to, and its answer back. */
    private void pass(HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = String.valueOf(exchange.getRequestHeaders().getFirst("Host"))
                    .replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
            URI backend = backends.get(host);
            if (backend == null) {
                exchange.sendResponseHeaders(421, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI target = URI.create(backend.toString().replaceAll("/+$", "") + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            // The stand-in sees its own address as Host; a stand-in that checks signatures needs the one signed.
            request.header("X-Forwarded-Host", String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
            HttpResponse<byte[]> answer;
            try {
                answer = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, new ArrayList<>(values));
                }
            });
            byte[] bytes = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static SSLContext sslContext(Path keyStore) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the front door's certificate", e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running keytool", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            proxy.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        tls.stop(0);
        threads.shutdownNow();
        try (var files = Files.walk(workDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Left for the system's temporary-file cleanup.
        }
    }
}
