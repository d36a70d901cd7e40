package fi.vuoro.sms;

import fi.vuoro.testkit.FormEncoding;
import fi.vuoro.testkit.TestLambdaContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.testkit.TwilioWebhookSigner;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployed entry point: template.yaml's Handler, fed an API Gateway HTTP API (payload 2.0) event
 * as Twilio's webhook arrives in AWS, on DynamoDB Local.
 */
class ApiGatewayLambdaIT {

    private static final String PUBLIC_BASE_URL = "https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com";
    private static final String TOKEN = "lambda-test-auth-token";
    private static final String SITE_NUMBER = "+358500000077";
    private static DeployedSmsWebhook function;
    private static APIGatewayV2HTTPEventFunction handler;

    @BeforeAll
    static void startFunction() {
        function = DeployedSmsWebhook.start(PUBLIC_BASE_URL, TOKEN);
        new DynamoSiteDirectory(function.dynamo(), new TableName(DeployedSmsWebhook.TABLE), Clock.systemUTC()).save(
                new Site("lambda", "Lambda Site", SITE_NUMBER, OpeningHours.always(), Set.of("fi"),
                        Duration.ofMinutes(15), 1, 'L', Set.of()));
        handler = function.handler();
    }

    @AfterAll
    static void stopFunction() {
        function.close();
    }

    @Test
    void handler_shouldAnswerASignedInboundSmsWithTwiml() throws IOException {
        Map<String, String> params = twilioParams("JONO");
        String signature = new TwilioWebhookSigner(TOKEN).sign(PUBLIC_BASE_URL + "/sms/inbound", params);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event(params, signature), new TestLambdaContext("sms-webhook", Duration.ofSeconds(20)));
        assertEquals(200, response.getStatusCode(), response.getBody());
        String body = decoded(response);
        assertTrue(body.contains("<Message>") && body.contains("L1"), body);
    }

    @Test
    void handler_shouldRefuseAWronglySignedWebhookWith403() throws IOException {
        Map<String, String> params = twilioParams("JONO");
        APIGatewayV2HTTPResponse response = handler.handleRequest(event(params, "bm90IGEgc2lnbmF0dXJl"), new TestLambdaContext("sms-webhook", Duration.ofSeconds(20)));
        assertEquals(403, response.getStatusCode());
    }

    private static Map<String, String> twilioParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "FI");
        params.put("SmsMessageSid", "SM" + java.util.UUID.randomUUID().toString().replace("-", ""));
        params.put("NumMedia", "0");
        params.put("Body", body);
        params.put("To", SITE_NUMBER);
        params.put("MessageSid", params.get("SmsMessageSid"));
        params.put("AccountSid", "AC00000000000000000000000000000001");
        params.put("From", "+358401234567");
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    private static APIGatewayV2HTTPEvent event(Map<String, String> params, String signature) throws IOException {
        String form = FormEncoding.encode(params);
        String json;
        try (InputStream in = ApiGatewayLambdaIT.class.getResourceAsStream("/events/twilio-inbound-sms.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${signature}", signature)
                    .replace("${body}", Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)));
        }
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(json, APIGatewayV2HTTPEvent.class);
    }

    private static String decoded(APIGatewayV2HTTPResponse response) {
        return response.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(response.getBody()), StandardCharsets.UTF_8)
                : response.getBody();
    }
}
