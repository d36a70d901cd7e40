package fi.vuoro.testkit.lambda;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Serves the loopback stand-ins (credentials, SSM, Cognito, runtime API) and writes their answers: status, type and
 * body, and for the AWS JSON 1.1 APIs their answers and errors as AWS shapes them.
 */
final class LoopbackReplies {

    private LoopbackReplies() {
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** An HTTP server on a free loopback port, started, handing every request to the handler. */
    static HttpServer serve(String standIn, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", handler);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the " + standIn + " stand-in", e);
        }
    }

    /** An AWS JSON 1.1 error body, which the SDK turns into the exception its type names. */
    static String awsJsonError(String type, String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("__type", type);
        error.put("message", message);
        return error.toString();
    }

    static void sendAwsJson(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        send(exchange, status, "application/x-amz-json-1.1", body);
    }
}
