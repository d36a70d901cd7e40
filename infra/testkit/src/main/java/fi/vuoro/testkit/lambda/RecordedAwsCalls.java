package fi.vuoro.testkit.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The AWS requests one deployed function made, as its {@link AwsCallRecorder} wrote them down. */
public final class RecordedAwsCalls {

    /** One signed request: what IAM authorises it by, and who signed it. */
    public record Call(String service, String operation, String accessKeyId, boolean sessionToken,
                       List<Grant> grants) {
    }

    /** An IAM action and its resource relative to the service's ARN, e.g. {@code table/VuoroTable/index/GSI1}. */
    public record Grant(String action, String resource) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    RecordedAwsCalls(Path file) {
        this.file = file;
    }

    public List<Call> calls() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Call> calls = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                List<Grant> grants = new ArrayList<>();
                node.path("grants").forEach(g -> grants.add(new Grant(g.path("action").asText(),
                        g.path("resource").asText())));
                calls.add(new Call(node.path("service").asText(), node.path("operation").asText(),
                        node.path("accessKeyId").asText(), node.path("sessionToken").asBoolean(), List.copyOf(grants)));
            }
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the recorded AWS calls in " + file, e);
        }
    }

    /** Every distinct (action, resource) the function needed. */
    public Set<Grant> grants() {
        Set<Grant> grants = new LinkedHashSet<>();
        calls().forEach(call -> grants.addAll(call.grants()));
        return grants;
    }
}
