package fi.vuoro.local;

import fi.vuoro.domain.interpreter.InterpreterDirectory;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import fi.vuoro.platform.twilio.JavaNetTwilioHttpClient;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.FakeTwilioApi;
import fi.vuoro.testkit.TemplateTables;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole service on one machine: DynamoDB Local in-process with the tables declared in
 * template.yaml, a fake Twilio REST API on loopback, and every function's controllers behind one
 * HTTP server, with the SMS simulator page and a seeded demo site.
 */
public final class LocalRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);
    /** The table's logical id in template.yaml, which is its name locally. */
    static final String TABLE = "VuoroTable";

    private final DynamoDbLocalServer dynamo;
    private final FakeTwilioApi twilio;
    private final ApplicationContext context;
    private final int port;
    private final DynamoDbClient client;

    private LocalRuntime(DynamoDbLocalServer dynamo, FakeTwilioApi twilio, ApplicationContext context, int port,
                         DynamoDbClient client) {
        this.dynamo = dynamo;
        this.client = client;
        this.twilio = twilio;
        this.context = context;
        this.port = port;
    }

    public static void main(String[] args) {
        LocalRuntime runtime = start(LocalSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "local-runtime-stop"));
        LOG.info("Local runtime started on port {}", runtime.port());
        String base = runtime.baseUrl().toString();
        System.out.printf("%nVuoro runs at %s%n"
                        + "  SMS simulator:    %s/simulator/index.html  (demo site number %s)%n"
                        + "  staff live queue: %s/staff/index.html  (anna / vuoro-demo)%n"
                        + "  interpreters:     %s/staff/interpreters.html  (coordinator / vuoro-demo)%n"
                        + "    demo interpreters text %s from +358500000201 (fa), +358500000202 (fa, ar),"
                        + " +358500000203 (ar, so)%n"
                        + "  reports:          %s/staff/reports.html  (coordinator / vuoro-demo)%n"
                        + "  sites:            %s/staff/sites.html  (coordinator / vuoro-demo: set up hervanta,"
                        + " e.g. from docs/examples/hervanta-settings.json)%n"
                        + "  lobby screen:     %s/lobby/index.html?site=demo%n"
                        + "  sent SMS:         %s/local/messages%n"
                        + "Stop with Ctrl+C.%n",
                base, base, DemoSite.NUMBER, base, base, DemoSite.NUMBER, base, base, base, base);
    }

    public static LocalRuntime start(LocalSettings settings) {
        return start(settings, Map.of());
    }

    /**
     * Started with some of its settings replaced, e.g. by a test that has the staff pages sign in against a
     * loopback Cognito ({@code vuoro.staff-login-url} blank, {@code vuoro.cognito-endpoint} its address).
     */
    public static LocalRuntime start(LocalSettings settings, Map<String, Object> overrides) {
        return start(settings, overrides, http -> http);
    }

    /**
     * Started with the service's DynamoDB requests going through {@code dynamoHttp} wrapped around the usual HTTP
     * client, e.g. one that injects the faults DynamoDB and the network produce.
     */
    public static LocalRuntime start(LocalSettings settings, Map<String, Object> overrides,
                                     UnaryOperator<SdkHttpClient> dynamoHttp) {
        DynamoDbLocalServer dynamo = DynamoDbLocalServer.start();
        FakeTwilioApi twilio = null;
        DynamoDbClient client = null;
        try {
            CloudFormationTemplate template = CloudFormationTemplate.load(CloudFormationTemplate.locate());
            if (settings.onMachineClock()) {
                TemplateTables.createAll(dynamo.client(), template);
            } else {
                // DynamoDB Local would delete by the machine's clock what has not expired by the runtime's.
                TemplateTables.createAllWithoutTimeToLive(dynamo.client(), template);
            }
            twilio = FakeTwilioApi.start(0);
            client = DynamoDbClient.builder().httpClient(dynamoHttp.apply(UrlConnectionHttpClient.create()))
                    .endpointOverride(dynamo.endpoint()).region(Region.EU_NORTH_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .build();
            ApplicationContext context = ApplicationContext.builder()
                    .properties(properties(settings, dynamo.endpoint(), overrides))
                    .singletons(settings.clock(), twilio, new RecordingTwilio(twilio),
                            new JavaNetTwilioHttpClient(Duration.ofSeconds(30), twilio.baseUrl()), client)
                    .start();
            context.getBean(DynamoSiteDirectory.class).save(DemoSite.create());
            context.getBean(LocalStaffAccounts.class).seedDemoAccounts();
            DemoInterpreters.seed(context.getBean(InterpreterDirectory.class), context.getBean(PhoneProtector.class));
            context.getBean(EmbeddedServer.class).start();
            context.getBean(LocalSchedules.class).start();
            return new LocalRuntime(dynamo, twilio, context, settings.port(), client);
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            if (twilio != null) {
                twilio.close();
            }
            dynamo.close();
            throw e;
        }
    }

    private static Map<String, Object> properties(LocalSettings settings, URI dynamoEndpoint,
                                                  Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", settings.port());
        properties.put("micronaut.server.host", "localhost");
        properties.put("micronaut.router.static-resources.simulator.paths", "classpath:simulator");
        properties.put("micronaut.router.static-resources.simulator.mapping", "/simulator/**");
        // The feedback form's Referrer-Policy: no-referrer makes browsers post it with "Origin: null", which Micronaut's
        // guard against drive-by requests to localhost refuses (403) on a server at localhost; deployed, the host is not.
        properties.put("micronaut.server.cors.localhost-pass-through", true);
        properties.put("vuoro.table-name", TABLE);
        properties.put("vuoro.dynamodb-endpoint", dynamoEndpoint.toString());
        properties.put("vuoro.public-base-url", "http://localhost:" + settings.port());
        properties.put("vuoro.twilio-account-sid", LocalSettings.DEV_TWILIO_ACCOUNT_SID);
        properties.put("vuoro.twilio-auth-token", settings.twilioAuthToken());
        properties.put("vuoro.phone-hash-key", LocalSettings.DEV_PHONE_HASH_KEY);
        properties.put("vuoro.phone-encryption-key", LocalSettings.DEV_PHONE_ENCRYPTION_KEY);
        properties.put("vuoro.staff-jwks-url", "http://localhost:" + settings.port() + LocalLoginController.JWKS_PATH);
        properties.put("vuoro.staff-token-issuer", "http://localhost:" + settings.port() + "/local");
        properties.put("vuoro.staff-client-id", LocalTokenIssuer.CLIENT_ID);
        properties.put("vuoro.staff-login-url", LocalLoginController.LOGIN_PATH);
        properties.put("vuoro.staff-refresh-url", LocalLoginController.REFRESH_PATH);
        properties.put("vuoro.staff-sign-out-url", LocalLoginController.SIGN_OUT_PATH);
        properties.putAll(overrides);
        return properties;
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + port);
    }

    public int port() {
        return port;
    }

    public FakeTwilioApi twilio() {
        return twilio;
    }

    public ApplicationContext context() {
        return context;
    }

    public DynamoDbLocalServer dynamo() {
        return dynamo;
    }

    /** Everything the fake Twilio has sent so far (TwiML replies and REST messages). */
    public List<FakeTwilioApi.RecordedMessage> sentMessages() {
        return twilio.messages();
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            client.close();
            twilio.close();
            dynamo.close();
        }
    }

}
