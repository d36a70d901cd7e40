package fi.vuoro.testkit.routes;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The project's own template and the small ones under {@code src/test/resources/templates/routes/}. */
final class RouteTemplates {

    private RouteTemplates() {}

    static CloudFormationTemplate project() {
        return CloudFormationTemplate.load(CloudFormationTemplate.locate());
    }

    static CloudFormationTemplate load(String name) {
        URL resource = RouteTemplates.class.getResource("/templates/routes/" + name);
        if (resource == null) {
            throw new IllegalArgumentException("No test template routes/" + name);
        }
        try {
            return CloudFormationTemplate.load(Path.of(resource.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
