package fi.vuoro.testkit.lambda;

import static fi.vuoro.testkit.lambda.LoopbackReplies.awsJsonError;
import static fi.vuoro.testkit.lambda.LoopbackReplies.sendAwsJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Cognito user pool's admin API on loopback (the AWS JSON 1.1 protocol the SDK speaks), as much as staff
 * accounts use: AdminCreateUser, CreateGroup, AdminAddUserToGroup, AdminRemoveUserFromGroup and ListUsersInGroup
 * (in pages), with Cognito's errors for an existing username, a missing user and a missing group. Usernames are not
 * case-sensitive, as in the template's pool. Every request is recorded in order.
 */
public final class FakeCognito implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the SDK sent it: the operation and its JSON body. */
    public record Call(String operation, JsonNode body) {
    }

    private final HttpServer server;
    private final String userPoolId;
    private final int pageSize;
    private final Map<String, String> emails = new TreeMap<>();
    private final Map<String, Set<String>> groups = new TreeMap<>();
    private final List<Call> calls = new ArrayList<>();

    private FakeCognito(String userPoolId, int pageSize, boolean serve) {
        this.userPoolId = userPoolId;
        this.pageSize = pageSize;
        this.server = serve ? LoopbackReplies.serve("Cognito", this::handle) : null;
    }

    /** A pool with this id that lists at most {@code pageSize} users a page. */
    public static FakeCognito start(String userPoolId, int pageSize) {
        return new FakeCognito(userPoolId, pageSize, true);
    }

    /** A pool for a server of the caller's, which hands the API's requests ({@code POST /}) to {@link #handle}. */
    public static FakeCognito unserved(String userPoolId, int pageSize) {
        return new FakeCognito(userPoolId, pageSize, false);
    }

    public URI endpoint() {
        if (server == null) {
            throw new IllegalStateException("This pool is served by its caller's server");
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<String> operations() {
        return calls.stream().map(Call::operation).toList();
    }

    public synchronized void forgetCalls() {
        calls.clear();
    }

    /** An account made before, e.g. by hand with the AWS CLI. */
    public synchronized FakeCognito withUser(String username, String... groupNames) {
        emails.put(username.toLowerCase(Locale.ROOT), username + "@example.org");
        for (String group : groupNames) {
            groups.computeIfAbsent(group, g -> new TreeSet<>()).add(username.toLowerCase(Locale.ROOT));
        }
        return this;
    }

    public synchronized Set<String> groupNames() {
        return Set.copyOf(groups.keySet());
    }

    public synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String operation = target.substring(target.indexOf('.') + 1);
            calls.add(new Call(operation, request));
            if (!userPoolId.equals(request.path("UserPoolId").asText())) {
                sendAwsJson(exchange, 400, awsJsonError("ResourceNotFoundException", "User pool " + request.path("UserPoolId")
                        .asText() + " does not exist."));
                return;
            }
            String username = request.path("Username").asText().toLowerCase(Locale.ROOT);
            String group = request.path("GroupName").asText();
            switch (operation) {
                case "AdminCreateUser" -> createUser(exchange, request, username);
                case "CreateGroup" -> createGroup(exchange, group);
                case "AdminAddUserToGroup" -> changeGroup(exchange, username, group, true);
                case "AdminRemoveUserFromGroup" -> changeGroup(exchange, username, group, false);
                case "ListUsersInGroup" -> listUsers(exchange, group, request.path("NextToken").asText(null));
                default -> sendAwsJson(exchange, 400, awsJsonError("InvalidAction", "Not offered here: " + target));
            }
        }
    }

    private void createUser(HttpExchange exchange, JsonNode request, String username) throws IOException {
        if (emails.containsKey(username)) {
            sendAwsJson(exchange, 400, awsJsonError("UsernameExistsException", "User account already exists"));
            return;
        }
        String email = null;
        for (JsonNode attribute : request.path("UserAttributes")) {
            if ("email".equals(attribute.path("Name").asText())) {
                email = attribute.path("Value").asText();
            }
        }
        emails.put(username, email);
        ObjectNode answer = JSON.createObjectNode();
        answer.set("User", user(username).put("UserStatus", "FORCE_CHANGE_PASSWORD"));
        sendAwsJson(exchange, 200, answer.toString());
    }

    private void createGroup(HttpExchange exchange, String group) throws IOException {
        if (groups.containsKey(group)) {
            sendAwsJson(exchange, 400, awsJsonError("GroupExistsException", "A group with the name already exists."));
            return;
        }
        groups.put(group, new TreeSet<>());
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("Group").put("GroupName", group).put("UserPoolId", userPoolId);
        sendAwsJson(exchange, 200, answer.toString());
    }

    private void changeGroup(HttpExchange exchange, String username, String group, boolean add) throws IOException {
        if (!groups.containsKey(group)) {
            sendAwsJson(exchange, 400, awsJsonError("ResourceNotFoundException", "Group not found."));
        } else if (!emails.containsKey(username)) {
            sendAwsJson(exchange, 400, awsJsonError("UserNotFoundException", "User does not exist."));
        } else {
            if (add) {
                groups.get(group).add(username);
            } else {
                groups.get(group).remove(username);
            }
            sendAwsJson(exchange, 200, "{}");
        }
    }

    private void listUsers(HttpExchange exchange, String group, String nextToken) throws IOException {
        if (!groups.containsKey(group)) {
            sendAwsJson(exchange, 400, awsJsonError("ResourceNotFoundException", "Group not found."));
            return;
        }
        List<String> members = new ArrayList<>(groups.get(group));
        int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode users = answer.putArray("Users");
        for (String username : members.subList(from, Math.min(members.size(), from + pageSize))) {
            users.add(user(username).put("UserStatus", "CONFIRMED"));
        }
        if (from + pageSize < members.size()) {
            answer.put("NextToken", Integer.toString(from + pageSize));
        }
        sendAwsJson(exchange, 200, answer.toString());
    }

    private ObjectNode user(String username) {
        ObjectNode user = JSON.createObjectNode().put("Username", username).put("Enabled", true);
        if (emails.get(username) != null) {
            user.putArray("Attributes").addObject().put("Name", "email").put("Value", emails.get(username));
        }
        return user;
    }



    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
