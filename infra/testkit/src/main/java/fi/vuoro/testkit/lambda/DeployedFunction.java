package fi.vuoro.testkit.lambda;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One Lambda function run as the managed Java runtime runs it: its deployment package unpacked into a task root,
 * a fresh JVM started with Lambda's runtime interface client on the class path, which loads the handler class the
 * template names from the task root and serves events from a {@link LambdaRuntimeApi}. The environment is exactly
 * what the caller gives plus what Lambda itself sets for a SnapStart version (function name, region, runtime API,
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, ...): nothing is inherited from the test's own process, so a
 * function cannot lean on access-key variables or settings a deployed function would not have.
 *
 * <p>An {@link AwsCallRecorder} is put into the task root's {@code lib/} (where the runtime adds jars to the
 * function's class path), so every AWS request the function makes is written down.
 */
public final class DeployedFunction implements AutoCloseable {

    private static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /**
     * What to run.
     *
     * @param name             the function's name, e.g. {@code vuoro-sms-webhook}
     * @param packageJar       the deployment package (the template's {@code CodeUri})
     * @param handler          the template's {@code Handler}
     * @param environment      the template's variables (resolved) and the endpoints the function is pointed at
     * @param runtimeClasspath the runtime interface client and its libraries: the runtime's own class path
     * @param timeout          the template's {@code Timeout}
     * @param memoryMb         the template's {@code MemorySize}
     * @param jvmFlags         flags of the runtime's JVM besides the function's own {@code JAVA_TOOL_OPTIONS}, e.g.
     *                         the {@link HttpsFrontDoor}'s proxy and trust store
     */
    public record Spec(String name, Path packageJar, String handler, Map<String, String> environment,
                       List<Path> runtimeClasspath, Duration timeout, int memoryMb, String region, String account,
                       List<String> jvmFlags) {
        public Spec {
            Objects.requireNonNull(name);
            environment = Map.copyOf(environment);
            runtimeClasspath = List.copyOf(runtimeClasspath);
            jvmFlags = List.copyOf(jvmFlags);
        }

        public String functionArn() {
            return "arn:aws:lambda:" + region + ":" + account + ":function:" + name + ":live";
        }
    }

    private final Spec spec;
    private final Path taskRoot;
    private final Path callsFile;
    private final LambdaRuntimeApi runtimeApi;
    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final Thread outputReader;

    private DeployedFunction(Spec spec, Path taskRoot, Path callsFile, LambdaRuntimeApi runtimeApi, Process process) {
        this.spec = spec;
        this.taskRoot = taskRoot;
        this.callsFile = callsFile;
        this.runtimeApi = runtimeApi;
        this.process = process;
        this.outputReader = new Thread(() -> readOutput(process.getInputStream()), "function-output-" + spec.name());
        this.outputReader.setDaemon(true);
        this.outputReader.start();
    }

    /** Unpacks the package, starts the runtime and waits until the function has initialised (and been restored). */
    public static DeployedFunction start(Spec spec, Duration initTimeout) {
        LambdaRuntimeApi runtimeApi = LambdaRuntimeApi.start();
        Path taskRoot = null;
        try {
            taskRoot = Files.createTempDirectory("lambda-task-" + spec.name() + "-");
            unpack(spec.packageJar(), taskRoot);
            writeRecorderJar(taskRoot.resolve("lib").resolve("aws-call-recorder.jar"));
            Path callsFile = Files.createTempFile("aws-calls-" + spec.name() + "-", ".jsonl");
            ProcessBuilder builder = new ProcessBuilder(command(spec, callsFile))
                    .directory(taskRoot.toFile())
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(lambdaEnvironment(spec, runtimeApi, taskRoot));
            DeployedFunction function = new DeployedFunction(spec, taskRoot, callsFile, runtimeApi, builder.start());
            try {
                runtimeApi.awaitInit(initTimeout);
            } catch (RuntimeException e) {
                String log = function.output();
                function.close();
                throw new IllegalStateException(spec.name() + " did not initialise: " + e.getMessage()
                        + "\n--- its output ---\n" + log, e);
            }
            return function;
        } catch (IOException e) {
            runtimeApi.close();
            delete(taskRoot);
            throw new UncheckedIOException("Cannot start " + spec.name(), e);
        }
    }

    /** Hands the function one event, as its event source would, and waits for the outcome. */
    public LambdaRuntimeApi.Outcome invoke(String event) {
        if (!process.isAlive()) {
            throw new IllegalStateException(spec.name() + " is not running any more:\n" + output());
        }
        return runtimeApi.invoke(event, spec.timeout(), spec.functionArn());
    }

    /** Whether the runtime went through the SnapStart checkpoint and restore before its first invocation. */
    public boolean restored() {
        return runtimeApi.restored();
    }

    /** The AWS requests the function made so far. */
    public RecordedAwsCalls awsCalls() {
        return new RecordedAwsCalls(callsFile);
    }

    public Spec spec() {
        return spec;
    }

    /** Everything the function wrote to standard output and error (its log lines), so far. */
    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    public List<String> outputLines() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    private void readOutput(InputStream stream) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    private static List<String> command(Spec spec, Path callsFile) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-D" + AwsCallRecorder.FILE_PROPERTY + "=" + callsFile);
        // Lambda sizes the heap from the function's memory, leaving room for the runtime.
        command.add("-Xmx" + Math.max(128, spec.memoryMb() * 85 / 100) + "m");
        command.addAll(spec.jvmFlags());
        command.add("-cp");
        command.add(spec.runtimeClasspath().stream().map(Path::toString).collect(Collectors.joining(":")));
        command.add(RUNTIME_MAIN);
        command.add(spec.handler());
        return command;
    }

    private static Map<String, String> lambdaEnvironment(Spec spec, LambdaRuntimeApi runtimeApi, Path taskRoot) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
        env.put("_HANDLER", spec.handler());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_REGION", spec.region());
        env.put("AWS_DEFAULT_REGION", spec.region());
        env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/01/[1]0123456789abcdef0123456789abcdef");
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        env.putAll(spec.environment());
        return env;
    }

    private static void unpack(Path jar, Path into) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("Entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
    }

    /** A jar holding the recorder and the service file that makes the SDK load it for every client. */
    private static void writeRecorderJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        String classFile = AwsCallRecorder.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             InputStream bytes = AwsCallRecorder.class.getClassLoader().getResourceAsStream(classFile)) {
            out.putNextEntry(new JarEntry(classFile));
            Objects.requireNonNull(bytes, classFile).transferTo(out);
            out.closeEntry();
            out.putNextEntry(new JarEntry(AwsCallRecorder.SERVICE_FILE));
            out.write((AwsCallRecorder.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        runtimeApi.close();
        delete(taskRoot);
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    // Left for the system's temporary-file cleanup.
                }
            });
        } catch (IOException e) {
            // Left for the system's temporary-file cleanup.
        }
    }
}
