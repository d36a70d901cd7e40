package fi.vuoro.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Serves {@code /2010-04-01/Accounts/{AccountSid}/Messages.json}: POST sends a message, GET lists them. */
final class MessagesEndpoint implements HttpHandler {

    private static final Pattern MESSAGES_PATH = Pattern.compile("^/2010-04-01/Accounts/([^/]+)/Messages\\.json$");

    private final MessageLog log;
    private final FaultPlan faults;
    private final Supplier<String> requiredAuthToken;

    MessagesEndpoint(MessageLog log, FaultPlan faults, Supplier<String> requiredAuthToken) {
        this.log = log;
        this.faults = faults;
        this.requiredAuthToken = requiredAuthToken;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = MESSAGES_PATH.matcher(exchange.getRequestURI().getRawPath());
            if (!path.matches()) {
                String resource = exchange.getRequestURI().getPath();
                sendError(exchange, 404, 20404, "The requested resource " + resource + " was not found");
                return;
            }
            String accountSid = path.group(1);
            String method = exchange.getRequestMethod();
            if (method.equals("POST")) {
                send(exchange, accountSid);
            } else if (method.equals("GET")) {
                list(exchange, accountSid);
            } else {
                sendError(exchange, 405, 20004, "Method not allowed");
            }
        }
    }

    private void send(HttpExchange exchange, String accountSid) throws IOException {
        Optional<Duration> delay = faults.takeDelay();
        if (delay.isPresent() && !sleep(delay.get())) {
            return;
        }
        if (!authenticated(exchange, accountSid)) {
            return;
        }
        OptionalInt failure = faults.takeFailure();
        if (failure.isPresent()) {
            sendInjectedFailure(exchange, failure.getAsInt());
            return;
        }
        Map<String, List<String>> form = FormEncoding.decode(readBody(exchange));
        String to = first(form, "To");
        String from = first(form, "From");
        String messagingServiceSid = first(form, "MessagingServiceSid");
        String body = first(form, "Body");
        if (to == null) {
            sendError(exchange, 400, 21604, "A 'To' phone number is required.");
        } else if (from == null && messagingServiceSid == null) {
            sendError(exchange, 400, 21603, "A 'From' phone number is required.");
        } else if (body == null && first(form, "MediaUrl") == null && first(form, "ContentSid") == null) {
            sendError(exchange, 400, 21602, "Message body is required.");
        } else if (faults.isOptedOut(to)) {
            // As Twilio answers every send to a number that texted STOP, until it texts START.
            sendError(exchange, 400, 21610, "Attempt to send to unsubscribed recipient");
        } else {
            MessageLog.Entry entry = log.add(accountSid, to, from, messagingServiceSid, body,
                    first(form, "StatusCallback"), "outbound-api");
            sendJson(exchange, 201, TwilioJson.message(entry, accountSid));
        }
    }

    private void list(HttpExchange exchange, String accountSid) throws IOException {
        if (!authenticated(exchange, accountSid)) {
            return;
        }
        Map<String, List<String>> query = FormEncoding.decode(exchange.getRequestURI().getRawQuery());
        String to = first(query, "To");
        String from = first(query, "From");
        List<Map<String, Object>> newestFirst = new ArrayList<>();
        for (MessageLog.Entry entry : log.entries()) {
            boolean sameAccount = entry.accountSid() == null || entry.accountSid().equals(accountSid);
            boolean matches = (to == null || to.equals(entry.message().to()))
                    && (from == null || from.equals(entry.message().from()));
            if (sameAccount && matches) {
                newestFirst.add(0, TwilioJson.message(entry, accountSid));
            }
        }
        sendJson(exchange, 200, TwilioJson.messagePage(newestFirst, accountSid));
    }

    /** Basic auth as Twilio checks it: the user is the account in the path, the password its auth token. */
    private boolean authenticated(HttpExchange exchange, String accountSid) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String expectedToken = requiredAuthToken.get();
        boolean valid = false;
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String credentials = decodeBase64(header.substring(6).trim());
            int colon = credentials == null ? -1 : credentials.indexOf(':');
            if (colon >= 0) {
                String user = credentials.substring(0, colon);
                String password = credentials.substring(colon + 1);
                valid = user.equals(accountSid) && (expectedToken == null || expectedToken.equals(password));
            }
        }
        if (!valid) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            sendError(exchange, 401, 20003, "Authenticate");
        }
        return valid;
    }

    private void sendInjectedFailure(HttpExchange exchange, int status) throws IOException {
        if (status == 429) {
            exchange.getResponseHeaders().add("Retry-After", "1");
        }
        // Twilio's generic HTTP errors are numbered 20000 + status (20429, 20500, 20503...).
        sendError(exchange, status, 20000 + status, reason(status));
    }

    private static String reason(int status) {
        return switch (status) {
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP error " + status;
        };
    }

    private static void sendError(HttpExchange exchange, int status, int code, String message) throws IOException {
        sendJson(exchange, status, TwilioJson.error(status, code, message));
    }

    private static void sendJson(HttpExchange exchange, int status, Object json) throws IOException {
        byte[] bytes = TwilioJson.bytes(json);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().add("Twilio-Request-Id", "RQ" + UUID.randomUUID().toString().replace("-", ""));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    private static String decodeBase64(String encoded) {
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @return false if the fake is shutting down, in which case the request is dropped unanswered */
    private static boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

