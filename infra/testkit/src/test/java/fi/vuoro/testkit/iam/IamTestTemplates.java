package fi.vuoro.testkit.iam;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

/** The synthetic templates under {@code src/test/resources/templates/}, and the project's own. */
final class IamTestTemplates {

    /** A well-formed Twilio account SID: the real template declares no default for it. */
    static final String TWILIO_ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    private IamTestTemplates() {}

    static CloudFormationTemplate load(String name) {
        URL resource = IamTestTemplates.class.getResource("/templates/" + name);
        if (resource == null) {
            throw new IllegalArgumentException("No test template " + name);
        }
        try {
            return CloudFormationTemplate.load(Path.of(resource.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CloudFormationTemplate project() {
        return CloudFormationTemplate.load(CloudFormationTemplate.locate());
    }

    /** The declared value of output {@code name}, still unresolved. */
    @SuppressWarnings("unchecked")
    static Object output(CloudFormationTemplate template, String name) {
        return ((Map<String, Object>) template.outputs().get(name)).get("Value");
    }
}
