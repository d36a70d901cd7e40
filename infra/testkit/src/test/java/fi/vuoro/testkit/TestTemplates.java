package fi.vuoro.testkit;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

final class TestTemplates {

    private TestTemplates() {}

    static Path path(String name) {
        URL resource = TestTemplates.class.getResource("/templates/" + name);
        if (resource == null) {
            throw new IllegalArgumentException("No test template " + name);
        }
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CloudFormationTemplate load(String name) {
        return CloudFormationTemplate.load(path(name));
    }
}
