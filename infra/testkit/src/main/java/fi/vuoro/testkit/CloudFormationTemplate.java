package fi.vuoro.testkit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A CloudFormation/SAM {@code template.yaml} read as plain maps and lists, with short-form intrinsics
 * kept as their long-form maps so local tooling sees exactly what is declared for the cloud.
 */
public final class CloudFormationTemplate {

    private static final String TEMPLATE_FILE = "template.yaml";

    /** One entry of the {@code Resources} section; {@code properties} is empty when none are declared. */
    public record Resource(String logicalId, String type, Map<String, Object> properties) {}

    private final Path path;
    private final Map<String, Object> root;

    private CloudFormationTemplate(Path path, Map<String, Object> root) {
        this.path = path;
        this.root = root;
    }

    public static CloudFormationTemplate load(Path path) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new IntrinsicFunctionConstructor(options));
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Object document = yaml.load(reader);
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(path + " is not a CloudFormation template: its top level is not a mapping");
            }
            return new CloudFormationTemplate(path, stringKeyed(map, path.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + path, e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("Cannot parse template " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Finds the project's template by walking up from the working directory to the first directory holding
     * both {@code template.yaml} and {@code pom.xml}, so tests find it whichever module they run from.
     */
    public static Path locate() {
        return locateFrom(Path.of("").toAbsolutePath());
    }

    static Path locateFrom(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path template = dir.resolve(TEMPLATE_FILE);
            if (Files.isRegularFile(template) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return template;
            }
        }
        throw new IllegalStateException("No directory containing both " + TEMPLATE_FILE
                + " and pom.xml found from " + start + " upwards");
    }

    public Path path() {
        return path;
    }

    /** All resources in declaration order. */
    public Map<String, Resource> resources() {
        Map<String, Resource> resources = new LinkedHashMap<>();
        section("Resources").forEach((logicalId, body) -> {
            Map<String, Object> declaration = stringKeyed(body, where("Resources." + logicalId));
            Object type = declaration.get("Type");
            if (!(type instanceof String typeName)) {
                throw new IllegalArgumentException("Resource " + logicalId + " in " + path + " has no Type");
            }
            Object properties = declaration.get("Properties");
            Map<String, Object> props = properties == null
                    ? Map.of()
                    : stringKeyed(properties, where("Resources." + logicalId + ".Properties"));
            resources.put(logicalId, new Resource(logicalId, typeName, props));
        });
        return Collections.unmodifiableMap(resources);
    }

    /** The resources of one type (e.g. {@code AWS::Serverless::Function}) in declaration order. */
    public Map<String, Resource> resourcesOfType(String type) {
        Map<String, Resource> matching = new LinkedHashMap<>();
        resources().forEach((logicalId, resource) -> {
            if (resource.type().equals(type)) {
                matching.put(logicalId, resource);
            }
        });
        return Collections.unmodifiableMap(matching);
    }

    /** The SAM {@code Globals} section, empty when the template has none. */
    public Map<String, Object> globals() {
        return section("Globals");
    }

    public Map<String, Object> parameters() {
        return section("Parameters");
    }

    public Map<String, Object> outputs() {
        return section("Outputs");
    }

    private Map<String, Object> section(String name) {
        Object section = root.get(name);
        return section == null ? Map.of() : Collections.unmodifiableMap(stringKeyed(section, where(name)));
    }

    private String where(String location) {
        return location + " in " + path;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeyed(Object value, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + " should be a mapping but is " + value);
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException(where + " has a non-string key: " + key);
            }
        }
        return (Map<String, Object>) map;
    }
}
