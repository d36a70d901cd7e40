package fi.vuoro.bench.probe;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Runs in a fresh JVM on one deployment package's classes (plus this package): loads the handler class
 * template.yaml names and constructs it, as Lambda's init phase does, then hands it one event and prints one
 * result line for the harness. Configuration arrives as system properties and environment variables, the event
 * (already signed where it must be) as a JSON file. Only the JDK, {@code aws-lambda-java-core} and what the
 * package itself contains are used: the event is parsed with the package's Jackson when it has one (every
 * Micronaut function does), else by {@link MiniJson} (the baseline, which has no JSON library), as Lambda's
 * runtime would parse it with its own.
 *
 * <p>Arguments: {@code <handler class> <input type: a class name, or "map"> <event file>}.
 *
 * <p>Result line: {@code VUORO-COLDSTART mainAt=<epoch ms> initMs=.. parseMs=.. requestMs=.. cpuMs=.. status=..
 * twiml=true|false}; status is the HTTP status of an API Gateway response, or 0 for a job's answer.
 */
public final class ColdStartProbe {

    public static final String RESULT_PREFIX = "VUORO-COLDSTART ";
    public static final String MAP_INPUT = "map";

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainAt = System.currentTimeMillis();
        long t0 = System.nanoTime();
        Object handler = Class.forName(args[0]).getConstructor().newInstance();
        long t1 = System.nanoTime();
        Object event = parse(Files.readString(Path.of(args[2]), StandardCharsets.UTF_8), args[1]);
        long t2 = System.nanoTime();
        Object response = handle(handler, event);
        long t3 = System.nanoTime();
        // CPU of all the JVM's threads so far (JIT and GC included): what a slower, shared CPU would have to do
        long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        int status = 0;
        String body = "";
        if (response instanceof Map<?, ?> map) {
            Object code = map.get("statusCode");
            status = code instanceof Number number ? number.intValue() : 0;
        } else if (response != null && hasMethod(response, "getStatusCode")) {
            status = ((Number) call(response, "getStatusCode")).intValue();
            Object text = call(response, "getBody");
            body = text == null ? "" : Boolean.TRUE.equals(call(response, "getIsBase64Encoded"))
                    ? new String(Base64.getDecoder().decode(text.toString()), StandardCharsets.UTF_8)
                    : text.toString();
        }
        System.out.println(RESULT_PREFIX + "mainAt=" + mainAt
                + " initMs=" + millis(t1 - t0)
                + " parseMs=" + millis(t2 - t1)
                + " requestMs=" + millis(t3 - t2)
                + " cpuMs=" + cpuMs
                + " status=" + status
                + " answered=" + (response != null)
                + " twiml=" + body.contains("<Message>"));
        System.out.flush();
        // the timing is printed; whatever the handler left running (and a JFR recording or a CDS archive, if
        // asked for) ends with the JVM
        System.exit(0);
    }

    private static Object parse(String json, String inputType) throws Exception {
        Class<?> type = MAP_INPUT.equals(inputType) ? Map.class : Class.forName(inputType);
        Class<?> mapperClass;
        try {
            mapperClass = Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
        } catch (ClassNotFoundException e) {
            if (type != Map.class) {
                throw new IllegalStateException("No Jackson in the package to read a " + inputType);
            }
            return MiniJson.parse(json);
        }
        Object mapper = mapperClass.getConstructor().newInstance();
        Class<?> feature = Class.forName("com.fasterxml.jackson.databind.DeserializationFeature");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object failOnUnknown = Enum.valueOf((Class) feature, "FAIL_ON_UNKNOWN_PROPERTIES");
        mapperClass.getMethod("configure", feature, boolean.class).invoke(mapper, failOnUnknown, false);
        return mapperClass.getMethod("readValue", String.class, Class.class).invoke(mapper, json, type);
    }

    /** {@code RequestHandler.handleRequest(event, context)}, through the interface as Lambda's runtime calls it. */
    private static Object handle(Object handler, Object event) throws Exception {
        Class<?> requestHandler = Class.forName("com.amazonaws.services.lambda.runtime.RequestHandler");
        Class<?> context = Class.forName("com.amazonaws.services.lambda.runtime.Context");
        Method handle = requestHandler.getMethod("handleRequest", Object.class, context);
        return handle.invoke(handler, event, new ProbeContext());
    }

    private static boolean hasMethod(Object target, String name) {
        try {
            target.getClass().getMethod(name);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Object call(Object target, String name) throws Exception {
        return target.getClass().getMethod(name).invoke(target);
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1_000_000.0);
    }
}
