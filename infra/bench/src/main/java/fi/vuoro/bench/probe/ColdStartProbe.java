package fi.vuoro.bench.probe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Runs in a fresh JVM on the deployed Lambda jar's classes (plus this class): constructs the handler
 * template.yaml names, as Lambda's init phase does, then hands it one API Gateway HTTP API event and
 * prints one result line for the harness. Its configuration arrives as system properties, the event
 * (already signed) as a JSON file, so nothing here needs more than the JDK and the Lambda jar.
 *
 * <p>Result line: {@code VUORO-COLDSTART mainAt=<epoch ms> initMs=.. parseMs=.. requestMs=.. cpuMs=.. status=.. twiml=true|false}.
 */
public final class ColdStartProbe {

    public static final String RESULT_PREFIX = "VUORO-COLDSTART ";

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainAt = System.currentTimeMillis();
        long t0 = System.nanoTime();
        APIGatewayV2HTTPEventFunction handler = new APIGatewayV2HTTPEventFunction();
        long t1 = System.nanoTime();
        APIGatewayV2HTTPEvent event = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8), APIGatewayV2HTTPEvent.class);
        long t2 = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new ProbeContext());
        long t3 = System.nanoTime();
        // CPU of all the JVM's threads so far (JIT and GC included): what a slower, shared CPU would have to do
        long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        String body = response.getBody() == null ? ""
                : Boolean.TRUE.equals(response.getIsBase64Encoded())
                        ? new String(Base64.getDecoder().decode(response.getBody()), StandardCharsets.UTF_8)
                        : response.getBody();
        System.out.println(RESULT_PREFIX + "mainAt=" + mainAt
                + " initMs=" + millis(t1 - t0)
                + " parseMs=" + millis(t2 - t1)
                + " requestMs=" + millis(t3 - t2)
                + " cpuMs=" + cpuMs
                + " status=" + response.getStatusCode()
                + " twiml=" + body.contains("<Message>"));
        System.out.flush();
        // the timing is printed; whatever the handler left running (and a JFR recording, if asked for) ends with the JVM
        System.exit(0);
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1_000_000.0);
    }
}
