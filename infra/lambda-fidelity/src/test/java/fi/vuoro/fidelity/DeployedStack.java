package fi.vuoro.fidelity;

import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.platform.crypto.KeyedPhoneProtector;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.FakeTwilioApi;
import fi.vuoro.testkit.TemplateTables;
import fi.vuoro.testkit.iam.FunctionEnvironment;
import fi.vuoro.testkit.iam.TemplateContext;
import fi.vuoro.testkit.iam.TemplateResolver;
import fi.vuoro.testkit.lambda.ContainerCredentials;
import fi.vuoro.testkit.lambda.DeployedFunction;
import fi.vuoro.testkit.lambda.FakeSsm;
import fi.vuoro.testkit.lambda.HttpsFrontDoor;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stack of template.yaml as it runs in AWS, on this machine: each function from its deployment package under
 * Lambda's runtime interface client with a SnapStart init, its environment exactly as the template resolves it for
 * a test deployment (no access keys: container credentials only), and behind the real public endpoints (DynamoDB,
 * SSM, Twilio, Cognito reached by name over TLS through the {@link HttpsFrontDoor}): DynamoDB Local with the
 * template's tables, SSM SecureStrings, the fake Twilio, the staff user pool's keys.
 *
 * <p>Started once per test run and shared: functions start when first used.
 */
final class DeployedStack implements AutoCloseable {

    static final String TWILIO_ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String TWILIO_AUTH_TOKEN = "deployed-stack-twilio-auth-token";
    static final String PHONE_HASH_KEY = "deployed-stack-phone-hash-key-0123456789";
    static final String PHONE_ENCRYPTION_KEY = "deployed-stack-phone-encryption-key-0123456789";
    static final String TABLE = "VuoroTable";
    private static final Duration INIT_TIMEOUT = Duration.ofSeconds(90);
    private static DeployedStack shared;

    final CloudFormationTemplate template;
    final TemplateContext context;
    final TemplateResolver resolver;
    final DynamoDbLocalServer dynamo;
    final ContainerCredentials credentials;
    final FakeSsm ssm;
    final FakeTwilioApi twilio;
    final CognitoUserPool cognito;
    final HttpsFrontDoor frontDoor;
    private final Map<String, URI> hosts = new LinkedHashMap<>();
    private final Map<String, DeployedFunction> functions = new ConcurrentHashMap<>();
    private final Map<String, ContainerCredentials.Grant> grants = new ConcurrentHashMap<>();

    private DeployedStack() {
        template = CloudFormationTemplate.load(CloudFormationTemplate.locate());
        TemplateContext defaults = TemplateContext.defaults();
        context = defaults.withParameter("TwilioAccountSid", TWILIO_ACCOUNT_SID)
                .withParameter("PublicBaseUrl", "https://" + defaults.httpApiId() + ".execute-api."
                        + defaults.region() + "." + defaults.urlSuffix());
        resolver = new TemplateResolver(template, context);
        dynamo = DynamoDbLocalServer.start();
        TemplateTables.createAll(dynamo.client(), template);
        credentials = ContainerCredentials.start();
        ssm = FakeSsm.start(credentials, context.region(), context.accountId())
                .putSecureString(parameter("TwilioAuthTokenParameter"), TWILIO_AUTH_TOKEN)
                .putSecureString(parameter("PhoneHashKeyParameter"), PHONE_HASH_KEY)
                .putSecureString(parameter("PhoneEncryptionKeyParameter"), PHONE_ENCRYPTION_KEY);
        twilio = FakeTwilioApi.start(0);
        twilio.requireAuthToken(TWILIO_AUTH_TOKEN);
        cognito = new CognitoUserPool(context.region(), context.userPoolId(), context.userPoolClientId());
        cognito.admin().requireSignaturesBy(credentials);
        hosts.put("dynamodb." + context.region() + ".amazonaws.com", dynamo.endpoint());
        hosts.put("ssm." + context.region() + ".amazonaws.com", ssm.endpoint());
        hosts.put("api.twilio.com", twilio.baseUrl());
        hosts.put("cognito-idp." + context.region() + ".amazonaws.com", cognito.baseUrl());
        frontDoor = HttpsFrontDoor.start(hosts);
    }

    static synchronized DeployedStack shared() {
        if (shared == null) {
            shared = new DeployedStack();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "deployed-stack-stop"));
        }
        return shared;
    }

    /** The function the template declares under this logical id, started (init and restore) on first use. */
    DeployedFunction function(String logicalId) {
        return functions.computeIfAbsent(logicalId, id -> start(id, id, frontDoor));
    }

    /**
     * Another instance of the function, whose requests to the given hosts go elsewhere (e.g. DynamoDB to an endpoint
     * that denies everything, as AWS does when a role lacks a permission). The caller closes it.
     */
    Isolated functionBehind(String logicalId, Map<String, URI> elsewhere) {
        Map<String, URI> rerouted = new LinkedHashMap<>(hosts);
        rerouted.putAll(elsewhere);
        HttpsFrontDoor door = HttpsFrontDoor.start(rerouted);
        return new Isolated(start(logicalId + "Isolated", logicalId, door), door);
    }

    /** A function started on its own, with its own way to the internet. */
    record Isolated(DeployedFunction function, HttpsFrontDoor door) implements AutoCloseable {
        @Override
        public void close() {
            function.close();
            door.close();
        }
    }

    /** The functions started so far, by logical id. */
    Map<String, DeployedFunction> started() {
        return Map.copyOf(functions);
    }

    /** The credentials issued to the function's role. */
    ContainerCredentials.Grant grant(String logicalId) {
        return grants.get(logicalId);
    }

    String publicBaseUrl() {
        return parameter("PublicBaseUrl");
    }

    /** The keys the deployment's functions read from SSM, for making and reading test data. */
    PhoneProtector phones() {
        return new KeyedPhoneProtector(PHONE_HASH_KEY, PHONE_ENCRYPTION_KEY);
    }

    /** A template parameter's value in this deployment: the test value, else its default. */
    String parameter(String name) {
        return resolver.string(Map.of("Ref", name), "Parameters." + name);
    }

    private DeployedFunction start(String instance, String logicalId, HttpsFrontDoor door) {
        CloudFormationTemplate.Resource resource = template.resourcesOfType("AWS::Serverless::Function").get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("template.yaml declares no function " + logicalId);
        }
        Map<String, Object> properties = resource.properties();
        @SuppressWarnings("unchecked")
        Map<String, Object> globals = (Map<String, Object>) template.globals().getOrDefault("Function", Map.of());
        String name = resolver.string(properties.get("FunctionName"), logicalId + ".FunctionName");
        ContainerCredentials.Grant grant = credentials.issue(instance);
        grants.put(instance, grant);
        Map<String, String> environment = new LinkedHashMap<>(FunctionEnvironment.of(template, logicalId, resolver));
        // What Lambda sets for a SnapStart function's role instead of access-key variables.
        environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", grant.fullUri().toString());
        environment.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", grant.authorizationToken());
        DeployedFunction.Spec spec = new DeployedFunction.Spec(name,
                CloudFormationTemplate.locate().getParent().resolve((String) properties.get("CodeUri")),
                (String) properties.get("Handler"), environment, runtimeClasspath(),
                Duration.ofSeconds(number(properties, globals, "Timeout", 3)),
                (int) number(properties, globals, "MemorySize", 128), context.region(), context.accountId(),
                door.jvmFlags());
        return DeployedFunction.start(spec, INIT_TIMEOUT);
    }

    private static long number(Map<String, Object> properties, Map<String, Object> globals, String key, long fallback) {
        Object value = properties.containsKey(key) ? properties.get(key) : globals.get(key);
        return value == null ? fallback : Long.parseLong(String.valueOf(value));
    }

    /** Lambda's Java runtime: the runtime interface client and the libraries it brings, nothing of the function. */
    private static List<Path> runtimeClasspath() {
        List<String> artifacts = List.of("aws-lambda-java-runtime-interface-client", "aws-lambda-java-core",
                "aws-lambda-java-serialization", "/utils-lite/");
        List<Path> entries = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> artifacts.stream().anyMatch(entry::contains))
                .map(Path::of).toList();
        if (entries.size() != artifacts.size()) {
            throw new IllegalStateException("The runtime's libraries are not all on the test class path: " + entries);
        }
        return entries;
    }

    @Override
    public void close() {
        // In parallel: each stops its runtime process and deletes its unpacked task root.
        functions.values().parallelStream().forEach(DeployedFunction::close);
        frontDoor.close();
        cognito.close();
        twilio.close();
        ssm.close();
        credentials.close();
        dynamo.close();
    }
}
