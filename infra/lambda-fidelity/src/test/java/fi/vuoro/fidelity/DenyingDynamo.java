package fi.vuoro.fidelity;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * DynamoDB as it answers a role that lacks a permission: every request is refused with AWS's AccessDenied error,
 * whose message names the account, the role and the table, the detail no caller of Vuoro may see.
 */
final class DenyingDynamo implements AutoCloseable {

    static final String ROLE = "arn:aws:sts::123456789012:assumed-role/vuoro-StaffApiFunctionRole-1A2B3C/vuoro-staff-api";
    private final HttpServer server;

    DenyingDynamo() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
                String action = "dynamodb:" + target.substring(target.indexOf('.') + 1);
                byte[] body = ("{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"Message\":\"User: "
                        + ROLE + " is not authorized to perform: " + action + " on resource: "
                        + "arn:aws:dynamodb:eu-north-1:123456789012:table/VuoroTable because no identity-based policy "
                        + "allows the " + action + " action\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.getResponseHeaders().add("x-amzn-RequestId", "Q8J6O1VE5DC1B0HT2RKSUAKN2VVV4KQNSO5AEMVJF66Q9ASUAAJG");
                exchange.sendResponseHeaders(400, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
