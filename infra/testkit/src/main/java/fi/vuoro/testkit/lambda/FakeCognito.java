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
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Cognito user pool's admin API on loopback (the AWS JSON 1.1 protocol the SDK speaks), as much as staff
 * accounts use: AdminCreateUser, CreateGroup, AdminAddUserToGroup, AdminRemoveUserFromGroup and ListUsersInGroup
 * (in pages), with Cognito's errors for an existing username, a missing user and a missing group. Usernames are not
 * case-sensitive, as in the template's pool. Every request is recorded in order; once told the credentials a
 * deployment's roles have ({@link #requireSignaturesBy}), the admin API checks their signatures too.
 *
 * <p>Once {@link #signingIn signing in} is on, it also answers the public sign-in API a browser calls (with CORS, as
 * Cognito does): InitiateAuth with USER_PASSWORD_AUTH (NEW_PASSWORD_REQUIRED with a session while the user has a
 * temporary password, tokens after) and REFRESH_TOKEN_AUTH, RevokeToken (after which the refresh token is refused, as
 * Cognito refuses it; access tokens it bought stay valid where they are checked offline), and RespondToAuthChallenge for NEW_PASSWORD_REQUIRED,
 * which holds a new password to the template's policy (12 characters; lower- and upper-case, a digit, a symbol)
 * with Cognito's messages. The access tokens come from the caller, so they are ones its service accepts.
 */
public final class FakeCognito implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The template's app client: access tokens last 15 minutes. */
    public static final int ACCESS_TOKEN_SECONDS = 900;

    /** One request as the SDK sent it: the operation and its JSON body. */
    public record Call(String operation, JsonNode body) {
    }

    private final HttpServer server;
    private final String userPoolId;
    private final int pageSize;
    private final Map<String, String> emails = new TreeMap<>();
    private final Map<String, Set<String>> groups = new TreeMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<RecordedAwsCalls.Call> signedCalls = new ArrayList<>();
    private ContainerCredentials signers;
    private final Map<String, String> passwords = new TreeMap<>();
    private final Set<String> temporary = new TreeSet<>();
    private final Map<String, String> challengeSessions = new TreeMap<>();
    private final Map<String, String> refreshTokens = new TreeMap<>();
    private String clientId;
    private Function<String, String> accessTokens;
    private int revoked;

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

    /** How many RevokeToken requests were answered. */
    public synchronized int revokedTokens() {
        return revoked;
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

    /**
     * Answers the sign-in API for this app client, with access tokens {@code accessTokens} makes for a username;
     * other client ids are refused as Cognito refuses them.
     */
    public synchronized FakeCognito signingIn(String appClientId, Function<String, String> accessTokenOfUsername) {
        this.clientId = appClientId;
        this.accessTokens = accessTokenOfUsername;
        return this;
    }

    /** The temporary password of an account (as AdminCreateUser gives one): the first sign-in must replace it. */
    public synchronized FakeCognito withTemporaryPassword(String username, String password) {
        String key = username.toLowerCase(Locale.ROOT);
        emails.putIfAbsent(key, username + "@example.org");
        passwords.put(key, password);
        temporary.add(key);
        return this;
    }

    /** Whether the account has set a password of its own. */
    public synchronized boolean confirmed(String username) {
        String key = username.toLowerCase(Locale.ROOT);
        return passwords.containsKey(key) && !temporary.contains(key);
    }

    /** Ends every NEW_PASSWORD_REQUIRED session, as three minutes of waiting do. */
    public synchronized void expireChallengeSessions() {
        challengeSessions.clear();
    }

    /**
     * From now on the admin API takes only requests signed (SigV4, for {@code cognito-idp}) with credentials these
     * issued, as the user pool's API does, and records each for the role that signed it ({@link #callsSignedBy}).
     */
    public synchronized FakeCognito requireSignaturesBy(ContainerCredentials credentials) {
        this.signers = credentials;
        return this;
    }

    /**
     * The admin requests a role's credentials signed, as IAM authorises them: {@code cognito-idp:<operation>} on the
     * user pool.
     */
    public synchronized List<RecordedAwsCalls.Call> callsSignedBy(ContainerCredentials.Grant grant) {
        return signedCalls.stream().filter(call -> call.accessKeyId().equals(grant.accessKeyId())).toList();
    }

    public synchronized Set<String> groupNames() {
        return Set.copyOf(groups.keySet());
    }

    public synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (accessTokens != null) {
                exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
                if ("OPTIONS".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
                    exchange.getResponseHeaders().add("Access-Control-Allow-Headers",
                            "content-type, x-amz-target, x-amz-user-agent");
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode request = JSON.readTree(body);
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String operation = target.substring(target.indexOf('.') + 1);
            calls.add(new Call(operation, request));
            if (accessTokens != null && ("InitiateAuth".equals(operation)
                    || "RespondToAuthChallenge".equals(operation) || "RevokeToken".equals(operation))) {
                signIn(exchange, operation, request);
                return;
            }
            if (signers != null && !signedBy(exchange, body, operation, request)) {
                return;
            }
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

    /** Whether the request is signed by issued credentials; if not, it is answered as Cognito answers it. */
    private boolean signedBy(HttpExchange exchange, byte[] body, String operation, JsonNode request)
            throws IOException {
        SignedRequests.Signer signer = SignedRequests.check(exchange, body, signers, "cognito-idp");
        if (signer.grant().isEmpty()) {
            sendAwsJson(exchange, 400, awsJsonError("UnrecognizedClientException",
                    "The security token included in the request is invalid."));
            return false;
        }
        if (!signer.signatureMatches()) {
            sendAwsJson(exchange, 400, awsJsonError("InvalidSignatureException",
                    "The request signature we calculated does not match the signature you provided."));
            return false;
        }
        signedCalls.add(new RecordedAwsCalls.Call("cognito-idp", operation, signer.grant().get().accessKeyId(), true,
                List.of(new RecordedAwsCalls.Grant("cognito-idp:" + operation,
                        "userpool/" + request.path("UserPoolId").asText()))));
        return true;
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

    private void signIn(HttpExchange exchange, String operation, JsonNode request) throws IOException {
        if (!clientId.equals(request.path("ClientId").asText())) {
            sendAwsJson(exchange, 400, awsJsonError("ResourceNotFoundException", "User pool client "
                    + request.path("ClientId").asText() + " does not exist."));
        } else if ("RespondToAuthChallenge".equals(operation)) {
            newPassword(exchange, request);
        } else if ("RevokeToken".equals(operation)) {
            // Cognito answers an empty object, for a token it does not know as well; the token renews nothing after.
            refreshTokens.remove(request.path("Token").asText());
            revoked++;
            sendAwsJson(exchange, 200, "{}");
        } else if ("USER_PASSWORD_AUTH".equals(request.path("AuthFlow").asText())) {
            passwordAuth(exchange, request.path("AuthParameters"));
        } else if ("REFRESH_TOKEN_AUTH".equals(request.path("AuthFlow").asText())) {
            String username = refreshTokens.get(request.path("AuthParameters").path("REFRESH_TOKEN").asText());
            if (username == null) {
                sendAwsJson(exchange, 400, awsJsonError("NotAuthorizedException", "Invalid Refresh Token"));
            } else {
                sendAwsJson(exchange, 200, tokens(username, false).toString());
            }
        } else {
            sendAwsJson(exchange, 400, awsJsonError("InvalidParameterException", "Not offered here: "
                    + request.path("AuthFlow").asText()));
        }
    }

    private void passwordAuth(HttpExchange exchange, JsonNode parameters) throws IOException {
        String username = parameters.path("USERNAME").asText().toLowerCase(Locale.ROOT);
        if (!passwords.containsKey(username) || !passwords.get(username).equals(parameters.path("PASSWORD").asText())) {
            sendAwsJson(exchange, 400, awsJsonError("NotAuthorizedException", "Incorrect username or password."));
        } else if (temporary.contains(username)) {
            String session = UUID.randomUUID().toString();
            challengeSessions.put(session, username);
            ObjectNode answer = JSON.createObjectNode().put("ChallengeName", "NEW_PASSWORD_REQUIRED")
                    .put("Session", session);
            answer.putObject("ChallengeParameters").put("USER_ID_FOR_SRP", username)
                    .put("requiredAttributes", "[]").put("userAttributes", "{}");
            sendAwsJson(exchange, 200, answer.toString());
        } else {
            sendAwsJson(exchange, 200, tokens(username, true).toString());
        }
    }

    private void newPassword(HttpExchange exchange, JsonNode request) throws IOException {
        String username = challengeSessions.get(request.path("Session").asText());
        JsonNode responses = request.path("ChallengeResponses");
        if (!"NEW_PASSWORD_REQUIRED".equals(request.path("ChallengeName").asText())) {
            sendAwsJson(exchange, 400, awsJsonError("InvalidParameterException", "Not offered here: "
                    + request.path("ChallengeName").asText()));
        } else if (username == null || !username.equals(responses.path("USERNAME").asText().toLowerCase(Locale.ROOT))) {
            sendAwsJson(exchange, 400, awsJsonError("NotAuthorizedException",
                    "Invalid session for the user, session is expired."));
        } else {
            String refused = policyBreach(responses.path("NEW_PASSWORD").asText());
            if (refused != null) {
                sendAwsJson(exchange, 400, awsJsonError("InvalidPasswordException",
                        "Password did not conform with policy: " + refused));
                return;
            }
            challengeSessions.remove(request.path("Session").asText());
            passwords.put(username, responses.path("NEW_PASSWORD").asText());
            temporary.remove(username);
            sendAwsJson(exchange, 200, tokens(username, true).toString());
        }
    }

    /** What the template's password policy finds wrong with a password, in Cognito's words; null when nothing. */
    private static String policyBreach(String password) {
        if (password.length() < 12) {
            return "Password not long enough";
        } else if (!Pattern.compile("[a-z]").matcher(password).find()) {
            return "Password must have lowercase characters";
        } else if (!Pattern.compile("[A-Z]").matcher(password).find()) {
            return "Password must have uppercase characters";
        } else if (!Pattern.compile("[0-9]").matcher(password).find()) {
            return "Password must have numeric characters";
        } else if (!Pattern.compile("[\\^$*.\\[\\]{}()?\"!@#%&/\\\\,><':;|_~`=+\\- ]").matcher(password).find()) {
            return "Password must have symbol characters";
        }
        return null;
    }

    private ObjectNode tokens(String username, boolean withRefreshToken) {
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode result = answer.putObject("AuthenticationResult").put("AccessToken", accessTokens.apply(username))
                .put("ExpiresIn", ACCESS_TOKEN_SECONDS).put("TokenType", "Bearer");
        if (withRefreshToken) {
            String refreshToken = UUID.randomUUID().toString();
            refreshTokens.put(refreshToken, username);
            result.put("RefreshToken", refreshToken);
        }
        answer.putObject("ChallengeParameters");
        return answer;
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
